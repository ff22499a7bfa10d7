// The challenge page: the editor, draft autosave, Run/Submit through the API, live results,
// restore from history, and staying honest when the network drops.
import { setupAssists, showEditorial } from "./assists.js";
import { createCodeEditor } from "./editor.js";
import { rendererFor } from "./kinds/index.js";
import { el } from "./render.js";
import { renderSubmission, VERDICTS } from "./results.js";
import { setupResultTabs, setupSplit } from "./workspace.js";

const root = document.getElementById("workspace");
if (root) start(root);

// A refused field in words: the API's names are for programs.
const FIELD_NAMES = { custom_input: "Your input", code: "Your code" };

class NetworkError extends Error {}
class SignedOut extends Error {}

/** fetch() that tells "the server said no" from "the server could not be reached". */
async function request(url, options) {
  let response;
  try {
    response = await fetch(url, Object.assign({ credentials: "same-origin", headers: { Accept: "application/json" } }, options));
  } catch (error) {
    throw new NetworkError(navigator.onLine === false
      ? "You are offline."
      : "The server could not be reached.");
  }
  const body = await response.json().catch(() => ({}));
  if (response.status === 401 || response.status === 403) {
    if (!body.detail || /credentials|authenticat|CSRF/i.test(body.detail)) {
      throw new SignedOut("Your session has ended.");
    }
  }
  if (!response.ok) {
    const detail = body.detail || Object.entries(body).map(([k, v]) => (FIELD_NAMES[k] || k) + ": " + [].concat(v).join(" ")).join("; ");
    throw new Error(detail || "the server answered " + response.status);
  }
  return body;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function start(root) {
  const textarea = document.getElementById("code");
  const result = document.getElementById("result");
  const connection = document.getElementById("connection");
  const runButton = document.getElementById("run-button");
  const submitButton = document.getElementById("submit-button");
  const resetButton = document.getElementById("reset-button");
  const draftStatus = document.getElementById("draft-status");
  const customInput = document.getElementById("custom-input");
  const customButton = document.getElementById("custom-run-button");
  const customReset = document.getElementById("custom-input-reset");
  const customKey = "custom-input:" + root.dataset.challenge;
  const announcer = document.getElementById("announcer");
  const starterTemplate = document.getElementById("starter-code");
  const starter = starterTemplate ? starterTemplate.content.textContent : "";
  const draftKey = "draft:" + root.dataset.challenge;
  const submissionsUrl = root.dataset.submissionsUrl;
  let editor = null;
  let flushDraft = () => {};
  let sending = false;
  // What the page knows that result rows don't, for each kind's notation.
  const context = { entrypoint: root.dataset.entrypoint || "" };
  setupSplit(root);
  setupResultTabs(result);

  function show(state, nodes) {
    result.dataset.state = state;
    result.replaceChildren(...nodes);
    // Screen readers hear one short line (the verdict and its summary), not the whole panel.
    const line = [".status", "#verdict", "#verdict-summary", ".error"]
      .map((selector) => result.querySelector(selector))
      .filter(Boolean)
      .map((node) => node.textContent)
      .join(". ");
    if (announcer && line && announcer.textContent !== line) announcer.textContent = line;
  }

  function setConnection(message) {
    if (!connection) return;
    connection.hidden = !message;
    connection.textContent = message || "";
  }
  window.addEventListener("offline", () => setConnection("You are offline. Your code is kept in this browser; Run and Submit will work again when the connection is back."));
  window.addEventListener("online", () => setConnection(""));

  // Drafts live in this browser (at once, works offline) and on the server (after a pause, so
  // they follow the candidate to any device); the newer of the two wins when the page opens.
  const draftUrl = root.dataset.draftUrl;
  let serverTimer = null;
  let serverText = null;

  function saveLocal(text) {
    try {
      window.localStorage.setItem(draftKey, text);
      window.localStorage.setItem(draftKey + ":at", String(Date.now()));
      return true;
    } catch (error) {
      return false;
    }
  }

  async function saveOnServer(text, { keepalive = false } = {}) {
    if (!draftUrl || text === serverText) return;
    try {
      await request(draftUrl, {
        method: "PUT",
        keepalive,
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": root.dataset.csrf },
        body: JSON.stringify({ text }),
      });
      serverText = text;
      if (draftStatus) draftStatus.textContent = "Draft saved.";
    } catch (error) {
      if (draftStatus) draftStatus.textContent = error instanceof NetworkError
        ? "Draft saved in this browser; it goes to your account when the connection is back."
        : "Draft saved in this browser only: " + error.message;
    }
  }

  function saveDraft(text) {
    const local = saveLocal(text);
    if (draftStatus) {
      draftStatus.textContent = local
        ? "Draft saved in this browser."
        : "This browser would not save a draft: keep a copy of your code.";
    }
    clearTimeout(serverTimer);
    serverTimer = setTimeout(() => { serverTimer = null; saveOnServer(text); }, 1500);
  }

  function flushServerDraft(text) {
    if (serverTimer === null) return;
    clearTimeout(serverTimer);
    serverTimer = null;
    saveOnServer(text, { keepalive: true });
  }

  function loadDraft() {
    const local = window.localStorage.getItem(draftKey);
    const localAt = Number(window.localStorage.getItem(draftKey + ":at") || 0);
    const server = readJson("server-draft");
    if (server) serverText = server.text;
    if (server && (local === null || Date.parse(server.updated_at) > localAt)) return server.text;
    return local;
  }



  if (textarea) {
    // A saved draft (the newer of this browser's and the account's) wins over the starter code.
    const saved = loadDraft();
    if (saved !== null) textarea.value = saved;
    let timer = null;
    // Typing saves after a pause; leaving the page or sending saves at once.
    flushDraft = () => {
      if (timer === null) return;
      clearTimeout(timer);
      timer = null;
      saveDraft(editor.getValue());
    };
    window.addEventListener("pagehide", () => {
      flushDraft();
      flushServerDraft(editor.getValue());
    });
    editor = createCodeEditor(textarea, {
      language: root.dataset.language,
      completion: readJson("editor-completion"),
      onChange(text) {
        clearTimeout(timer);
        if (draftStatus) draftStatus.textContent = "Saving draft…";
        timer = setTimeout(() => { timer = null; saveDraft(text); }, 300);
      },
      onRun: () => send("run"),
      onSubmit: () => send("submit"),
    });
    root.dataset.editor = "ready";
    resetButton.addEventListener("click", () => {
      if (editor.getValue() !== starter && !window.confirm("Replace your code with the starter code? Your draft is lost.")) return;
      // Saved like any edit: the starter becomes the draft on every device (the latest wins).
      editor.setValue(starter);
      if (draftStatus) draftStatus.textContent = "Back to the starter code.";
      editor.focus();
    });
    if (customInput && customButton) setupCustomInput();
    runButton.addEventListener("click", () => send("run"));
    submitButton.addEventListener("click", () => send("submit"));
    // The page renders them disabled: a click before this script is ready would do nothing.
    runButton.disabled = false;
    submitButton.disabled = false;
    const restore = new URLSearchParams(window.location.search).get("restore");
    if (restore) restoreSubmission(restore);
  }
  setupAssists(root, request);

  // A kind answered without the code editor (its answer template) sets up its own form.
  const renderer = rendererFor(root.dataset.kind);
  const answerForm = !textarea && renderer && renderer.setupAnswer
    ? renderer.setupAnswer(root, { loadDraft, saveDraft, send })
    : null;

  // The same shortcuts anywhere in the workspace (the editor handles its own first).
  root.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || !(event.ctrlKey || event.metaKey)) return;
    if (event.key === "Enter") {
      event.preventDefault();
      send("submit");
    } else if (event.key === "'" && editor) {
      event.preventDefault();
      send("run");
    }
  });

  // "Run with my input": the text is kept in this browser per challenge (the page prefills
  // the first example's input when there is none yet).
  function setupCustomInput() {
    try {
      const kept = window.localStorage.getItem(customKey);
      if (kept !== null) customInput.value = kept;
    } catch (error) { /* private mode: the prefill stays */ }
    customInput.addEventListener("input", () => {
      try { window.localStorage.setItem(customKey, customInput.value); } catch (error) { /* not kept */ }
    });
    customButton.addEventListener("click", () => send("custom"));
    customReset.addEventListener("click", () => {
      customInput.value = customReset.dataset.prefill || "";
      try { window.localStorage.removeItem(customKey); } catch (error) { /* nothing kept */ }
      customInput.focus();
    });
    customButton.disabled = false;
  }

  function readJson(id) {
    const node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : undefined;
  }

  async function restoreSubmission(id) {
    try {
      const submission = await request(submissionsUrl + encodeURIComponent(id) + "/");
      if (submission.challenge !== root.dataset.challenge) throw new Error("that submission belongs to another challenge");
      editor.setValue(submission.code);
      saveDraft(submission.code);
      // A custom run brings its input back too, into the open "Your input" panel.
      if (submission.mode === "custom" && customInput && typeof submission.custom_input === "string") {
        customInput.value = submission.custom_input;
        try { window.localStorage.setItem(customKey, submission.custom_input); } catch (error) { /* not kept */ }
        const panel = document.getElementById("custom-input-panel");
        if (panel) panel.open = true;
      }
      const when = new Date(submission.created_at).toLocaleString();
      const verdict = submission.verdict ? VERDICTS[submission.verdict] || submission.verdict : submission.status;
      show("done", [el("p", { class: "notice", role: "status", id: "restored", text: "Restored your code from submission #" + submission.id + " (" + when + ", " + verdict + "). Its results:" })]
        .concat(renderSubmission(submission, context)));
    } catch (error) {
      show("error", [el("p", { class: "error", role: "alert", text: "Could not restore submission #" + id + ": " + error.message })]);
    }
    // Reloading the page should show the draft, not restore again over later edits.
    window.history.replaceState(null, "", window.location.pathname);
  }

  function busy(on) {
    sending = on;
    if (runButton) runButton.disabled = on;
    if (submitButton) submitButton.disabled = on;
    if (customButton) customButton.disabled = on;
    result.setAttribute("aria-busy", on ? "true" : "false");
  }

  async function send(mode) {
    if (sending) return;
    flushDraft();
    busy(true);
    const pending = { run: "Running the examples…", custom: "Running your input…" }[mode] || "Submitting…";
    show("pending", [el("p", { class: "status", role: "status", text: pending }), el("div", { class: "skeleton", "aria-hidden": "true" })]);
    try {
      const body = answerForm
        ? { challenge: root.dataset.challenge, mode: mode, answers: answerForm.answers() }
        : { challenge: root.dataset.challenge, mode: mode, code: editor ? editor.getValue() : "" };
      if (mode === "custom") body.custom_input = customInput.value;
      const created = await request(submissionsUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": root.dataset.csrf },
        body: JSON.stringify(body),
      });
      setConnection("");
      await poll(created.id);
    } catch (error) {
      if (error instanceof SignedOut) {
        const next = encodeURIComponent(window.location.pathname);
        show("error", [el("p", { class: "error", role: "alert", id: "result-error" }, [
          document.createTextNode("Your session has ended. Your code is kept in this browser: "),
          el("a", { href: root.dataset.loginUrl + "?next=" + next, text: "sign in again" }),
          document.createTextNode(" and send it once more."),
        ])]);
        return;
      }
      const text = error instanceof NetworkError
        ? error.message + " Nothing was sent; your code is kept in this browser. Check your connection and try again."
        : "Could not get a result: " + error.message;
      show("error", [el("p", { class: "error", role: "alert", id: "result-error", text: text })]);
    } finally {
      busy(false);
    }
  }

  async function poll(id) {
    const url = submissionsUrl + id + "/";
    let delay = 300;
    let lostSince = null;
    for (;;) {
      let submission;
      try {
        submission = await request(url);
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error;
        // The submission is safe on the server; keep asking until the connection returns.
        lostSince = lostSince || Date.now();
        if (Date.now() - lostSince > 120000) {
          throw new NetworkError("The connection has been down for two minutes. Your submission #" + id + " is saved on the server: its result will be in your history.");
        }
        setConnection("Connection lost: waiting for the result of submission #" + id + ", retrying…");
        await sleep(Math.min(delay *= 1.5, 5000));
        continue;
      }
      if (lostSince) { lostSince = null; setConnection(""); }
      show(submission.finished ? "done" : "pending", renderSubmission(submission, context));
      if (submission.finished) {
        // The server's "solved" rule (Submission.passed) decides; the detail API has the editorial.
        if (submission.passed) revealEditorial();
        return;
      }
      await sleep(delay);
      delay = Math.min(delay * 1.5, 2000);
    }
  }

  async function revealEditorial() {
    const section = document.getElementById("editorial");
    if (!section || !section.hidden) return;
    const detail = await request(section.dataset.detailUrl).catch(() => null);
    if (!detail || !detail.editorial_html) return;
    showEditorial(detail.editorial_html);
  }
}
