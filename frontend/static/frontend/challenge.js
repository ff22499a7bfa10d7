// Challenge page: run/submit through the API, poll the submission, render results live.
(function () {
  "use strict";
  const root = document.getElementById("workspace");
  if (!root) return;
  const code = document.getElementById("code");
  const designForm = document.getElementById("design-form");
  const result = document.getElementById("result");
  const runButton = document.getElementById("run-button");
  const submitButton = document.getElementById("submit-button");
  const resetButton = document.getElementById("reset-button");
  const starterTemplate = document.getElementById("starter-code");
  const starter = starterTemplate ? starterTemplate.content.textContent : "";
  const draftKey = "draft:" + root.dataset.challenge;
  const VERDICTS = {
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
  const CASE_STATUS = Object.assign({ passed: "Passed", not_run: "Not run" }, VERDICTS, { wrong_answer: "Wrong answer" });

  if (designForm) {
    designForm.addEventListener("submit", function (event) {
      event.preventDefault();
      send("submit");
    });
  }
  if (code) setUpEditor();

  function setUpEditor() {
  // Drafts survive reloads; a saved draft wins over the starter.
  const saved = window.localStorage.getItem(draftKey);
  if (saved !== null) code.value = saved;
  code.addEventListener("input", function () {
    window.localStorage.setItem(draftKey, code.value);
  });
  code.addEventListener("keydown", function (event) {
    if (event.key === "Tab" && !event.shiftKey) {
      event.preventDefault();
      const start = code.selectionStart;
      code.setRangeText("    ", start, code.selectionEnd, "end");
      code.dispatchEvent(new Event("input"));
    } else if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
      event.preventDefault();
      send("submit");
    } else if ((event.ctrlKey || event.metaKey) && event.key === "'") {
      event.preventDefault();
      send("run");
    }
  });
  resetButton.addEventListener("click", function () {
    if (code.value !== starter && !window.confirm("Replace your code with the starter code?")) return;
    code.value = starter;
    window.localStorage.removeItem(draftKey);
  });
  runButton.addEventListener("click", function () { send("run"); });
  submitButton.addEventListener("click", function () { send("submit"); });
  }

  function designAnswers() {
    const answers = {};
    designForm.querySelectorAll("fieldset.question").forEach(function (fieldset) {
      const name = fieldset.dataset.name;
      const type = fieldset.dataset.type;
      if (type === "single") {
        const picked = fieldset.querySelector("input:checked");
        if (picked) answers[name] = Number(picked.value);
      } else if (type === "multiple") {
        const picked = Array.from(fieldset.querySelectorAll("input:checked")).map(function (i) { return Number(i.value); });
        if (picked.length) answers[name] = picked;
      } else if (type === "estimate") {
        const value = fieldset.querySelector("input").value.trim();
        if (value !== "") answers[name] = Number(value);
      } else if (type === "ordering") {
        const selects = Array.from(fieldset.querySelectorAll("select"));
        if (selects.every(function (s) { return s.value !== ""; })) {
          answers[name] = selects
            .map(function (s) { return { item: Number(s.dataset.item), position: Number(s.value) }; })
            .sort(function (a, b) { return a.position - b.position; })
            .map(function (entry) { return entry.item; });
        }
      } else if (type === "text") {
        const value = fieldset.querySelector("textarea").value;
        if (value.trim()) answers[name] = value;
      }
    });
    return answers;
  }

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(function ([key, value]) {
      if (key === "text") node.textContent = value;
      else node.setAttribute(key, value);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function show(state, nodes) {
    result.dataset.state = state;
    result.replaceChildren.apply(result, nodes);
  }

  function busy(on) {
    if (runButton) runButton.disabled = on;
    submitButton.disabled = on;
  }

  async function send(mode) {
    busy(true);
    show("pending", [el("p", { class: "status", role: "status", text: mode === "run" ? "Running the examples…" : "Submitting…" })]);
    try {
      const response = await fetch(root.dataset.submissionsUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": root.dataset.csrf },
        body: JSON.stringify(
          designForm
            ? { challenge: root.dataset.challenge, mode: mode, answers: designAnswers() }
            : { challenge: root.dataset.challenge, mode: mode, code: code.value }
        ),
      });
      const body = await response.json().catch(function () { return {}; });
      if (!response.ok) {
        const detail = body.detail || Object.entries(body).map(function ([k, v]) { return k + ": " + [].concat(v).join(" "); }).join("; ");
        throw new Error(detail || "the server answered " + response.status);
      }
      await poll(body.id);
    } catch (error) {
      show("error", [el("p", { class: "error", role: "alert", text: "Could not get a result: " + error.message })]);
    } finally {
      busy(false);
    }
  }

  async function poll(id) {
    const url = root.dataset.submissionsUrl + id + "/";
    let delay = 300;
    for (;;) {
      const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error("the server answered " + response.status);
      const submission = await response.json();
      render(submission);
      if (submission.finished) {
        if (submission.mode === "submit" && ["accepted", "pending_review"].indexOf(submission.verdict) >= 0) revealEditorial();
        return;
      }
      await new Promise(function (resolve) { setTimeout(resolve, delay); });
      delay = Math.min(delay * 1.5, 2000);
    }
  }

  function pretty(value) {
    return JSON.stringify(value);
  }

  function render(submission) {
    if (!submission.finished) {
      const label = submission.status === "queued" ? "Queued…" : "Running in the sandbox…";
      show("pending", [el("p", { class: "status", role: "status", text: label })]);
      return;
    }
    const verdict = submission.verdict;
    const passed = submission.results.filter(function (row) { return row.passed; }).length;
    const design = submission.results.length > 0 && submission.results[0].type !== undefined;
    const summary = design
      ? submission.results.filter(function (r) { return r.passed; }).length + " / " + submission.results.length + " questions right" + " · score " + Math.round(submission.score * 100) + "%"
      : (submission.mode === "run" ? "Run: " : "Submit: ") + passed + " / " + submission.results.length + " cases passed" + (submission.score !== null && submission.mode === "submit" ? " · score " + Math.round(submission.score * 100) + "%" : "");
    const header = el("div", { class: "verdict-line" }, [
      el("span", { id: "verdict", class: "verdict verdict-" + verdict, "data-verdict": verdict, text: VERDICTS[verdict] || verdict }),
      el("span", { class: "muted", text: summary }),
      design ? null : el("span", { class: "muted", text: timing(submission) }),
    ]);
    const nodes = [header];
    if (submission.message) nodes.push(el(verdict === "pending_review" ? "p" : "pre", { class: verdict === "pending_review" ? "muted" : "message", text: submission.message }));
    const rows = submission.results.map(function (row) {
      const detail = [];
      if (row.type) {
        // A design question.
        if (row.earned !== null && row.earned !== undefined) detail.push(el("p", { class: "muted", text: row.earned + " / " + row.points + " points" }));
        if (row.status === "pending_review") detail.push(el("p", { class: "muted", text: "A reviewer will score this answer." }));
        if (!row.passed && row.hint) detail.push(el("p", { class: "hint", text: (row.category ? "[" + row.category + "] " : "") + row.hint }));
      } else if (row.visibility === "example" && row.diff !== undefined && row.expected && row.expected.columns) {
        // An SQL example: both tables, and what differs.
        detail.push(el("div", { class: "io" }, [
          el("div", {}, [el("strong", { text: "Expected" }), table(row.expected)]),
          el("div", {}, [el("strong", { text: "Your result" }), row.actual ? table(row.actual) : el("p", { class: "muted", text: "—" })]),
        ]));
        if (row.diff && (row.diff.missing_count || row.diff.extra_count)) {
          detail.push(el("p", { class: "diff", text: row.diff.missing_count + " row(s) missing, " + row.diff.extra_count + " extra" }));
          if (row.diff.missing_rows.length) detail.push(el("div", {}, [el("strong", { text: "Missing rows" }), table({ columns: row.expected.columns, rows: row.diff.missing_rows })]));
          if (row.diff.extra_rows.length) detail.push(el("div", {}, [el("strong", { text: "Extra rows" }), table({ columns: row.actual.columns, rows: row.diff.extra_rows })]));
        }
        if (row.diff && row.diff.columns) detail.push(el("p", { class: "diff", text: row.diff.columns }));
        if (row.diff && row.diff.order) detail.push(el("p", { class: "diff", text: row.diff.order }));
      } else if (row.visibility === "example" && row.mismatch !== undefined) {
        // An API scenario: each request with the expected and the actual response.
        if (row.mismatch) detail.push(el("p", { class: "diff", text: "Step " + (row.mismatch.step + 1) + ": " + row.mismatch.detail }));
        const steps = (row.input.requests || []).map(function (request, i) {
          return el("li", {}, [
            el("pre", { text: (request.method || "GET") + " " + request.path + (request.json !== undefined ? "\n" + pretty(request.json) : "") }),
            el("div", { class: "io two" }, [
              el("div", {}, [el("strong", { text: "Expected" }), el("pre", { text: pretty(row.expected[i]) })]),
              el("div", {}, [el("strong", { text: "Actual" }), el("pre", { text: row.actual && row.actual[i] ? pretty(row.actual[i]) : "—" })]),
            ]),
          ]);
        });
        detail.push(el("ol", { class: "scenario" }, steps));
      } else if (row.visibility === "example") {
        detail.push(el("div", { class: "io" }, [
          el("div", {}, [el("strong", { text: "Input" }), el("pre", { text: pretty(row.input) })]),
          el("div", {}, [el("strong", { text: "Expected" }), el("pre", { text: pretty(row.expected) })]),
          el("div", {}, [el("strong", { text: "Actual" }), el("pre", { text: row.actual === null || row.actual === undefined ? "—" : pretty(row.actual) })]),
        ]));
      } else if (!row.passed) {
        detail.push(el("p", { class: "hint", text: (row.category ? "[" + row.category + "] " : "") + (row.hint || "Hidden case.") }));
        if (row.diff && (row.diff.missing_count || row.diff.extra_count)) detail.push(el("p", { class: "diff", text: row.diff.missing_count + " row(s) missing, " + row.diff.extra_count + " extra" }));
        if (row.diff && row.diff.order) detail.push(el("p", { class: "diff", text: row.diff.order }));
        if (row.mismatch) detail.push(el("p", { class: "diff", text: "Step " + (row.mismatch.step + 1) + ": the " + row.mismatch.part + " differs" }));
      }
      if (row.output) detail.push(el("details", {}, [el("summary", { text: "Printed" }), el("pre", { text: row.output })]));
      if (row.error) detail.push(el("pre", { class: "error-detail", text: row.error }));
      const state = row.passed ? "pass" : row.status === "pending_review" ? "pending" : "fail";
      return el("li", { class: "case " + state }, [
        el("div", { class: "case-head" }, [
          el("span", { class: "case-status", text: CASE_STATUS[row.status] || row.status }),
          el("span", { class: "case-name", text: row.name + (row.visibility === "hidden" && !row.type ? " (hidden)" : "") }),
          row.type ? null : el("span", { class: "muted", text: row.time_ms + " ms" }),
        ]),
      ].concat(detail));
    });
    nodes.push(el("ol", { class: "cases" }, rows));
    if (submission.stdout) nodes.push(el("details", {}, [el("summary", { text: "Your program's output" }), el("pre", { text: submission.stdout })]));
    show("done", nodes);
  }

  async function revealEditorial() {
    const section = document.getElementById("editorial");
    if (!section || !section.hidden) return;
    const response = await fetch(section.dataset.detailUrl, { credentials: "same-origin", headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const detail = await response.json();
    if (!detail.editorial_html) return;
    // Server-rendered and sanitised (python-markdown + bleach allowlist), like the statement.
    document.getElementById("editorial-body").innerHTML = detail.editorial_html;
    section.hidden = false;
  }

  function table(data) {
    const head = el("tr", {}, data.columns.map(function (c) { return el("th", { scope: "col", text: c }); }));
    const body = data.rows.map(function (r) {
      return el("tr", {}, r.map(function (v) { return el("td", { text: v === null ? "NULL" : typeof v === "object" ? JSON.stringify(v) : String(v) }); }));
    });
    return el("div", { class: "table-scroll" }, [el("table", { class: "data" }, [el("thead", {}, [head]), el("tbody", {}, body)])]);
  }

  function timing(submission) {
    const parts = [];
    if (submission.wall_time_ms !== null) parts.push(submission.wall_time_ms + " ms");
    if (submission.peak_memory_kb) parts.push((submission.peak_memory_kb / 1024).toFixed(1) + " MB peak");
    return parts.join(" · ");
  }
})();
