// Renders submissions with frontend/src/results.js under a minimal DOM, for
// tests/frontend/test_results_rendering.py: reads a JSON list of submissions on stdin, prints
// for each its text (one line per node with text) or the exception it raised.
import { renderSubmission } from "../../frontend/src/results.js";

class Node {
  constructor(tag) { this.tag = tag; this.attributes = {}; this.children = []; this.ownText = ""; }
  setAttribute(name, value) { this.attributes[name] = String(value); }
  appendChild(child) { this.children.push(child); return child; }
  set textContent(value) { this.ownText = value === undefined || value === null ? "" : String(value); }
  get textContent() { return this.ownText + this.children.map((c) => c.textContent).join(""); }
}
globalThis.document = { createElement: (tag) => new Node(tag) };

function lines(node, out) {
  if (node.ownText) out.push(node.tag + (node.attributes.class ? "." + node.attributes.class.replace(/ /g, ".") : "") + ": " + node.ownText);
  node.children.forEach((child) => lines(child, out));
  return out;
}

let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const shown = JSON.parse(input).map((submission) => {
    try {
      return renderSubmission(submission).flatMap((node) => lines(node, []));
    } catch (error) {
      return "raised " + error;
    }
  });
  process.stdout.write(JSON.stringify(shown));
});
