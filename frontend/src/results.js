// Rendering a graded submission: the verdict line and one row per case, for every kind.
import { renderCase as renderSchemaCase } from "./kinds/schema.js";

export const VERDICTS = {
  accepted: "Accepted",
  wrong_answer: "Wrong answer",
  runtime_error: "Runtime error",
  time_limit: "Time limit exceeded",
  memory_limit: "Memory limit exceeded",
  output_limit: "Output limit exceeded",
  syntax_error: "Syntax error",
  internal_error: "Internal error",
  pending_review: "Pending review",
};
const CASE_STATUS = Object.assign({ passed: "Passed", not_run: "Not run", withheld: "Not shown" }, VERDICTS);
const WITHHELD_EXPLANATION = "Hidden cases after the first failing one are not shown: fix that one first.";

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

const pretty = (value) => JSON.stringify(value);
const indented = (value) => JSON.stringify(value, null, 2);

/** A scenario's request as it would go over the wire: line, headers, then the JSON body. */
export function describeRequest(request) {
  const lines = [(request.method || "GET") + " " + request.path + (request.query ? "?" + (typeof request.query === "string" ? request.query : new URLSearchParams(request.query)) : "")];
  Object.entries(request.headers || {}).forEach(([name, value]) => lines.push(name + ": " + value));
  if (request.json !== undefined) lines.push("", indented(request.json));
  else if (request.body !== undefined) lines.push("", String(request.body));
  return lines.join("\n");
}

function table(data) {
  const head = el("tr", {}, data.columns.map((c) => el("th", { scope: "col", text: c })));
  const body = data.rows.map((r) =>
    el("tr", {}, r.map((v) => el("td", { text: v === null ? "NULL" : typeof v === "object" ? JSON.stringify(v) : String(v) }))));
  return el("div", { class: "table-scroll" }, [el("table", { class: "data" }, [el("thead", {}, [head]), el("tbody", {}, body)])]);
}

export function timing(submission) {
  const parts = [];
  if (submission.wall_time_ms !== null && submission.wall_time_ms !== undefined) parts.push(submission.wall_time_ms + " ms");
  if (submission.peak_memory_kb) parts.push((submission.peak_memory_kb / 1024).toFixed(1) + " MB peak memory");
  return parts.join(" · ");
}

function hiddenExplanation(row) {
  return (row.category ? "[" + row.category + "] " : "") + (row.hint || "Hidden case.");
}

function sqlDetail(row) {
  const detail = [el("div", { class: "io two" }, [
    el("div", {}, [el("strong", { text: "Expected" }), table(row.expected)]),
    el("div", {}, [el("strong", { text: "Your result" }), row.actual ? table(row.actual) : el("p", { class: "muted", text: "—" })]),
  ])];
  const diff = row.diff || {};
  if (diff.missing_count || diff.extra_count) {
    detail.push(el("p", { class: "diff", text: diff.missing_count + " row(s) missing, " + diff.extra_count + " extra" }));
    if (diff.missing_rows.length) detail.push(el("div", { class: "diff-rows missing" }, [el("strong", { text: "Missing rows" }), table({ columns: row.expected.columns, rows: diff.missing_rows })]));
    if (diff.extra_rows.length) detail.push(el("div", { class: "diff-rows extra" }, [el("strong", { text: "Extra rows" }), table({ columns: row.actual.columns, rows: diff.extra_rows })]));
  }
  if (diff.columns) detail.push(el("p", { class: "diff", text: diff.columns }));
  if (diff.order) detail.push(el("p", { class: "diff", text: diff.order }));
  return detail;
}

function apiDetail(row) {
  const detail = [];
  if (row.mismatch) detail.push(el("p", { class: "diff", text: "Step " + (row.mismatch.step + 1) + ": " + row.mismatch.detail }));
  const steps = (row.input.requests || []).map((request, i) => {
    const failed = row.mismatch && row.mismatch.step === i;
    return el("li", { class: failed ? "step failed" : "step" }, [
      el("pre", { class: "request", text: describeRequest(request) }),
      el("div", { class: "io two" }, [
        el("div", {}, [el("strong", { text: "Expected" }), el("pre", { text: indented(row.expected[i]) })]),
        el("div", {}, [el("strong", { text: "Actual" }), el("pre", { text: row.actual && row.actual[i] ? indented(row.actual[i]) : "—" })]),
      ]),
    ]);
  });
  detail.push(el("ol", { class: "scenario" }, steps));
  return detail;
}

function rowDetail(row) {
  if (row.type) {
    // A design question.
    const detail = [];
    if (row.earned !== null && row.earned !== undefined) detail.push(el("p", { class: "muted", text: row.earned + " / " + row.points + " points" }));
    if (row.status === "pending_review") detail.push(el("p", { class: "muted", text: "A reviewer will score this answer." }));
    if (!row.passed && row.hint) detail.push(el("p", { class: "hint", text: hiddenExplanation(row) }));
    return detail;
  }
  if (row.visibility === "example") {
    if (row.kind === "schema") return renderSchemaCase(row);
    if (row.diff !== undefined && row.expected && row.expected.columns) return sqlDetail(row);
    if (row.mismatch !== undefined) return apiDetail(row);
    const differences = !row.passed && row.actual !== null && row.actual !== undefined ? differencesOf(row.expected, row.actual) : [];
    return [differences.length ? el("ul", { class: "diff-list", "aria-label": "Differences" }, differences.map((line) => el("li", { text: line }))) : null,
      el("div", { class: "io" }, [
      el("div", {}, [el("strong", { text: "Input" }), el("pre", { text: pretty(row.input) })]),
      el("div", {}, [el("strong", { text: "Expected" }), el("pre", { text: pretty(row.expected) })]),
      el("div", {}, [el("strong", { text: "Actual" }), el("pre", { text: row.actual === null || row.actual === undefined ? "—" : pretty(row.actual) })]),
    ])];
  }
  if (row.passed) return [];
  if (row.status === "withheld") return [el("p", { class: "muted", text: WITHHELD_EXPLANATION })];
  // A hidden case: what kind of case it is and a hint, never its data or what the code did.
  return [el("p", { class: "hint", text: hiddenExplanation(row) })];
}

