// The studio's case table: cases.json edited as a table with the kind's own columns, over the
// file's text area. The text area stays what the form posts (the server validates it as
// loadchallenges would); every edit in the table rewrites its JSON, and the JSON tab's edits
// redraw the table. The columns come from the kind (studio/cases.py), never from kind names here.

// JSON ------------------------------------------------------------------------------------

// A number whose text JavaScript would write differently (1.0, 1e-05, a 20-digit integer):
// kept as written, so a Python float stays a float and a big integer keeps its digits.
class RawNumber {
  constructor(text) {
    this.text = text;
  }
}

class JsonError extends Error {
  constructor(message, text, position) {
    const before = text.slice(0, position);
    const line = before.split("\n").length;
    const column = position - before.lastIndexOf("\n");
    super(`line ${line}, column ${column}: ${message}`);
  }
}

const NUMBER_RE = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING_RE = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

// Strict JSON with objects as Maps (their key order kept, any key safe, "__proto__" too) and
// at most `maxDepth` levels of nesting, so hostile text can't exhaust the stack.
export function parseJson(text, maxDepth = 64) {
  let at = 0;
  const fail = (message) => {
    throw new JsonError(message, text, at);
  };
  const space = () => {
    while (at < text.length && " \t\n\r".includes(text[at])) at += 1;
  };
  const string = () => {
    STRING_RE.lastIndex = at;
    const match = STRING_RE.exec(text);
    if (!match) fail("a string is not closed, or holds a raw control character or a bad escape");
    at = STRING_RE.lastIndex;
    return JSON.parse(match[0]);
  };
  const value = (depth) => {
    space();
    const char = text[at];
    if (char === "{" || char === "[") {
      if (depth >= maxDepth) fail(`nested more than ${maxDepth} levels`);
      at += 1;
      space();
      const isObject = char === "{";
      const close = isObject ? "}" : "]";
      const result = isObject ? new Map() : [];
      if (text[at] === close) {
        at += 1;
        return result;
      }
      for (;;) {
        space();
        if (isObject) {
          if (text[at] !== '"') fail("expected a key in double quotes");
          const key = string();
          space();
          if (text[at] !== ":") fail('expected ":" after a key');
          at += 1;
          result.set(key, value(depth + 1));
        } else {
          result.push(value(depth + 1));
        }
        space();
        if (text[at] === ",") {
          at += 1;
        } else if (text[at] === close) {
          at += 1;
          return result;
        } else {
          fail(`expected "," or "${close}"`);
        }
      }
    }
    if (char === '"') return string();
    for (const [word, meaning] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ]) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return meaning;
      }
    }
    NUMBER_RE.lastIndex = at;
    const match = NUMBER_RE.exec(text);
    if (match) {
      at = NUMBER_RE.lastIndex;
      const number = Number(match[0]);
      return String(number) === match[0] ? number : new RawNumber(match[0]);
    }
    fail(char === undefined ? "the text ends early" : `unexpected ${JSON.stringify(char)}`);
  };
  const result = value(0);
  space();
  if (at < text.length) fail("unexpected text after the end");
  return result;
}

// JSON text as Python's json.dumps writes it: `indent` spaces a level (json.dumps(indent=1), as
// the studio stores cases.json), or on one line with ", " and ": " when `indent` is 0.
export function toJson(value, indent = 0, level = 0) {
  if (value === null || typeof value === "boolean") return String(value);
  if (value instanceof RawNumber) return value.text;
  if (typeof value === "number") return JSON.stringify(value);
  if (typeof value === "string") return JSON.stringify(value);
  const entries =
    value instanceof Map
      ? [...value].map(([key, item]) => `${JSON.stringify(key)}: ${toJson(item, indent, level + 1)}`)
      : value.map((item) => toJson(item, indent, level + 1));
  const [open, close] = value instanceof Map ? ["{", "}"] : ["[", "]"];
  if (!entries.length) return open + close;
  if (!indent) return open + entries.join(", ") + close;
  const inner = " ".repeat(indent * (level + 1));
  return `${open}\n${inner}${entries.join(`,\n${inner}`)}\n${" ".repeat(indent * level)}${close}`;
}

