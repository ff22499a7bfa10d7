// System design: each question's points and review state, the "questions right" summary, and
// the question form (kinds/design/answer.html): its draft and the answers it sends.
import { el } from "../render.js";

/** A question's outcome: its points, a reviewer's turn, and the hint when it was wrong. */
export function renderCase(row) {
  const detail = [];
  if (row.earned !== null && row.earned !== undefined) detail.push(el("p", { class: "muted", text: row.earned + " / " + row.points + " points" }));
  if (row.status === "pending_review") detail.push(el("p", { class: "muted", text: "A reviewer will score this answer." }));
  if (!row.passed && row.hint) detail.push(el("p", { class: "hint", text: (row.category ? "[" + row.category + "] " : "") + row.hint }));
  return detail;
}

// Every question is shown the same way: none is a hidden test the candidate can't see.
export const renderHidden = renderCase;

export function summary(submission) {
  const results = submission.results || [];
  const right = results.filter((row) => row.passed).length;
  const score = submission.score !== null && submission.score !== undefined ? " · score " + Math.round(submission.score * 100) + "%" : "";
  // Answers aren't run: no timing to show.
  return { text: right + " / " + results.length + " questions right" + score, timing: false };
}

/** The question form: restores and saves its draft, submits on its button; returns how to read
 * the answers for a submission. */
export function setupAnswer(root, { loadDraft, saveDraft, send }) {
  const form = root.querySelector("#design-form");
  if (!form) return null;
  const controls = () => Array.from(form.elements).filter((control) => control.name);
  const draft = () => controls().map((control) => (control.type === "radio" || control.type === "checkbox" ? control.checked : control.value));

  // Answers are a draft too: every control's state, restored on the next visit.
  let saved;
  try {
    saved = JSON.parse(loadDraft());
  } catch (error) {
    saved = null; // Not a design draft (the challenge changed kind): start afresh.
  }
  const all = controls();
  if (Array.isArray(saved) && saved.length === all.length) {
    all.forEach((control, i) => {
      if (control.type === "radio" || control.type === "checkbox") control.checked = saved[i] === true;
      else control.value = typeof saved[i] === "string" ? saved[i] : "";
    });
  }
  form.addEventListener("input", () => saveDraft(JSON.stringify(draft())));
  form.addEventListener("change", () => saveDraft(JSON.stringify(draft())));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send("submit");
  });
  return { answers: () => answers(form) };
}

function answers(form) {
  const answers = {};
  form.querySelectorAll("fieldset.question").forEach((fieldset) => {
    const name = fieldset.dataset.name;
    const type = fieldset.dataset.type;
    if (type === "single") {
      const picked = fieldset.querySelector("input:checked");
      if (picked) answers[name] = Number(picked.value);
    } else if (type === "multiple") {
      const picked = Array.from(fieldset.querySelectorAll("input:checked")).map((i) => Number(i.value));
      if (picked.length) answers[name] = picked;
    } else if (type === "estimate") {
      const value = fieldset.querySelector("input").value.trim();
      if (value !== "") answers[name] = Number(value);
    } else if (type === "ordering") {
      const selects = Array.from(fieldset.querySelectorAll("select"));
      if (selects.every((s) => s.value !== "")) {
        answers[name] = selects
          .map((s) => ({ item: Number(s.dataset.item), position: Number(s.value) }))
          .sort((a, b) => a.position - b.position)
          .map((entry) => entry.item);
      }
    } else if (type === "text") {
      const value = fieldset.querySelector("textarea").value;
      if (value.trim()) answers[name] = value;
    }
  });
  return answers;
}
