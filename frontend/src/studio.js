// The authoring studio: a live Markdown preview of the statement, the case table of cases.json
// and the validation progress. The preview is rendered on the server by the project's one
// Markdown function (sanitised).
import { setupCaseEditors } from "./studio-cases.js";

const PREVIEW_DELAY_MS = 350;
const POLL_MS = 1500;

function csrfToken() {
  const input = document.querySelector("input[name=csrfmiddlewaretoken]");
  return input ? input.value : "";
}

// Markdown warnings ("line 12: <details> is not allowed; shown as text") as plain text items.
function showWarnings(list, warnings) {
  if (!list) return;
  list.replaceChildren(
    ...(warnings || []).map((warning) => {
      const item = document.createElement("li");
      item.textContent = warning;
      return item;
    }),
  );
  list.hidden = list.children.length === 0;
}

function setupPreview(textarea, url) {
  const target = document.getElementById(textarea.dataset.markdownPreview);
  if (!target) return;
  const warningList = document.getElementById(`${target.id}-warnings`);
  let timer = null;
  let controller = null;
  let asked = 0;

  async function refresh() {
    const ticket = ++asked;
    if (controller) controller.abort();
    controller = new AbortController();
    const body = new URLSearchParams({ markdown: textarea.value });
    try {
      const response = await fetch(url, {
        method: "POST",
        body,
        headers: { "X-CSRFToken": csrfToken() },
        credentials: "same-origin",
        signal: controller.signal,
      });
      const data = await response.json();
      if (ticket !== asked) return;
      if (!response.ok) {
        target.textContent = data.error || "The preview failed.";
        showWarnings(warningList, []);
        return;
      }
      // Sanitised by the server (markup.rendering): the same HTML candidates will see.
      target.innerHTML = data.html;
      showWarnings(warningList, data.warnings);
      target.dataset.rendered = String(ticket);
    } catch (error) {
      if (error.name !== "AbortError" && ticket === asked) {
        target.textContent = "The preview is unavailable; your text is not affected.";
      }
    }
  }

  textarea.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, PREVIEW_DELAY_MS);
  });
  refresh();
}

function setupValidation(panel) {
  const url = panel.dataset.statusUrl;
  const running = ["queued", "running"];
  if (!running.includes(panel.dataset.state)) return;
  const phase = document.getElementById("validation-phase");

  async function poll() {
    try {
      const response = await fetch(url, { credentials: "same-origin" });
      if (response.ok) {
        const data = await response.json();
        if (String(data.version) !== panel.dataset.version || !running.includes(data.validation_state)) {
          window.location.reload();
          return;
        }
        if (phase) phase.textContent = data.validation_state;
      }
    } catch (error) {
      // A dropped request is retried at the next tick.
    }
    setTimeout(poll, POLL_MS);
  }
  setTimeout(poll, POLL_MS);
}

// A problem's "line N" selects that line in its file's text area.
function goToLine(button) {
  const textarea = document.getElementById(button.dataset.target);
  const line = Number(button.dataset.line);
  if (!textarea || !(line > 0)) return;
  // A text area behind a tab (cases.json's JSON tab) is shown first.
  textarea.dispatchEvent(new CustomEvent("studio:reveal"));
  const lines = textarea.value.split("\n");
  const start = lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 1, 0);
  const end = start + (lines[line - 1] || "").length;
  textarea.focus();
  textarea.setSelectionRange(start, end);
  const height = parseFloat(getComputedStyle(textarea).lineHeight) || 18;
  textarea.scrollTop = Math.max(0, (line - 3) * height);
}

setupCaseEditors();

for (const button of document.querySelectorAll("button.studio-goto")) {
  button.addEventListener("click", () => goToLine(button));
}

const config = document.getElementById("studio-config");
if (config) {
  for (const textarea of document.querySelectorAll("textarea[data-markdown-preview]")) {
    setupPreview(textarea, config.dataset.previewUrl);
  }
}
const validation = document.getElementById("studio-validation");
if (validation) setupValidation(validation);