// Plain JSON (a column's default, from the server) as this module's values.
function fromPlain(value) {
  if (Array.isArray(value)) return value.map(fromPlain);
  if (value && typeof value === "object") {
    return new Map(Object.entries(value).map(([key, item]) => [key, fromPlain(item)]));
  }
  return value;
}

function clone(value) {
  if (value instanceof Map) return new Map([...value].map(([key, item]) => [key, clone(item)]));
  if (Array.isArray(value)) return value.map(clone);
  return value;
}

// Key paths ("input.args") ------------------------------------------------------------------

const MISSING = Symbol("missing");
// A value under a key that isn't an object ("input" is a list): its columns can't show it.
const BLOCKED = Symbol("blocked");

function getPath(map, parts) {
  let current = map;
  for (const [index, part] of parts.entries()) {
    if (!(current instanceof Map)) return index === 0 ? MISSING : BLOCKED;
    if (!current.has(part)) return MISSING;
    current = current.get(part);
  }
  return current;
}

function setPath(map, parts, value) {
  let current = map;
  for (const part of parts.slice(0, -1)) {
    if (!(current.get(part) instanceof Map)) current.set(part, new Map());
    current = current.get(part);
  }
  current.set(parts[parts.length - 1], value);
}

function deletePath(map, parts) {
  const parent = getPath(map, parts.slice(0, -1));
  if (parent instanceof Map) parent.delete(parts[parts.length - 1]);
}

// `map`'s keys in `order` first, then the rest as they were.
function ordered(map, order) {
  const first = order.filter((key) => map.has(key));
  const rest = [...map.keys()].filter((key) => !order.includes(key));
  return new Map([...first, ...rest].map((key) => [key, map.get(key)]));
}

// What a case holds beyond the columns (a tree of the columns' keys: {input: {args: true}}).
function otherFields(value, tree) {
  const rest = new Map();
  for (const [key, item] of value) {
    const branch = tree.get(key);
    if (branch === true) continue;
    if (branch && item instanceof Map) {
      const inner = otherFields(item, branch);
      if (inner.size) rest.set(key, inner);
    } else {
      rest.set(key, item);
    }
  }
  return rest;
}

// Is any column's key in `value`, or is a column's container not an object? (a message, or "")
function columnClash(value, tree, prefix = "") {
  for (const [key, item] of value) {
    const branch = tree.get(key);
    if (branch === true) return `"${prefix}${key}" has its own column`;
    if (branch && !(item instanceof Map)) return `"${prefix}${key}" holds columns: it must be an object`;
    if (branch) {
      const clash = columnClash(item, branch, `${prefix}${key}.`);
      if (clash) return clash;
    }
  }
  return "";
}

// The editor ------------------------------------------------------------------------------

let editors = 0;

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "text") node.textContent = value;
    // A text area's text is its value property (its attribute is ignored).
    else if (name === "value") node.value = value;
    else if (name in node && typeof value !== "string") node[name] = value;
    else node.setAttribute(name, value === true ? "" : value);
  }
  node.append(...children);
  return node;
}

function byteLength(text) {
  return new TextEncoder().encode(text).length;
}

class CaseEditor {
  constructor(textarea, spec) {
    this.textarea = textarea;
    this.spec = spec;
    this.id = `case-editor-${(editors += 1)}`;
    this.columns = spec.columns.map((column) => ({ ...column, parts: column.key.split(".") }));
    this.tree = new Map();
    for (const column of this.columns) {
      let node = this.tree;
      column.parts.forEach((part, index) => {
        if (index === column.parts.length - 1) node.set(part, true);
        else {
          if (!(node.get(part) instanceof Map)) node.set(part, new Map());
          node = node.get(part);
        }
      });
    }
    this.root = null;
    this.renderedText = null;
    this.invalid = new Set();
    this.build();
  }

  get cases() {
    return this.root.get("cases");
  }

