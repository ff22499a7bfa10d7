// DOM building blocks every renderer shares: text-only nodes (never innerHTML), JSON, tables.

/** A DOM node; text goes through textContent, never innerHTML. */
export function el(tag, attrs, children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([key, value]) => {
    if (key === "text") node.textContent = value;
    else if (value !== null && value !== undefined) node.setAttribute(key, value);
  });
  (children || []).forEach((child) => { if (child) node.appendChild(child); });
  return node;
}

export const pretty = (value) => JSON.stringify(value);
export const indented = (value) => JSON.stringify(value, null, 2);

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
 * Depth-capped like the server's filters: a hostile value never recurses without a bound. */
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

/** One matcher (`{"$regex": "..."}`) in words, as challenge_format's python_expected says it;
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

/** A result table ({columns, rows}); a value that isn't one is shown as JSON. */
export function table(data) {
  if (!data || !Array.isArray(data.columns) || !Array.isArray(data.rows)) return el("pre", { text: pretty(data) });
  const head = el("tr", {}, data.columns.map((c) => el("th", { scope: "col", text: String(c) })));
  const body = data.rows.map((r) =>
    el("tr", {}, [].concat(r).map((v) => el("td", { text: v === null ? "NULL" : typeof v === "object" ? JSON.stringify(v) : String(v) }))));
  return el("div", { class: "table-scroll" }, [el("table", { class: "data" }, [el("thead", {}, [head]), el("tbody", {}, body)])]);
}

const MAX_DIFFERENCES = 6;

/** Where `actual` departs from `expected`, one line per place, e.g. `total_cents: expected 900, got 1000`. */
export function differencesOf(expected, actual, path = "", out = [], show = pretty) {
  if (out.length >= MAX_DIFFERENCES) return out;
  const at = path || "the result";
  if (typeof expected === "string" && typeof actual === "string" && (expected.includes("\n") || actual.includes("\n"))) {
    const want = expected.split("\n");
    const got = actual.split("\n");
    for (let i = 0; i < Math.max(want.length, got.length) && out.length < MAX_DIFFERENCES; i++) {
      if (want[i] === got[i]) continue;
      const where = (path ? path + " " : "") + "line " + (i + 1);
      if (got[i] === undefined) out.push(where + ": missing, expected " + show(want[i]));
      else if (want[i] === undefined) out.push(where + ": extra " + show(got[i]));
      else out.push(where + ": expected " + show(want[i]) + ", got " + show(got[i]));
    }
    return out;
  }
  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) out.push(at + ": expected " + expected.length + " item(s), got " + actual.length);
    for (let i = 0; i < Math.min(expected.length, actual.length); i++) differencesOf(expected[i], actual[i], path + "[" + i + "]", out, show);
    return out;
  }
  if (isObject(expected) && isObject(actual)) {
    // Sorted: the same order whatever the database did to the keys (PostgreSQL's jsonb reorders them).
    Object.keys(expected).sort().forEach((key) => {
      const where = path ? path + "." + key : key;
      if (!(key in actual)) { if (out.length < MAX_DIFFERENCES) out.push(where + ": missing"); }
      else differencesOf(expected[key], actual[key], where, out, show);
    });
    Object.keys(actual).filter((key) => !(key in expected)).sort().forEach((key) => {
      if (out.length < MAX_DIFFERENCES) out.push((path ? path + "." + key : key) + ": not expected");
    });
    return out;
  }
  if (show(expected) !== show(actual)) out.push(at + ": expected " + show(expected) + ", got " + show(actual));
  return out;
}

/** A visible case as values: where the result differs, then input, expected and actual.
 * The plain rendering (JSON) for a row whose kind has no renderer; a kind passes its own
 * notation (`show`, `showInput`), e.g. Python literals. */
export function valuesDetail(row, notation) {
  const show = (notation && notation.show) || pretty;
  const showExpected = (notation && notation.showExpected) || show;
  const showInput = (notation && notation.showInput) || show;
  const differences = !row.passed && row.actual !== null && row.actual !== undefined ? differencesOf(row.expected, row.actual, "", [], show) : [];
  return [differences.length ? el("ul", { class: "diff-list", "aria-label": "Differences" }, differences.map((line) => el("li", { text: line }))) : null,
    el("div", { class: "io" }, [
      el("div", {}, [el("strong", { text: (notation && notation.inputLabel) || "Input" }), el("pre", { text: showInput(row.input) })]),
      el("div", {}, [el("strong", { text: "Expected" }), el("pre", { text: showExpected(row.expected) })]),
      el("div", {}, [el("strong", { text: "Actual" }), el("pre", { text: row.actual === null || row.actual === undefined ? "—" : show(row.actual) })]),
    ])];
}
