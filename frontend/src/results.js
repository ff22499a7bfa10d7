// Rendering a graded submission: the verdict line and one row per case. What a visible case
// shows is its kind's (kinds/<kind>.js, found by the row's `kind`); hidden cases are shown here.
import { el, valuesDetail } from "./render.js";
import { rendererFor } from "./kinds/index.js";

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

export function timing(submission) {
  const parts = [];
  if (submission.wall_time_ms !== null && submission.wall_time_ms !== undefined) parts.push(submission.wall_time_ms + " ms");
  if (submission.peak_memory_kb) parts.push((submission.peak_memory_kb / 1024).toFixed(1) + " MB peak memory");
  return parts.join(" · ");
}

function hiddenExplanation(row) {
  return (row.category ? "[" + row.category + "] " : "") + (row.hint || "Hidden case.");
}

/** The detail of one row: its kind's renderer for a visible case (or for every case, when the
 * kind renders hidden ones too), the shared hidden-case rendering otherwise. A row whose kind
 * this bundle doesn't know gets the plain values rendering, never an exception. */
function rowDetail(row, renderer, context) {
  if (renderer && renderer.renderHidden && row.visibility !== "example") return kindDetail(() => renderer.renderHidden(row, context), row);
  if (row.visibility === "example") return renderer ? kindDetail(() => renderer.renderCase(row, context), row) : valuesDetail(row);
  if (row.passed) return [];
  if (row.status === "withheld") return [el("p", { class: "muted", text: WITHHELD_EXPLANATION })];
  // A hidden case: what kind of case it is and a hint, never its data or what the code did.
  return [el("p", { class: "hint", text: hiddenExplanation(row) })];
}

/** A kind's rendering of a row; a row it can't take (stored long ago, clipped by the result
 * caps) falls back to the plain values rendering rather than breaking the whole result. */
function kindDetail(render, row) {
  try {
    return [].concat(render());
  } catch (error) {
    return valuesDetail(row);
  }
}

/** A custom run in one line: how the candidate's output compares with the reference's. */
function customSummary(submission) {
  const words = {
    accepted: "your output matches the reference solution's",
    wrong_answer: "your output differs from the reference solution's",
  };
  return { text: "Custom run: " + (words[submission.verdict] || "your code did not finish on your input"), timing: true };
}

/** The match/mismatch line of a custom run's row (and why there is nothing to compare). */
function customMatch(row) {
  if (row.reference_status && row.reference_status !== "ok") {
    return el("p", { class: "custom-match mismatch", id: "custom-match", text: "No comparison: the reference solution did not finish on your input (" + (VERDICTS[row.reference_status] || row.reference_status) + ")." });
  }
  if (row.status === "passed") return el("p", { class: "custom-match match", id: "custom-match", text: "Match: your output is the reference solution's." });
  if (row.status === "wrong_answer") return el("p", { class: "custom-match mismatch", id: "custom-match", text: "Mismatch: your output differs from the reference solution's." });
  return el("p", { class: "custom-match mismatch", id: "custom-match", text: "No comparison: your code did not finish (" + (CASE_STATUS[row.status] || row.status) + ")." });
}

function withheldNote(results) {
  const withheld = results.filter((row) => row.status === "withheld").length;
  return withheld ? " (" + withheld + " hidden not shown)" : "";
}

/** A case's time: measured by the harness ("< 1 ms" when under a millisecond), none when not. */
export function caseTime(row) {
  if (typeof row.time_ms !== "number" || !Number.isFinite(row.time_ms) || row.time_ms < 0) return "";
  return row.time_ms < 1 ? "< 1 ms" : Math.round(row.time_ms) + " ms";
}

function tab(name, label, selected) {
  return el("button", {
    type: "button", role: "tab", id: "result-tab-" + name, class: "result-tab", "data-tab": name,
    "aria-controls": "result-panel-" + name, "aria-selected": selected ? "true" : "false", tabindex: selected ? "0" : "-1", text: label,
  });
}

function panel(name, selected, children) {
  return el("div", { role: "tabpanel", id: "result-panel-" + name, class: "result-panel", "aria-labelledby": "result-tab-" + name, tabindex: "0", hidden: selected ? null : "" }, children);
}

/** The nodes showing a submission: a pending line while it runs; once done a one-line summary
 * (verdict, passed / total, time) over a tabbed panel: "Result" (the message and what failed),
 * "Cases" (each case collapsible, failed ones open), the kind's own tabs, and "Output".
 * `context` ({entrypoint}) is what the page knows that rows don't, for the kinds' notation. */
