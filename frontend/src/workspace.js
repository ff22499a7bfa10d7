// The workspace's layout: the statement | editor split (dragged or moved by keyboard, its width
// kept in this browser) and the result panel's tabs (click or arrow keys).

const SPLIT_KEY = "workspace:split";
const MIN = 25;
const MAX = 75;
const STEP = 5;

const clamp = (value) => Math.min(MAX, Math.max(MIN, Math.round(value)));

/** The resize handle between statement and editor: the statement's share of the width, in %. */
export function setupSplit(root) {
  const handle = root.querySelector("#split-handle");
  if (!handle) return;
  const apply = (percent, remember) => {
    const value = clamp(percent);
    root.style.setProperty("--statement-share", value + "fr");
    root.style.setProperty("--editor-share", (100 - value) + "fr");
    handle.setAttribute("aria-valuenow", String(value));
    handle.setAttribute("aria-valuetext", "statement " + value + "%, editor " + (100 - value) + "%");
    root.dataset.split = String(value);
    if (remember) {
      try { window.localStorage.setItem(SPLIT_KEY, String(value)); } catch (error) { /* private mode: not remembered */ }
    }
  };
  let saved = NaN;
  try { saved = Number(window.localStorage.getItem(SPLIT_KEY)); } catch (error) { saved = NaN; }
  apply(Number.isFinite(saved) && saved > 0 ? saved : Number(handle.getAttribute("aria-valuenow")) || 48, false);

  handle.addEventListener("keydown", (event) => {
    const now = Number(root.dataset.split);
    const moves = { ArrowLeft: now - STEP, ArrowRight: now + STEP, Home: MIN, End: MAX };
    if (!(event.key in moves)) return;
    event.preventDefault();
    apply(moves[event.key], true);
  });
  handle.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    event.preventDefault();
    handle.setPointerCapture(event.pointerId);
    const box = root.getBoundingClientRect();
    const move = (e) => apply(((e.clientX - box.left) / box.width) * 100, false);
    const stop = (e) => {
      handle.removeEventListener("pointermove", move);
      handle.removeEventListener("pointerup", stop);
      handle.removeEventListener("pointercancel", stop);
      apply(Number(root.dataset.split), true);
      if (e.pointerId !== undefined && handle.hasPointerCapture(e.pointerId)) handle.releasePointerCapture(e.pointerId);
    };
    handle.addEventListener("pointermove", move);
    handle.addEventListener("pointerup", stop);
    handle.addEventListener("pointercancel", stop);
  });
}

/** Tabs of the result panel (rendered by results.js, replaced on every result): delegated. */
export function setupResultTabs(result) {
  const tabs = () => Array.from(result.querySelectorAll('[role="tab"]'));
  const select = (chosen, focus) => {
    tabs().forEach((tab) => {
      const on = tab === chosen;
      tab.setAttribute("aria-selected", on ? "true" : "false");
      tab.tabIndex = on ? 0 : -1;
      const panel = result.querySelector("#" + tab.getAttribute("aria-controls"));
      if (panel) panel.hidden = !on;
    });
    if (focus) chosen.focus();
  };
  result.addEventListener("click", (event) => {
    const tab = event.target.closest('[role="tab"]');
    if (tab && result.contains(tab)) select(tab, false);
  });
  result.addEventListener("keydown", (event) => {
    const tab = event.target.closest('[role="tab"]');
    if (!tab) return;
    const all = tabs();
    const at = all.indexOf(tab);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: all.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(all[(next + all.length) % all.length], true);
  });
}
