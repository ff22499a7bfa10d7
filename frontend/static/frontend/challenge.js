// Challenge page: run/submit through the API, poll the submission, render results live.
(function () {
  "use strict";
  const root = document.getElementById("workspace");
  if (!root) return;
  const code = document.getElementById("code");
  const result = document.getElementById("result");
  const runButton = document.getElementById("run-button");
  const submitButton = document.getElementById("submit-button");
  const resetButton = document.getElementById("reset-button");
  const starter = document.getElementById("starter-code").content.textContent;
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
  };
  const CASE_STATUS = Object.assign({ passed: "Passed", not_run: "Not run" }, VERDICTS);

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
    runButton.disabled = on;
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
        body: JSON.stringify({ challenge: root.dataset.challenge, mode: mode, code: code.value }),
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
      if (submission.finished) return;
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
    const header = el("div", { class: "verdict-line" }, [
      el("span", { id: "verdict", class: "verdict verdict-" + verdict, "data-verdict": verdict, text: VERDICTS[verdict] || verdict }),
      el("span", { class: "muted", text: (submission.mode === "run" ? "Run: " : "Submit: ") + passed + " / " + submission.results.length + " cases passed" + (submission.score !== null && submission.mode === "submit" ? " · score " + Math.round(submission.score * 100) + "%" : "") }),
      el("span", { class: "muted", text: timing(submission) }),
    ]);
    const nodes = [header];
    if (submission.message) nodes.push(el("pre", { class: "message", text: submission.message }));
    const rows = submission.results.map(function (row) {
      const detail = [];
      if (row.visibility === "example") {
        detail.push(el("div", { class: "io" }, [
          el("div", {}, [el("strong", { text: "Input" }), el("pre", { text: pretty(row.input) })]),
          el("div", {}, [el("strong", { text: "Expected" }), el("pre", { text: pretty(row.expected) })]),
          el("div", {}, [el("strong", { text: "Actual" }), el("pre", { text: row.actual === null || row.actual === undefined ? "—" : pretty(row.actual) })]),
        ]));
      } else if (!row.passed) {
        detail.push(el("p", { class: "hint", text: (row.category ? "[" + row.category + "] " : "") + (row.hint || "Hidden case.") }));
      }
      if (row.error) detail.push(el("pre", { class: "error-detail", text: row.error }));
      return el("li", { class: "case " + (row.passed ? "pass" : "fail") }, [
        el("div", { class: "case-head" }, [
          el("span", { class: "case-status", text: CASE_STATUS[row.status] || row.status }),
          el("span", { class: "case-name", text: row.name + (row.visibility === "hidden" ? " (hidden)" : "") }),
          el("span", { class: "muted", text: row.time_ms + " ms" }),
        ]),
      ].concat(detail));
    });
    nodes.push(el("ol", { class: "cases" }, rows));
    if (submission.stdout) nodes.push(el("details", {}, [el("summary", { text: "Your program's output" }), el("pre", { text: submission.stdout })]));
    show("done", nodes);
  }

  function timing(submission) {
    const parts = [];
    if (submission.wall_time_ms !== null) parts.push(submission.wall_time_ms + " ms");
    if (submission.peak_memory_kb) parts.push((submission.peak_memory_kb / 1024).toFixed(1) + " MB peak");
    return parts.join(" · ");
  }
})();
