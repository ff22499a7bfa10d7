// SQL: a visible case's expected and actual result tables, and the rows missing or extra; a
// custom run's statements, the reference solution's table and the candidate's.
import { CUSTOM_LABELS, el, table } from "../render.js";

export function renderCase(row) {
  const expected = row.expected || {};
  const custom = Boolean(row.custom);
  const detail = [];
  if (custom && row.input && typeof row.input === "object") {
    // A custom run: the candidate's statements, run on a copy of the example's dataset first.
    const statements = typeof row.input.statements === "string" ? row.input.statements.trim() : "";
    const dataset = typeof row.input.dataset === "string" ? row.input.dataset : "the example";
    detail.push(statements
      ? el("div", { class: "custom-statements" }, [el("strong", { text: "Your statements, on " + dataset }), el("pre", { text: statements })])
      : el("p", { class: "muted", text: "The example's data (" + dataset + "), unchanged." }));
  }
  detail.push(el("div", { class: "io two" }, [
    el("div", {}, [el("strong", { text: custom ? CUSTOM_LABELS.expectedLabel : "Expected" }), row.expected ? table(expected) : el("p", { class: "muted", text: "—" })]),
    el("div", {}, [el("strong", { text: custom ? CUSTOM_LABELS.actualLabel : "Your result" }), row.actual ? table(row.actual) : el("p", { class: "muted", text: "—" })]),
  ]));
  const diff = row.diff || {};
  if (diff.missing_count || diff.extra_count) {
    detail.push(el("p", { class: "diff", text: diff.missing_count + " row(s) missing, " + diff.extra_count + " extra" }));
    if ((diff.missing_rows || []).length) detail.push(el("div", { class: "diff-rows missing" }, [el("strong", { text: "Missing rows" }), table({ columns: expected.columns, rows: diff.missing_rows })]));
    if ((diff.extra_rows || []).length) detail.push(el("div", { class: "diff-rows extra" }, [el("strong", { text: "Extra rows" }), table({ columns: (row.actual || {}).columns, rows: diff.extra_rows })]));
  }
  if (diff.columns) detail.push(el("p", { class: "diff", text: diff.columns }));
  if (diff.order) detail.push(el("p", { class: "diff", text: diff.order }));
  return detail;
}
