// Schema (data modelling) results: a visible case's steps, each with what should have happened and what did.
import { el } from "../render.js";

const LABELS = { accept: "Must be accepted", reject: "Must be refused", query: "Query" };
const CONSTRAINTS = {
  not_null: "NOT NULL", unique: "UNIQUE (or PRIMARY KEY)", check: "CHECK", foreign_key: "FOREIGN KEY",
  trigger: "a trigger (RAISE)", datatype: "a column type (STRICT table)",
};

function cellText(value) {
  if (value === null || value === undefined) return "NULL";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

function table(data) {
  const head = el("tr", {}, data.columns.map((c) => el("th", { scope: "col", text: String(c) })));
  const body = data.rows.map((r) => el("tr", {}, r.map((v) => el("td", { text: cellText(v) }))));
  return el("div", { class: "table-scroll" }, [el("table", { class: "data" }, [el("thead", {}, [head]), el("tbody", {}, body)])]);
}

const isTable = (value) => value && Array.isArray(value.columns) && Array.isArray(value.rows);

function label(step) {
  if (step.type === "query") return "Query “" + step.name + "”";
  if (step.type === "reject" && step.violates) return "Must be refused by " + (CONSTRAINTS[step.violates] || step.violates);
  return LABELS[step.type] || "Step";
}

function renderStep(step) {
  const children = [
    el("div", { class: "step-head" }, [
      el("span", { class: "case-status", text: step.passed ? "Passed" : "Failed" }),
      el("strong", { text: label(step) }),
      step.note ? el("span", { class: "muted", text: step.note }) : null,
    ]),
    el("pre", { class: "step-sql", text: step.sql || "" }),
  ];
  if (step.detail) children.push(el("p", { class: step.passed ? "muted step-detail" : "diff step-detail", text: step.detail }));
  if (step.type === "query" && !step.passed && (isTable(step.expected) || isTable(step.actual))) {
    children.push(el("div", { class: "io two" }, [
      el("div", {}, [el("strong", { text: "Expected" }), isTable(step.expected) ? table(step.expected) : el("p", { class: "muted", text: "—" })]),
      el("div", {}, [el("strong", { text: "Your result" }), isTable(step.actual) ? table(step.actual) : el("p", { class: "muted", text: "—" })]),
    ]));
  }
  return el("li", { class: "schema-step " + (step.passed ? "pass" : "fail") }, children);
}

/** The detail of a visible schema case: one item per step, in the order they ran. */
export function renderCase(row) {
  const steps = Array.isArray(row.steps) ? row.steps : [];
  return [el("ol", { class: "schema-steps" }, steps.map(renderStep))];
}