  build() {
    const id = this.id;
    const tab = (name, text) =>
      element("button", {
        type: "button",
        role: "tab",
        class: "result-tab",
        id: `${id}-tab-${name}`,
        "aria-controls": `${id}-${name}`,
        text,
      });
    const panel = (name, ...children) =>
      element(
        "div",
        { role: "tabpanel", id: `${id}-${name}`, "aria-labelledby": `${id}-tab-${name}`, class: "case-editor-panel" },
        ...children,
      );
    this.tabs = { table: tab("table", "Table"), json: tab("json", "JSON") };
    const tablist = element(
      "div",
      { role: "tablist", class: "result-tabs case-editor-tabs", "aria-label": "Edit the cases as" },
      this.tabs.table,
      this.tabs.json,
    );
    this.status = element("p", { class: "case-editor-status", role: "status", id: `${id}-status` });
    this.tableBox = element("div", { class: "case-table-box" });
    this.panels = { table: panel("table", this.tableBox), json: panel("json") };
    const container = element("div", { class: "case-editor" }, tablist, this.status, ...Object.values(this.panels));
    this.textarea.before(container);
    this.panels.json.append(this.textarea);

    for (const [name, tab] of Object.entries(this.tabs)) {
      tab.addEventListener("click", () => this.select(name, { focus: false }));
      tab.addEventListener("keydown", (event) => {
        const other = name === "table" ? "json" : "table";
        const target = { ArrowLeft: other, ArrowRight: other, Home: "table", End: "json" }[event.key];
        if (!target) return;
        event.preventDefault();
        this.select(target, { focus: true });
      });
    }
    this.textarea.addEventListener("studio:reveal", () => this.select("json", { focus: false }));
    const form = this.textarea.form;
    if (form) form.addEventListener("submit", (event) => this.beforeSubmit(event));
    this.select("table", { focus: false });
  }

  // Show `name`'s panel; the table only when the text makes one (else the JSON, with why).
  select(name, { focus }) {
    let shown = name;
    if (name === "table") {
      const problem = this.load();
      if (problem) {
        this.say(problem);
        const back = "The table is back once the JSON tab's text is a cases.json it can show.";
        this.tableBox.replaceChildren(element("p", { class: "muted", text: back }));
        // Whatever the text becomes next, the table is drawn again from it.
        this.renderedText = null;
        this.root = null;
        shown = "json";
      } else if (this.textarea.value !== this.renderedText) {
        this.render();
      }
    }
    for (const [key, tab] of Object.entries(this.tabs)) {
      const active = key === shown;
      tab.setAttribute("aria-selected", String(active));
      tab.tabIndex = active ? 0 : -1;
      this.panels[key].hidden = !active;
    }
    if (focus) this.tabs[shown].focus();
  }

  // Parse the text area; a message when the table can't show it ("" when it can).
  load() {
    const text = this.textarea.value;
    if (text === this.renderedText && this.root) return "";
    const kib = Math.round(this.spec.max_bytes / 1024);
    if (text.length > this.spec.max_bytes || byteLength(text) > this.spec.max_bytes) {
      return `cases.json is over ${kib} KB: edit it as JSON here (the table would be too slow).`;
    }
    let root;
    try {
      root = parseJson(text, this.spec.max_depth);
    } catch (error) {
      return `The JSON doesn't parse (${error.message}); fix it here and the table comes back. Nothing is lost.`;
    }
    if (!(root instanceof Map) || !Array.isArray(root.get("cases"))) {
      return 'The table needs an object with a "cases" list; edit it as JSON here.';
    }
    const cases = root.get("cases");
    if (cases.length > this.spec.max_cases) {
      return `${cases.length} cases: the table shows at most ${this.spec.max_cases}; edit them as JSON here.`;
    }
    const wrong = cases.findIndex((item) => !(item instanceof Map));
    if (wrong >= 0) return `Case ${wrong + 1} is not a JSON object; edit it as JSON here.`;
    this.root = root;
    this.say("");
    return "";
  }

  // The live region stays in the page (a region shown only when it speaks is often not heard).
  say(message) {
    this.status.textContent = message;
  }

  // The text area's JSON from the table's cases (json.dumps(indent=1), as the studio stores it).
  write() {
    this.textarea.value = `${toJson(this.root, 1)}\n`;
    this.renderedText = this.textarea.value;
  }

