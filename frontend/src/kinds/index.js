// Each kind's renderer, by the kind's name (the `kind` of a result row, the page's data-kind).
// A renderer exports renderCase(row, context) (a visible case's detail; context is what the page
// knows, e.g. {entrypoint}) and may export renderHidden(row) (its hidden rows, when they aren't
// hidden tests), summary(submission) ({text, timing}), tabs(submission, context) (its own tabs
// in the result panel: [{name, label, nodes}]) and setupAnswer(root, {loadDraft, saveDraft,
// send}) (a kind answered without the code editor).
// A kind's notation lives beside its renderer (python-notation.js: Python literals and calls, which
// api.js uses too): shared modules (render.js, results.js) know none.
import * as api from "./api.js";
import * as design from "./design.js";
import * as python from "./python.js";
import * as schema from "./schema.js";
import * as sql from "./sql.js";

const RENDERERS = { api, design, python, schema, sql };

/** The renderer of kind `name`; null for a kind this bundle doesn't know (shown generically). */
export function rendererFor(name) {
  return typeof name === "string" && Object.prototype.hasOwnProperty.call(RENDERERS, name) ? RENDERERS[name] : null;
}
