// Python: a visible case as the statement writes it (the call, values as Python literals,
// matchers in words), and where the values differ.
import { valuesDetail } from "../render.js";
import { pyCall, pyExpected, pyLiteral } from "./python-notation.js";

export function renderCase(row, context) {
  const entrypoint = context && context.entrypoint;
  const program = row.input && typeof row.input === "object" && typeof row.input.stdin === "string";
  if (program) {
    // A program's stdin and stdout are text: shown as they are, not as literals.
    const text = (value) => (value && typeof value.stdout === "string" ? value.stdout : pyLiteral(value));
    return valuesDetail(row, { show: text, showInput: (input) => input.stdin, inputLabel: "stdin" });
  }
  return valuesDetail(row, { show: pyLiteral, showExpected: pyExpected, showInput: (input) => pyCall(input, entrypoint), inputLabel: "Call" });
}