  beforeSubmit(event) {
    if (!this.invalid.size || this.panels.table.hidden) return;
    event.preventDefault();
    this.say(
      "A cell's JSON doesn't parse: fix it or clear it before saving " +
        "(the file still holds its last valid value).",
    );
    const first = [...this.invalid][0];
    document.getElementById(first)?.focus();
  }

  // Table -----------------------------------------------------------------------------------

  render(focusId = null) {
    this.invalid.clear();
    const id = this.id;
    // Each column's help is under its heading and describes the column's fields.
    const header = (label, help, helpId) =>
      element(
        "th",
        { scope: "col" },
        element("span", { text: label }),
        help ? element("span", { class: "case-help", id: helpId, text: help }) : "",
      );
    const headers = [
      element("th", { scope: "col", text: "#" }),
      ...this.columns.map((column, index) => header(column.label, column.help, `${id}-help-${index}`)),
      header("Other fields", "Any other keys, as a JSON object: kept as they are.", `${id}-help-other`),
      element("th", { scope: "col", text: "Actions" }),
    ];
    const count = this.cases.length;
    const table = element(
      "table",
      { class: "case-table" },
      element("caption", { class: "visually-hidden", text: `${count} case${count === 1 ? "" : "s"}, one a row` }),
      element("thead", {}, element("tr", {}, ...headers)),
      element("tbody", {}, ...this.cases.map((item, row) => this.renderRow(item, row))),
    );
    const add = element("button", { type: "button", class: "button", id: `${id}-add`, text: "Add case" });
    add.addEventListener("click", () => this.addCase());
    const scroller = element(
      "div",
      { class: "case-table-scroll", role: "region", "aria-label": "Cases", tabindex: "0" },
      table,
    );
    this.tableBox.replaceChildren(scroller, element("p", { class: "case-editor-actions" }, add));
    this.renderedText = this.textarea.value;
    if (focusId) document.getElementById(focusId)?.focus();
  }

  caseName(row) {
    const name = this.cases[row].get("name");
    const number = `case ${row + 1}`;
    return typeof name === "string" && name ? `${number} (${name.slice(0, 60)})` : number;
  }

  renderRow(item, row) {
    const cells = this.columns.map((column, index) =>
      element("td", {}, ...this.renderCell(item, row, column, index)),
    );
    const rest = otherFields(item, this.tree);
    const other = this.jsonCell(
      row,
      "other",
      `Other fields, ${this.caseName(row)}`,
      rest.size ? toJson(rest, 1) : "",
      `${this.id}-help-other`,
      (value) => this.setOther(row, value),
    );
    cells.push(element("td", {}, ...other));
    const actions = element("div", { class: "case-row-actions" });
    const last = this.cases.length - 1;
    for (const [action, label, disabled] of [
      ["up", "Up", row === 0],
      ["down", "Down", row === last],
      ["duplicate", "Duplicate", false],
      ["delete", "Delete", false],
    ]) {
      const button = element("button", {
        type: "button",
        id: `${this.id}-${row}-${action}`,
        class: "case-action",
        text: label,
        "aria-label": `${label} ${this.caseName(row)}`,
        disabled,
      });
      button.addEventListener("click", () => this.act(action, row));
      actions.append(button);
    }
    cells.push(element("td", {}, actions));
    return element("tr", {}, element("th", { scope: "row", text: String(row + 1) }), ...cells);
  }

  controlId(row, index) {
    return `${this.id}-${row}-${index}`;
  }