export function renderSubmission(submission, context) {
  if (!submission.finished) {
    const label = submission.status === "queued" ? "Queued…" : "Running in the sandbox…";
    return [el("p", { class: "status", role: "status", text: label }), el("div", { class: "skeleton", "aria-hidden": "true" })];
  }
  const verdict = submission.verdict;
  const results = Array.isArray(submission.results) ? submission.results.filter((row) => row && typeof row === "object") : [];
  const passed = results.filter((row) => row.passed).length;
  // Every row of a submission is of its challenge's kind.
  const kindRenderer = results.length ? rendererFor(results[0].kind) : null;
  const kindSummary = kindRenderer && kindRenderer.summary;
  const score = submission.score !== null && submission.score !== undefined ? " · score " + Math.round(submission.score * 100) + "%" : "";
  const custom = submission.mode === "custom";
  const summary = custom ? customSummary(submission) : kindSummary ? kindSummary(submission) : {
    text: (submission.mode === "run" ? "Run: " : "Submit: ") + passed + " / " + results.length + " cases passed" + withheldNote(results) + (submission.mode === "submit" ? score : ""),
    timing: true,
  };
  const nodes = [el("div", { class: "verdict-line" }, [
    el("span", { id: "verdict", class: "verdict verdict-" + verdict, "data-verdict": verdict, text: VERDICTS[verdict] || verdict }),
    el("span", { class: "muted", id: "verdict-summary", text: summary.text }),
    summary.timing ? el("span", { class: "muted", id: "verdict-timing", text: timing(submission) }) : null,
  ])];

  const following = submission.next_challenge;
  // Server-computed (the next unsolved challenge of the same kind or skill); only a local path.
  if (submission.passed && following && typeof following.url === "string" && /^\/(?!\/)/.test(following.url)) {
    nodes.push(el("p", { class: "next-challenge", id: "next-challenge" }, [
      el("a", { class: "button primary", href: following.url, text: "Next challenge: " + String(following.title) + " →" }),
    ]));
  }

  const overview = [];
  if (submission.message) {
    overview.push(verdict === "pending_review"
      ? el("p", { class: "muted", text: submission.message })
      : el("pre", { class: "message", text: submission.message }));
  }
  const failed = results.filter((row) => !row.passed && row.status !== "withheld" && row.status !== "pending_review" && row.status !== "truncated");
  const count = (status) => results.filter((row) => row.status === status).length;
  const counts = [passed + " passed", failed.length + " failed"];
  if (count("withheld")) counts.push(count("withheld") + " hidden not shown");
  if (count("pending_review")) counts.push(count("pending_review") + " awaiting review");
  overview.push(el("p", { class: "muted", id: "result-counts", text: counts.join(", ") + "." }));
  if (failed.length) {
    overview.push(el("ul", { class: "failed-names", "aria-label": "Failed cases" }, failed.slice(0, 20).map((row) =>
      el("li", { text: (row.name === undefined ? "" : String(row.name)) + " — " + (CASE_STATUS[row.status] || row.status || "Failed") }))));
  }

  const rows = results.map((row) => {
    const renderer = rendererFor(row.kind);
    const state = row.passed ? "pass" : row.status === "pending_review" || row.status === "withheld" ? "pending" : "fail";
    const ownHidden = Boolean(renderer && renderer.renderHidden);
    const detail = rowDetail(row, renderer, context);
    if (row.custom) detail.unshift(customMatch(row));
    if (typeof row.output === "string" && row.output) detail.push(el("details", {}, [el("summary", { text: "Printed" }), el("pre", { text: row.output })]));
    if (row.error) detail.push(el("pre", { class: "error-detail", text: row.error }));
    const time = caseTime(row);
    const head = el("summary", { class: "case-head" }, [
      el("span", { class: "case-status", text: CASE_STATUS[row.status] || row.status }),
      el("span", { class: "case-name", text: (row.name === undefined ? "" : String(row.name)) + (row.visibility === "hidden" && !ownHidden ? " (hidden)" : "") }),
      time ? el("span", { class: "muted case-time", text: time }) : null,
    ]);
    // A failed case is what the candidate came for, and one awaiting a reviewer says so: open.
    // Passed ones, and hidden ones withheld, stay folded; a custom run's one row is the whole
    // point of it: open.
    const open = state === "fail" || row.status === "pending_review" || Boolean(row.custom);
    return el("li", { class: "case-item" }, [el("details", { class: "case " + state, open: open ? "" : null }, [head].concat(detail))]);
  });

  const noneRan = results.length > 0 && results.every((row) => row.status === "not_run");
  const casesFirst = results.length > 0 && !noneRan;
  const tabs = [["summary", "Result", overview]];
  if (results.length) tabs.push(["cases", custom ? "Your input" : "Cases (" + results.length + ")", [el("ol", { class: "cases" }, rows)]]);
  const kindTabs = kindRenderer && kindRenderer.tabs ? [].concat(kindRenderer.tabs(submission, context) || []) : [];
  kindTabs.forEach((extra) => { if (extra && extra.name && extra.label) tabs.push(["kind-" + extra.name, extra.label, [].concat(extra.nodes || [])]); });
  if (submission.stdout) tabs.push(["output", "Output", [el("pre", { class: "program-output", text: submission.stdout })]]);
  const selected = casesFirst ? "cases" : "summary";
  nodes.push(el("div", { class: "result-tabs", role: "tablist", "aria-label": "Result details" }, tabs.map(([name, label]) => tab(name, label, name === selected))));
  tabs.forEach(([name, , children]) => nodes.push(panel(name, name === selected, children)));
  return nodes;
}
