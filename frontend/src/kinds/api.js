// API: a visible scenario step by step, each request with the expected and actual response,
// the first step that went wrong marked.
import { el, indented } from "../render.js";

/** A scenario's request as it would go over the wire: line, headers, then the JSON body. */
export function describeRequest(request) {
  const lines = [(request.method || "GET") + " " + request.path + (request.query ? "?" + (typeof request.query === "string" ? request.query : new URLSearchParams(request.query)) : "")];
  Object.entries(request.headers || {}).forEach(([name, value]) => lines.push(name + ": " + value));
  if (request.json !== undefined) lines.push("", indented(request.json));
  else if (request.body !== undefined) lines.push("", String(request.body));
  return lines.join("\n");
}

export function renderCase(row) {
  const detail = [];
  if (row.mismatch) detail.push(el("p", { class: "diff", text: "Step " + (row.mismatch.step + 1) + ": " + row.mismatch.detail }));
  const expected = Array.isArray(row.expected) ? row.expected : [];
  const steps = ((row.input || {}).requests || []).map((request, i) => {
    const failed = row.mismatch && row.mismatch.step === i;
    return el("li", { class: failed ? "step failed" : "step" }, [
      el("pre", { class: "request", text: describeRequest(request) }),
      el("div", { class: "io two" }, [
        el("div", {}, [el("strong", { text: "Expected" }), el("pre", { text: indented(expected[i]) })]),
        el("div", {}, [el("strong", { text: "Actual" }), el("pre", { text: row.actual && row.actual[i] ? indented(row.actual[i]) : "—" })]),
      ]),
    ]);
  });
  detail.push(el("ol", { class: "scenario" }, steps));
  return detail;
}
