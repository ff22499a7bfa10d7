// API: a visible scenario step by step as HTTP (the request line, headers and JSON body; the
// expected response with its matchers in words), the first step that went wrong marked, and
// references to earlier responses ({{0.json.id}}) resolved when the run told us the value.
import { el, indented } from "../render.js";
import { isWords, pyLiteral, readable } from "./python-notation.js";

const COMPACT_WIDTH = 60;

/** A short JSON body on one line (as HTTP examples are usually written), a long one indented;
 * the same rule as the statement's examples (challenges/kinds/base.py json_text). */
function compactOrIndented(value) {
  const compact = compactJson(value, 0);
  return compact.length <= COMPACT_WIDTH ? compact : indented(value);
}

function compactJson(value, depth) {
  if (depth > 64) return "…";
  if (Array.isArray(value)) return "[" + value.map((item) => compactJson(item, depth + 1)).join(", ") + "]";
  if (value && typeof value === "object") {
    return "{" + Object.entries(value).map(([key, item]) => JSON.stringify(key) + ": " + compactJson(item, depth + 1)).join(", ") + "}";
  }
  const text = JSON.stringify(value);
  return text === undefined ? "null" : text;
}

const REFERENCE = /\{\{\s*(\d+)\.([A-Za-z0-9_.-]+)\s*\}\}/g;

/** The value at `path` ("json.id", "headers.etag", "status") of response `index`, or undefined. */
function lookup(responses, index, path) {
  let value = Array.isArray(responses) ? responses[index] : undefined;
  for (const part of path.split(".")) {
    if (value === null || value === undefined) return undefined;
    if (Array.isArray(value) && /^\d+$/.test(part)) value = value[Number(part)];
    else if (typeof value === "object") {
      const key = value === responses[index].headers ? Object.keys(value).find((k) => k.toLowerCase() === part.toLowerCase()) : part;
      value = key === undefined ? undefined : value[key];
    } else return undefined;
  }
  return value === null || (typeof value === "object") ? undefined : value;
}

/** "the id returned by step 1": a reference described, when the value isn't known. */
function describeReference(index, path) {
  const parts = path.split(".").filter(Boolean);
  const step = "step " + (Number(index) + 1);
  if (parts[0] === "status") return "the status of " + step;
  if (parts[0] === "headers") return parts.length > 1 ? "the " + parts.slice(1).join(".") + " header returned by " + step : "the headers of " + step;
  const field = parts[0] === "json" ? parts.slice(1).join(".") : parts.join(".");
  return field ? "the " + field + " returned by " + step : "the body returned by " + step;
}

/** `value` with each reference replaced by what it was in this run (or described in words). */
export function resolveReferences(value, responses, depth = 0) {
  if (depth > 64) return value;
  if (typeof value === "string") {
    return value.replace(REFERENCE, (whole, index, path) => {
      const known = lookup(responses, Number(index), path);
      return known === undefined ? "<" + describeReference(index, path) + ">" : String(known);
    });
  }
  if (Array.isArray(value)) return value.map((item) => resolveReferences(item, responses, depth + 1));
  if (value && typeof value === "object") {
    const out = {};
    Object.entries(value).forEach(([key, item]) => { out[key] = resolveReferences(item, responses, depth + 1); });
    return out;
  }
  return value;
}

function queryText(query) {
  if (!query) return "";
  if (typeof query === "string") return "?" + query;
  const params = new URLSearchParams();
  Object.entries(query).forEach(([key, value]) => [].concat(value).forEach((item) => params.append(key, String(item))));
  return "?" + params;
}

/** A scenario's request as it would go over the wire: line, headers, then the JSON body. */
export function describeRequest(request, responses) {
  const shown = resolveReferences(request, responses || []);
  const lines = [String(shown.method || "GET").toUpperCase() + " " + shown.path + queryText(shown.query)];
  Object.entries(shown.headers || {}).forEach(([name, value]) => lines.push(name + ": " + value));
  if (shown.json !== undefined) lines.push("", compactOrIndented(shown.json));
  else if (shown.body !== undefined) lines.push("", String(shown.body));
  return lines.join("\n");
}

