// Python: a visible case as the statement writes it (the call, values as Python literals,
// matchers in words), and where the values differ. A custom run's row sets the reference
// solution's outcome beside the candidate's, an exception either raised shown in words.
import { CUSTOM_LABELS, valuesDetail } from "../render.js";
import { pyCall, pyExpected, pyLiteral } from "./python-notation.js";

/** What a call did: its value as a literal, or the exception it raised (`<raises T('msg')>`). */
function pyOutcome(value) {
  const raised = value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 1 ? value.__raised__ : null;
  if (!raised || typeof raised !== "object") return pyLiteral(value);
  const type = typeof raised.type === "string" ? raised.type : "an exception";
  return "<raises " + type + (typeof raised.message === "string" ? "(" + pyLiteral(raised.message) + ")" : "") + ">";
}

export function renderCase(row, context) {
  const entrypoint = context && context.entrypoint;
  const program = row.input && typeof row.input === "object" && typeof row.input.stdin === "string";
  if (program) {
    // A program's stdin and stdout are text: shown as they are, not as literals.
    const text = (value) => (value && typeof value.stdout === "string" ? value.stdout : pyLiteral(value));
    return valuesDetail(row, { show: text, showInput: (input) => input.stdin, inputLabel: "stdin" });
  }
  if (row.custom) {
    return valuesDetail(row, Object.assign({ show: pyOutcome, showInput: (input) => pyCall(input, entrypoint), inputLabel: "Call" }, CUSTOM_LABELS));
  }
  return valuesDetail(row, { show: pyLiteral, showExpected: pyExpected, showInput: (input) => pyCall(input, entrypoint), inputLabel: "Call" });
}
