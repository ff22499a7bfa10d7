// The review room's keyboard: move between rubric criteria, score with digits, skip, submit.
// The form works without it (plain radios and buttons); this only adds the shortcuts the page
// documents.

const form = document.getElementById("review-form");

function criteria() {
  return Array.from(form.querySelectorAll("fieldset.criterion"));
}

let current = 0;

function show(index, { focus = true } = {}) {
  const all = criteria();
  if (!all.length) return;
  current = Math.max(0, Math.min(index, all.length - 1));
  all.forEach((fieldset, i) => fieldset.classList.toggle("is-current", i === current));
  const fieldset = all[current];
  if (focus) {
    const target = fieldset.querySelector("input:checked") || fieldset.querySelector("input");
    target.focus({ preventScroll: true });
  }
  fieldset.scrollIntoView({ block: "nearest" });
}

function score(digit) {
  const fieldset = criteria()[current];
  if (!fieldset) return;
  const radio = fieldset.querySelector(`input[value="${digit}"]`);
  if (!radio) return; // beyond this criterion's points: ignored, not clamped
  radio.checked = true;
  show(current + 1);
}

function submit() {
  const button = document.getElementById("review-submit");
  form.requestSubmit(button);
}

function typing(target) {
  return target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLInputElement && !["radio", "checkbox"].includes(target.type)) ||
    target instanceof HTMLSelectElement;
}

function onKey(event) {
  if (event.altKey || event.metaKey) return;
  if (event.key === "Enter" && event.ctrlKey) {
    event.preventDefault();
    submit();
    return;
  }
  if (typing(event.target)) {
    if (event.key === "Escape") {
      event.target.blur();
      show(current);
    }
    return;
  }
  if (event.ctrlKey) return;
  const key = event.key;
  if (key === "j" || key === "ArrowDown") {
    event.preventDefault();
    show(current + 1);
  } else if (key === "k" || key === "ArrowUp") {
    event.preventDefault();
    show(current - 1);
  } else if (/^[0-9]$/.test(key)) {
    event.preventDefault();
    score(key);
  } else if (key === "s") {
    event.preventDefault();
    window.location.assign(document.getElementById("review-skip").href);
  } else if (key === "c") {
    event.preventDefault();
    document.getElementById("review-comment").focus();
  } else if (key === "Enter" && !event.target.closest("a, button, summary")) {
    // Links, buttons and disclosure toggles keep their own Enter.
    event.preventDefault();
    submit();
  }
}

if (form) {
  // A click on a radio makes its criterion the current one.
  form.addEventListener("focusin", (event) => {
    const fieldset = event.target.closest && event.target.closest("fieldset.criterion");
    if (fieldset) show(criteria().indexOf(fieldset), { focus: false });
  });
  // One submit only: a double Enter would replay the review and meet a 404.
  form.addEventListener("submit", () => {
    document.getElementById("review-submit").disabled = true;
  });
  document.addEventListener("keydown", onKey);
  // Start where the first error or unscored criterion is.
  const first = criteria().findIndex((fieldset) => !fieldset.querySelector("input:checked"));
  show(first === -1 ? 0 : first);
  form.dataset.keyboard = "ready";
}
