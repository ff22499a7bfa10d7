// Help on the challenge page: hints open one at a time and the editorial on request, each
// through the API, which records the opening (readiness discounts help) and only then sends the
// text. Nothing here reads a hint from the page: the server never put the closed ones in it.
import { el } from "./render.js";

const EDITORIAL_WARNING =
  "Reveal the editorial?\n\nIt shows a worked solution. A solve you submit after reading it " +
  "will count for little toward your readiness.";

/** Sets up the hint and editorial buttons; `request` is the page's JSON fetch helper. */
export function setupAssists(root, request) {
  const csrf = root.dataset.csrf;
  const post = (url, body) => request(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrf },
    body: JSON.stringify(body || {}),
  });
  setupHints(post);
  setupEditorial(post);
}

function showError(node, error) {
  if (!node) return;
  node.textContent = "Could not open it: " + (error && error.message ? error.message : "try again.");
  node.hidden = false;
}

function setupHints(post) {
  const section = document.getElementById("hints");
  const button = document.getElementById("hint-button");
  if (!section || !button) return;
  const list = document.getElementById("hint-list");
  const next = document.getElementById("hint-next");
  const error = document.getElementById("hint-error");
  const total = Number(section.dataset.total);
  button.addEventListener("click", async () => {
    if (button.disabled) return;
    // Ask for a given number: a double click or a retry returns the same hint, never the next.
    const number = list.querySelectorAll("li").length + 1;
    button.disabled = true;
    if (error) error.hidden = true;
    try {
      const hint = await post(section.dataset.hintsUrl, { hint: number });
      if (!list.querySelector('[data-hint="' + hint.hint + '"]')) {
        const item = el("li", { class: "hint-item", "data-hint": String(hint.hint) }, [
          el("strong", { text: "Hint " + hint.hint + ". " }),
          el("span", { text: hint.text }),
        ]);
        list.appendChild(item);
        item.setAttribute("tabindex", "-1");
        item.focus();
      }
      if (hint.hints_opened >= total) button.hidden = true;
      else if (next) next.textContent = String(hint.hints_opened + 1);
    } catch (problem) {
      showError(error, problem);
    } finally {
      button.disabled = false;
    }
  });
}

/** Shows the editorial's server-rendered, sanitised HTML and retires the reveal button. */
export function showEditorial(html) {
  const section = document.getElementById("editorial");
  if (!section || !html) return;
  // Rendered by markup.rendering (Markdown + bleach allowlist), like the statement.
  document.getElementById("editorial-body").innerHTML = html;
  section.hidden = false;
  const reveal = document.getElementById("editorial-reveal");
  if (reveal) reveal.hidden = true;
}

function setupEditorial(post) {
  const reveal = document.getElementById("editorial-reveal");
  const button = document.getElementById("editorial-button");
  if (!reveal || !button) return;
  const error = document.getElementById("editorial-error");
  button.addEventListener("click", async () => {
    if (!window.confirm(EDITORIAL_WARNING)) return;
    button.disabled = true;
    if (error) error.hidden = true;
    try {
      const body = await post(reveal.dataset.editorialUrl);
      showEditorial(body.editorial_html);
    } catch (problem) {
      showError(error, problem);
    } finally {
      button.disabled = false;
    }
  });
}
