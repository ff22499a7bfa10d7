// DOM building blocks every renderer shares: text-only nodes (never innerHTML), JSON, tables.

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

export const pretty = (value) => JSON.stringify(value);
export const indented = (value) => JSON.stringify(value, null, 2);

/** A custom run's labels: the expected side is the reference solution's output on the
 * candidate's own input, never an author's expected value. */
export const CUSTOM_LABELS = { expectedLabel: "Expected (reference solution)", actualLabel: "Your output" };

/** A result table ({columns, rows}); a value that isn't one is shown as JSON. */
export function table(data) {
  if (!data || !Array.isArray(data.columns) || !Array.isArray(data.rows)) return el("pre", { text: pretty(data) });
  const head = el("tr", {}, data.columns.map((c) => el("th", { scope: "col", text: String(c) })));
  const body = data.rows.map((r) =>
    el("tr", {}, [].concat(r).map((v) => el("td", { text: v === null ? "NULL" : typeof v === "object" ? JSON.stringify(v) : String(v) }))));
  return el("div", { class: "table-scroll" }, [el("table", { class: "data" }, [el("thead", {}, [head]), el("tbody", {}, body)])]);
}

const MAX_DIFFERENCES = 6;

/** Where `actual` departs from `expected`, one line per place, e.g. `total_cents: expected 900, got 1000`. */
export function differencesOf(expected, actual, path = "", out = [], show = pretty) {
  if (out.length >= MAX_DIFFERENCES) return out;
  const at = path || "the result";
  if (typeof expected === "string" && typeof actual === "string" && (expected.includes("\n") || actual.includes("\n"))) {
    const want = expected.split("\n");
    const got = actual.split("\n");
    for (let i = 0; i < Math.max(want.length, got.length) && out.length < MAX_DIFFERENCES; i++) {
      if (want[i] === got[i]) continue;
      const where = (path ? path + " " : "") + "line " + (i + 1);
      if (got[i] === undefined) out.push(where + ": missing, expected " + show(want[i]));
      else if (want[i] === undefined) out.push(where + ": extra " + show(got[i]));
      else out.push(where + ": expected " + show(want[i]) + ", got " + show(got[i]));
    }
    return out;
  }
  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) out.push(at + ": expected " + expected.length + " item(s), got " + actual.length);
    for (let i = 0; i < Math.min(expected.length, actual.length); i++) differencesOf(expected[i], actual[i], path + "[" + i + "]", out, show);
    return out;
  }
  if (isObject(expected) && isObject(actual)) {
    // Sorted: the same order whatever the database did to the keys (PostgreSQL's jsonb reorders them).
    Object.keys(expected).sort().forEach((key) => {
      const where = path ? path + "." + key : key;
      if (!(key in actual)) { if (out.length < MAX_DIFFERENCES) out.push(where + ": missing"); }
      else differencesOf(expected[key], actual[key], where, out, show);
    });
    Object.keys(actual).filter((key) => !(key in expected)).sort().forEach((key) => {
      if (out.length < MAX_DIFFERENCES) out.push((path ? path + "." + key : key) + ": not expected");
    });
    return out;
  }
  if (show(expected) !== show(actual)) out.push(at + ": expected " + show(expected) + ", got " + show(actual));
  return out;
}

/** A visible case as values: where the result differs, then input, expected and actual.
 * The plain rendering (JSON) for a row whose kind has no renderer; a kind passes its own
 * notation (`show`, `showExpected`, `showInput`, `inputLabel`), e.g. kinds/python.js, and may
 * rename the columns (`expectedLabel`, `actualLabel`: a custom run's reference and output). */
export function valuesDetail(row, notation) {
  const show = (notation && notation.show) || pretty;
  const showExpected = (notation && notation.showExpected) || show;
  const showInput = (notation && notation.showInput) || show;
  const differences = !row.passed && row.actual !== null && row.actual !== undefined ? differencesOf(row.expected, row.actual, "", [], show) : [];
  return [differences.length ? el("ul", { class: "diff-list", "aria-label": "Differences" }, differences.map((line) => el("li", { text: line }))) : null,
    el("div", { class: "io" }, [
      el("div", {}, [el("strong", { text: (notation && notation.inputLabel) || "Input" }), el("pre", { text: showInput(row.input) })]),
      el("div", {}, [el("strong", { text: (notation && notation.expectedLabel) || "Expected" }), el("pre", { text: row.expected === null && notation && notation.expectedLabel ? "—" : showExpected(row.expected) })]),
      el("div", {}, [el("strong", { text: (notation && notation.actualLabel) || "Actual" }), el("pre", { text: row.actual === null || row.actual === undefined ? "—" : show(row.actual) })]),
    ])];
}