  renderCell(item, row, column, index) {
    const id = this.controlId(row, index);
    const value = getPath(item, column.parts);
    const label = `${column.label}, ${this.caseName(row)}`;
    const help = column.help ? `${this.id}-help-${index}` : null;
    if (value === BLOCKED) {
      // Shown as it is in "Other fields"; a column can't edit under a non-object.
      const why = `${column.parts[0]} is not an object: see Other fields`;
      return [element("input", { id, type: "text", value: "—", readOnly: true, "aria-label": label, title: why })];
    }
    const present = value !== MISSING;
    const widget = column.widget;
    const fits =
      !present ||
      (widget === "checkbox" && typeof value === "boolean") ||
      (widget === "number" && (typeof value === "number" || value instanceof RawNumber)) ||
      (["text", "textarea", "select"].includes(widget) && typeof value === "string");
    if (widget === "json" || !fits) {
      // Short values on one line; longer ones indented like the file.
      const text = present ? toJson(value, toJson(value).length > 60 ? 1 : 0) : "";
      return this.jsonCell(row, index, label, text, help, (parsed) => this.setValue(row, column, parsed));
    }
    const common = { id, "aria-label": label, "aria-describedby": help };
    if (widget === "checkbox") {
      const box = element("input", { ...common, type: "checkbox", checked: value === true });
      box.addEventListener("change", () => this.setValue(row, column, box.checked));
      return [box];
    }
    if (widget === "select") {
      const choices = [...column.options];
      if (present && !choices.includes(value)) choices.push(value);
      const select = element("select", common);
      if (!present) select.append(element("option", { value: "", text: "(not set)" }));
      for (const choice of choices) select.append(element("option", { value: choice, text: choice }));
      select.value = present ? value : "";
      // "" is only the "(not set)" choice: it leaves the key out.
      select.addEventListener("change", () =>
        this.setValue(row, column, select.value === "" ? MISSING : select.value),
      );
      return [select];
    }
    if (widget === "number") {
      const error = element("p", { class: "case-cell-error", id: `${id}-error`, hidden: true });
      const input = element("input", {
        ...common,
        type: "number",
        inputMode: "numeric",
        min: column.min ?? null,
        max: column.max ?? null,
        step: "1",
        value: present ? toJson(value) : "",
        "aria-describedby": [help, `${id}-error`].filter(Boolean).join(" "),
      });
      input.addEventListener("input", () => {
        const text = input.value.trim();
        const number = Number(text);
        const low = column.min ?? Number.MIN_SAFE_INTEGER;
        const high = column.max ?? Number.MAX_SAFE_INTEGER;
        const ok = text === "" || (Number.isSafeInteger(number) && number >= low && number <= high);
        const range = column.min != null && column.max != null ? ` from ${column.min} to ${column.max}` : "";
        this.mark(id, input, error, ok ? "" : `A whole number${range}.`);
        if (ok) this.setValue(row, column, text === "" ? MISSING : number);
      });
      return [input, error];
    }
    const field =
      widget === "textarea"
        ? element("textarea", { ...common, rows: "3", value: present ? value : "" })
        : element("input", { ...common, type: "text", value: present ? value : "" });
    // A cleared text leaves the key out, as a package would (an absent key is its default).
    field.addEventListener("input", () =>
      this.setValue(row, column, field.value === "" ? MISSING : field.value),
    );
    return [field];
  }

  // A JSON value edited as text: checked as it is typed; only valid JSON reaches the file.
  jsonCell(row, index, label, text, help, apply) {
    const id = this.controlId(row, index);
    const error = element("p", { class: "case-cell-error", id: `${id}-error`, hidden: true });
    const lines = text.split("\n").length;
    const area = element("textarea", {
      id,
      class: "code case-json",
      rows: String(Math.min(Math.max(lines, 1), 6)),
      spellcheck: "false",
      value: text,
      "aria-label": label,
      "aria-describedby": [help, `${id}-error`].filter(Boolean).join(" "),
    });
    area.addEventListener("input", () => {
      if (area.value.trim() === "") {
        this.mark(id, area, error, "");
        apply(MISSING);
        return;
      }
      let parsed;
      try {
        parsed = parseJson(area.value, this.spec.max_depth);
      } catch (failure) {
        const message = `Not JSON yet (${failure.message}); the file keeps the last valid value.`;
        this.mark(id, area, error, message);
        return;
      }
      const problem = apply(parsed);
      this.mark(id, area, error, problem || "");
    });
    return [area, error];
  }

  mark(id, control, error, message) {
    error.textContent = message;
    error.hidden = !message;
    if (message) {
      control.setAttribute("aria-invalid", "true");
      this.invalid.add(id);
    } else {
      control.removeAttribute("aria-invalid");
      this.invalid.delete(id);
    }
  }

  // A case keeps the stored key order (the studio writes name, visibility, input, expected...).
  tidy(row) {
    this.cases[row] = ordered(this.cases[row], this.spec.key_order);
  }

