// SQL: a visible case's expected and actual result tables, and the rows missing or extra.
import { el, table } from "../render.js";

export function renderCase(row) {
  const expected = row.expected || {};
  const detail = [el("div", { class: "io two" }, [
    el("div", {}, [el("strong", { text: "Expected" }), table(expected)]),
    el("div", {}, [el("strong", { text: "Your result" }), row.actual ? table(row.actual) : el("p", { class: "muted", text: "—" })]),
  ])];
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
