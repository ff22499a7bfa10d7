// Renders submissions with frontend/src/results.js under a minimal DOM, for
// tests/frontend/test_results_rendering.py: reads a JSON list on stdin (each a submission, or
// {"submission", "context"}), prints for each its text (one line per node with text; a
// <details> as "details.<class>" with "[open]" when open, a tab panel as "panel <id>" with
// "[hidden]") or the exception it raised.
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
  const classes = node.attributes.class ? "." + node.attributes.class.replace(/ /g, ".") : "";
  if (node.tag === "details") out.push("details" + classes + ("open" in node.attributes ? "[open]" : ""));
  if (node.attributes.role === "tabpanel") out.push("panel " + node.attributes.id + ("hidden" in node.attributes ? "[hidden]" : ""));
  if (node.tag === "a") out.push("a[href=" + node.attributes.href + "]");
  if (node.ownText) out.push(node.tag + (node.attributes.class ? "." + node.attributes.class.replace(/ /g, ".") : "") + ": " + node.ownText);
  node.children.forEach((child) => lines(child, out));
  return out;
}

let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const shown = JSON.parse(input).map((submission) => {
    try {
      const wrapped = submission && submission.submission !== undefined;
      const nodes = wrapped ? renderSubmission(submission.submission, submission.context) : renderSubmission(submission);
      return nodes.flatMap((node) => lines(node, []));
    } catch (error) {
      return "raised " + error;
    }
  });
  process.stdout.write(JSON.stringify(shown));
});