  setValue(row, column, value) {
    const before = this.caseName(row);
    const item = this.cases[row];
    if (value === MISSING) deletePath(item, column.parts);
    else setPath(item, column.parts, value);
    this.tidy(row);
    this.write();
    if (this.caseName(row) !== before) this.relabel(row, before);
    return "";
  }

  // A renamed case's controls say its new name (each label ends with the case's name).
  relabel(row, before) {
    const after = this.caseName(row);
    const line = this.tableBox.querySelectorAll("tbody > tr")[row];
    for (const node of line ? line.querySelectorAll("[aria-label]") : []) {
      const label = node.getAttribute("aria-label");
      if (label.endsWith(before)) node.setAttribute("aria-label", label.slice(0, -before.length) + after);
    }
  }

  // "Other fields" replaced: the columns' values stay; the rest is what was typed.
  setOther(row, value) {
    const rest = value === MISSING ? new Map() : value;
    if (!(rest instanceof Map)) return "Other fields are a JSON object.";
    const clash = columnClash(rest, this.tree);
    if (clash) return `${clash}; the file keeps the last valid value.`;
    const old = this.cases[row];
    const updated = clone(rest);
    for (const column of this.columns) {
      const current = getPath(old, column.parts);
      if (current !== MISSING && current !== BLOCKED) setPath(updated, column.parts, current);
    }
    // Keys that were there stay where they were.
    const keep = (fresh, before) => {
      const result = ordered(fresh, before instanceof Map ? [...before.keys()] : []);
      for (const [key, item] of result) {
        if (item instanceof Map && before instanceof Map) result.set(key, keep(item, before.get(key)));
      }
      return result;
    };
    this.cases[row] = keep(updated, old);
    this.tidy(row);
    this.write();
    return "";
  }

  uniqueName(base) {
    const names = new Set(this.cases.map((item) => item.get("name")));
    if (!names.has(base)) return base;
    for (let number = 2; ; number += 1) {
      if (!names.has(`${base} ${number}`)) return `${base} ${number}`;
    }
  }

  addCase() {
    const item = new Map();
    for (const column of this.columns) {
      if ("default" in column) setPath(item, column.parts, fromPlain(column.default));
    }
    item.set("name", this.uniqueName(`case ${this.cases.length + 1}`));
    this.cases.push(item);
    const row = this.cases.length - 1;
    this.tidy(row);
    this.write();
    this.render(this.controlId(row, 0));
    this.say(`Case ${row + 1} added.`);
  }

  act(action, row) {
    const cases = this.cases;
    let focus = null;
    let message = "";
    if (action === "up" || action === "down") {
      const target = action === "up" ? row - 1 : row + 1;
      [cases[row], cases[target]] = [cases[target], cases[row]];
      const still = action === "up" ? target > 0 : target < cases.length - 1;
      focus = `${this.id}-${target}-${still ? action : action === "up" ? "down" : "up"}`;
      message = `Case ${row + 1} is now case ${target + 1}.`;
    } else if (action === "duplicate") {
      const copy = clone(cases[row]);
      const name = copy.get("name");
      copy.set("name", this.uniqueName(`${typeof name === "string" ? name : `case ${row + 1}`} (copy)`));
      cases.splice(row + 1, 0, copy);
      this.tidy(row + 1);
      focus = this.controlId(row + 1, 0);
      message = `Case ${row + 1} duplicated as case ${row + 2}.`;
    } else if (action === "delete") {
      cases.splice(row, 1);
      focus = cases.length ? `${this.id}-${Math.min(row, cases.length - 1)}-delete` : `${this.id}-add`;
      message = `Case ${row + 1} deleted.`;
    }
    this.write();
    this.render(focus);
    this.say(message);
  }
}

// Every text area marked data-case-editor="<json_script id>" gets the table.
export function setupCaseEditors() {
  for (const textarea of document.querySelectorAll("textarea[data-case-editor]")) {
    const source = document.getElementById(textarea.dataset.caseEditor);
    if (!source) continue;
    new CaseEditor(textarea, JSON.parse(source.textContent));
  }
}
