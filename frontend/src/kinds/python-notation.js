// Python notation: JSON case data as a Python candidate reads it (literals, calls, matchers in
// words), as challenges/kinds/python_notation.py writes it on the server. Used by the kinds whose
// code is Python (python.js, api.js).

/** Text shown as it is inside a literal (no quotes): a matcher described in words. */
class Words {
  constructor(text) { this.text = text; }
}
export const isWords = (value) => value instanceof Words;

/** A string as Python's repr() writes it: single quotes unless the text holds one and no double. */
function pyString(text) {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
  return quote + (quote === "'" ? escaped.replace(/'/g, "\\'") : escaped) + quote;
}

/** A JSON value as a Python literal (None, True, 'text', {'key': 1}), matchers in words.
 * Depth-capped like the server's notation: a hostile value never recurses without a bound. */
export function pyLiteral(value, depth = 0) {
  if (depth > 64) return "...";
  if (value instanceof Words) return value.text;
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "string") return pyString(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "nan";
  if (Array.isArray(value)) return "[" + value.map((item) => pyLiteral(item, depth + 1)).join(", ") + "]";
  if (typeof value === "object") {
    return "{" + Object.entries(value).map(([key, item]) => pyString(key) + ": " + pyLiteral(item, depth + 1)).join(", ") + "}";
  }
  return String(value);
}

const TYPE_WORDS = {
  string: "text", integer: "an integer", number: "a number", boolean: "True or False",
  null: "None", array: "a list", object: "a dict",
};

/** One matcher (`{"$regex": "..."}`) in words, as python_notation.python_expected says it;
 * null when `name` isn't one we describe. */
function matcherWords(name, argument, depth) {
  if (name === "$any") return new Words("<any value>");
  if (name === "$raises" && argument && typeof argument === "object") {
    let raised = "<raises " + (typeof argument.type === "string" ? argument.type : "an exception");
    if (typeof argument.message === "string") raised += "(" + pyString(argument.message) + ")";
    else if (argument.message && typeof argument.message.$regex === "string") raised += " with a message matching " + pyString(argument.message.$regex);
    return new Words(raised + ">");
  }
  if (name === "$regex" && typeof argument === "string") return new Words("<text matching " + pyString(argument) + ">");
  if (name === "$type" && Object.prototype.hasOwnProperty.call(TYPE_WORDS, argument)) return new Words("<" + TYPE_WORDS[argument] + ">");
  if (name === "$len" && Number.isInteger(argument)) return new Words("<" + argument + " items>");
  if (name === "$unordered" && Array.isArray(argument)) return new Words("<in any order: " + pyLiteral(readable(argument, depth + 1)) + ">");
  if (name === "$absent" && argument === true) return new Words("<absent>");
  if (name === "$exact" || name === "$subset") return readable(argument, depth + 1);
  return null;
}

/** An author's expected value with its matchers replaced by words (pass to pyLiteral). */
export function readable(value, depth = 0) {
  if (depth > 64) return new Words("...");
  if (Array.isArray(value)) return value.map((item) => readable(item, depth + 1));
  if (!value || typeof value !== "object") return value;
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const words = matcherWords(keys[0], value[keys[0]], depth);
    if (words !== null) return words;
  }
  const out = {};
  keys.forEach((key) => { out[key] = readable(value[key], depth + 1); });
  return out;
}

/** An expected value as Python, matchers in words. */
export const pyExpected = (value) => pyLiteral(readable(value));

/** A Python call's input ({args, kwargs} or a class's {ops}) as the statement writes it. */
export function pyCall(input, entrypoint) {
  const name = typeof entrypoint === "string" && entrypoint ? entrypoint : "solution";
  const argumentsOf = (call) => [].concat(Array.isArray(call.args) ? call.args.map((arg) => pyLiteral(arg)) : [])
    .concat(call.kwargs && typeof call.kwargs === "object" ? Object.entries(call.kwargs).map(([key, v]) => key + "=" + pyLiteral(v)) : [])
    .join(", ");
  if (!input || typeof input !== "object") return pyLiteral(input);
  if (Array.isArray(input.ops)) {
    return input.ops.map((op) => (op && "attr" in op ? String(op.attr) : (op && op.method ? op.method : name) + "(" + argumentsOf(op || {}) + ")")).join("\n");
  }
  if ("args" in input || "kwargs" in input) return name + "(" + argumentsOf(input) + ")";
  if (typeof input.stdin === "string") return input.stdin;
  return pyLiteral(input);
}
