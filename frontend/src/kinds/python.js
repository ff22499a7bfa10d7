// Python: a visible case's input, expected and actual values, and where they differ.
import { valuesDetail } from "../render.js";

export function renderCase(row) {
  return valuesDetail(row);
}