/** A JSON body with matchers in words: JSON layout, a matcher's words unquoted. */
function bodyText(value) {
  const marks = [];
  const swap = (item) => {
    if (isWords(item)) {
      marks.push(item.text);
      return "\uE000" + (marks.length - 1) + "\uE000";
    }
    if (Array.isArray(item)) return item.map(swap);
    if (item && typeof item === "object") {
      const out = {};
      Object.entries(item).forEach(([key, inner]) => { out[key] = swap(inner); });
      return out;
    }
    return item;
  };
  return compactOrIndented(swap(readable(value))).replace(/"\uE000(\d+)\uE000"/g, (whole, i) => (Number(i) < marks.length ? marks[Number(i)] : whole));
}

/** An expected response as HTTP: status line, headers, body, matchers in words; with
 * `answered`, a response the app gave, each value exactly as it came (a body that looks like a
 * matcher is the app's text). */
export function describeResponse(response, answered = false) {
  if (!response || typeof response !== "object") return response === undefined || response === null ? "—" : pyLiteral(response);
  const shown = answered ? (value) => value : readable;
  const headers = shown(response.headers || {});
  const lines = [response.status !== undefined ? "HTTP " + pyLiteral(shown(response.status)) : (answered ? "HTTP (no status)" : "HTTP (any status)")];
  Object.entries(headers).forEach(([name, value]) => lines.push(name + ": " + (typeof value === "string" ? value : pyLiteral(value))));
  const body = (value) => (answered ? compactOrIndented(value) : bodyText(value));
  if (response.json !== undefined) lines.push("", body(response.json));
  else if (response.body !== undefined) lines.push("", typeof response.body === "string" ? response.body : body(response.body));
  return lines.join("\n");
}

export function renderCase(row) {
  const detail = [];
  if (row.mismatch) detail.push(el("p", { class: "diff", text: "Step " + (row.mismatch.step + 1) + ": " + row.mismatch.detail }));
  const expected = Array.isArray(row.expected) ? row.expected : [];
  const actual = Array.isArray(row.actual) ? row.actual : [];
  const steps = ((row.input || {}).requests || []).map((request, i) => {
    const failed = row.mismatch && row.mismatch.step === i;
    return el("li", { class: failed ? "step failed" : "step" }, [
      el("pre", { class: "request", text: describeRequest(request, actual) }),
      el("div", { class: "io two" }, [
        el("div", {}, [el("strong", { text: "Expected" }), el("pre", { text: describeResponse(expected[i]) })]),
        el("div", {}, [el("strong", { text: "Actual" }), el("pre", { text: actual[i] ? describeResponse(actual[i], true) : "—" })]),
      ]),
    ]);
  });
  detail.push(el("ol", { class: "scenario" }, steps));
  return detail;
}

/** The "Steps" tab: every step of the visible scenarios on one line each (request, expected and
 * actual status), so a long scenario list can be scanned without opening each case. */
export function tabs(submission) {
  const rows = (Array.isArray(submission.results) ? submission.results : [])
    .filter((row) => row && row.visibility === "example" && row.input && Array.isArray(row.input.requests));
  if (!rows.length) return [];
  const lines = [];
  rows.forEach((row) => {
    const expected = Array.isArray(row.expected) ? row.expected : [];
    const actual = Array.isArray(row.actual) ? row.actual : [];
    row.input.requests.forEach((request, i) => {
      const failed = row.mismatch && row.mismatch.step === i;
      const want = expected[i] && expected[i].status !== undefined ? pyLiteral(readable(expected[i].status)) : "any";
      const got = actual[i] && actual[i].status !== undefined ? String(actual[i].status) : "—";
      lines.push(el("tr", { class: failed ? "step-row failed" : "step-row" }, [
        el("td", { text: String(row.name) + " · " + (i + 1) }),
        el("td", {}, [el("code", { text: describeRequest(request, actual).split("\n")[0] })]),
        el("td", { text: want }),
        el("td", { text: got }),
        el("td", { text: failed ? "✗ first difference" : row.passed || (row.mismatch && row.mismatch.step > i) ? "✓" : "" }),
      ]));
    });
  });
  const head = el("tr", {}, ["Step", "Request", "Expected", "Actual", ""].map((label) => el("th", { scope: "col", text: label })));
  return [{ name: "steps", label: "Steps", nodes: [el("div", { class: "table-scroll" }, [el("table", { class: "data api-steps" }, [el("thead", {}, [head]), el("tbody", {}, lines)])])] }];
}