const MAX_DIFFERENCES = 6;

/** Where `actual` departs from `expected`, one line per place, e.g. `total_cents: expected 900, got 1000`. */
export function differencesOf(expected, actual, path = "", out = []) {
  if (out.length >= MAX_DIFFERENCES) return out;
  const at = path || "the result";
  if (typeof expected === "string" && typeof actual === "string" && (expected.includes("\n") || actual.includes("\n"))) {
    const want = expected.split("\n");
    const got = actual.split("\n");
    for (let i = 0; i < Math.max(want.length, got.length) && out.length < MAX_DIFFERENCES; i++) {
      if (want[i] === got[i]) continue;
      const where = (path ? path + " " : "") + "line " + (i + 1);
      if (got[i] === undefined) out.push(where + ": missing, expected " + pretty(want[i]));
      else if (want[i] === undefined) out.push(where + ": extra " + pretty(got[i]));
      else out.push(where + ": expected " + pretty(want[i]) + ", got " + pretty(got[i]));
    }
    return out;
  }
  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) out.push(at + ": expected " + expected.length + " item(s), got " + actual.length);
    for (let i = 0; i < Math.min(expected.length, actual.length); i++) differencesOf(expected[i], actual[i], path + "[" + i + "]", out);
    return out;
  }
  if (isObject(expected) && isObject(actual)) {
    // Sorted: the same order whatever the database did to the keys (PostgreSQL's jsonb reorders them).
    Object.keys(expected).sort().forEach((key) => {
      const where = path ? path + "." + key : key;
      if (!(key in actual)) { if (out.length < MAX_DIFFERENCES) out.push(where + ": missing"); }
      else differencesOf(expected[key], actual[key], where, out);
    });
    Object.keys(actual).filter((key) => !(key in expected)).sort().forEach((key) => {
      if (out.length < MAX_DIFFERENCES) out.push((path ? path + "." + key : key) + ": not expected");
    });
    return out;
  }
  if (pretty(expected) !== pretty(actual)) out.push(at + ": expected " + pretty(expected) + ", got " + pretty(actual));
  return out;
}

function withheldNote(results) {
  const withheld = results.filter((row) => row.status === "withheld").length;
  return withheld ? " (" + withheld + " hidden not shown)" : "";
}

/** The nodes showing a submission: a pending line while it runs, the full result once done. */
export function renderSubmission(submission) {
  if (!submission.finished) {
    const label = submission.status === "queued" ? "Queued…" : "Running in the sandbox…";
    return [el("p", { class: "status", role: "status", text: label }), el("div", { class: "skeleton", "aria-hidden": "true" })];
  }
  const verdict = submission.verdict;
  const results = submission.results || [];
  const passed = results.filter((row) => row.passed).length;
  const design = results.length > 0 && results[0].type !== undefined;
  const score = submission.score !== null && submission.score !== undefined ? " · score " + Math.round(submission.score * 100) + "%" : "";
  const summary = design
    ? passed + " / " + results.length + " questions right" + score
    : (submission.mode === "run" ? "Run: " : "Submit: ") + passed + " / " + results.length + " cases passed" + withheldNote(results) + (submission.mode === "submit" ? score : "");
  const nodes = [el("div", { class: "verdict-line" }, [
    el("span", { id: "verdict", class: "verdict verdict-" + verdict, "data-verdict": verdict, text: VERDICTS[verdict] || verdict }),
    el("span", { class: "muted", id: "verdict-summary", text: summary }),
    design ? null : el("span", { class: "muted", id: "verdict-timing", text: timing(submission) }),
  ])];
  if (submission.message) {
    nodes.push(verdict === "pending_review"
      ? el("p", { class: "muted", text: submission.message })
      : el("pre", { class: "message", text: submission.message }));
  }
  const rows = results.map((row) => {
    const state = row.passed ? "pass" : row.status === "pending_review" || row.status === "withheld" ? "pending" : "fail";
    const detail = rowDetail(row);
    if (row.output) detail.push(el("details", {}, [el("summary", { text: "Printed" }), el("pre", { text: row.output })]));
    if (row.error) detail.push(el("pre", { class: "error-detail", text: row.error }));
    return el("li", { class: "case " + state }, [
      el("div", { class: "case-head" }, [
        el("span", { class: "case-status", text: CASE_STATUS[row.status] || row.status }),
        el("span", { class: "case-name", text: row.name + (row.visibility === "hidden" && !row.type ? " (hidden)" : "") }),
        row.type || row.time_ms === undefined ? null : el("span", { class: "muted", text: row.time_ms + " ms" }),
      ]),
    ].concat(detail));
  });
  nodes.push(el("ol", { class: "cases" }, rows));
  if (submission.stdout) nodes.push(el("details", {}, [el("summary", { text: "Your program's output" }), el("pre", { text: submission.stdout })]));
  return nodes;
}
