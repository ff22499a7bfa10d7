// The code editor: CodeMirror 6 over the page's <textarea>, which stays the form's value.
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  drawSelection, highlightSpecialChars, rectangularSelection, dropCursor } from "@codemirror/view";
import { EditorState, Compartment, Prec } from "@codemirror/state";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { indentOnInput, bracketMatching, foldGutter, foldKeymap, indentUnit,
  syntaxHighlighting, defaultHighlightStyle, HighlightStyle } from "@codemirror/language";
import { tags } from "@lezer/highlight";
import { closeBrackets, closeBracketsKeymap, autocompletion, completionKeymap } from "@codemirror/autocomplete";
import { searchKeymap, highlightSelectionMatches } from "@codemirror/search";
import { python } from "@codemirror/lang-python";
import { sql, SQLite } from "@codemirror/lang-sql";
import { oneDark } from "@codemirror/theme-one-dark";

// The theme follows the system like the page (site.css): One Dark in dark mode, CodeMirror's
// default light look otherwise, switched live when the system's preference changes.
const DARK = "(prefers-color-scheme: dark)";
const LIGHT_THEME = EditorView.theme({
  "&": { backgroundColor: "var(--editor-bg)", color: "var(--editor-fg)" },
  ".cm-gutters": { backgroundColor: "var(--code-bg)", color: "var(--muted)", borderRight: "1px solid var(--line)" },
  ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "var(--subtle-2)" },
  "&.cm-focused .cm-cursor": { borderLeftColor: "var(--fg)" },
}, { dark: false });

function prefersDark() {
  return typeof window.matchMedia === "function" && window.matchMedia(DARK).matches;
}

// Three of One Dark's colours are under WCAG AA's 4.5:1 for text on its background (#282c34, and
// #2c313a on the active line): grey (comments, meta, line numbers) 3.8:1, coral (names) 4.1:1,
// violet (keywords) 4.4:1. A slightly darker background brings coral and violet over 4.5:1
// everywhere, keeping One Dark's colours; the grey is lightened (the page's --muted in dark mode).
const DARK_BG = "#21252b";
const DARK_ACTIVE_LINE = "#262a31";
const DARK_GREY = "#a3acbd";
const DARK_CONTRAST = Prec.highest([
  EditorView.theme({
    "&": { backgroundColor: DARK_BG },
    ".cm-gutters": { backgroundColor: DARK_BG, color: DARK_GREY },
    ".cm-activeLine": { backgroundColor: DARK_ACTIVE_LINE },
    ".cm-activeLineGutter": { backgroundColor: DARK_ACTIVE_LINE, color: "#d7dae0" },
  }, { dark: true }),
  syntaxHighlighting(HighlightStyle.define([
    { tag: [tags.comment, tags.meta, tags.link], color: DARK_GREY },
  ])),
]);

function themeFor(dark) {
  return dark ? [oneDark, DARK_CONTRAST] : LIGHT_THEME;
}

// By the page's editor language (a kind's `editor_language`): its highlighting, and whether
// completion (an SQL schema's tables and columns) opens while typing. Unknown: Python.
const LANGUAGES = {
  python: { extension: () => python(), completeWhileTyping: false },
  sql: {
    extension: (completion) => sql({ dialect: SQLite, schema: completion || {}, upperCaseKeywords: true }),
    completeWhileTyping: true,
  },
};

/**
 * Replace `textarea` with an editor. The textarea keeps the current text (hidden), so a form,
 * a test or a script that reads it still sees what the candidate wrote.
 * Shortcuts: Mod-Enter submits, Mod-' runs (as on LeetCode), Tab indents; Escape then Tab
 * leaves the editor, so keyboard users are never trapped.
 */
export function createCodeEditor(textarea, { language, completion, onChange, onRun, onSubmit } = {}) {
  const mode = Object.prototype.hasOwnProperty.call(LANGUAGES, language) ? LANGUAGES[language] : LANGUAGES.python;
  const shortcuts = keymap.of([
    { key: "Mod-Enter", preventDefault: true, run: () => { if (onSubmit) onSubmit(); return true; } },
    { key: "Mod-'", preventDefault: true, run: () => { if (onRun) onRun(); return true; } },
  ]);
  const theme = new Compartment();
  const view = new EditorView({
    parent: textarea.parentNode,
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        shortcuts,
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        foldGutter(),
        drawSelection(),
        dropCursor(),
        EditorState.allowMultipleSelections.of(true),
        indentOnInput(),
        indentUnit.of("    "),
        EditorState.tabSize.of(4),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        bracketMatching(),
        closeBrackets(),
        autocompletion({ activateOnTyping: mode.completeWhileTyping }),
        rectangularSelection(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        keymap.of([
          ...closeBracketsKeymap,
          ...defaultKeymap,
          ...searchKeymap,
          ...historyKeymap,
          ...foldKeymap,
          ...completionKeymap,
          indentWithTab,
        ]),
        mode.extension(completion),
        theme.of(themeFor(prefersDark())),
        // CodeMirror owns the class attribute of its DOM: extra classes go through this facet.
        EditorView.editorAttributes.of({ class: "code-editor" }),
        EditorView.contentAttributes.of({
          "aria-label": textarea.labels && textarea.labels[0] ? textarea.labels[0].textContent : "Code editor",
          "aria-describedby": textarea.getAttribute("aria-describedby") || "",
          autocapitalize: "off",
          autocorrect: "off",
          spellcheck: "false",
        }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          textarea.value = update.state.doc.toString();
          if (onChange) onChange(textarea.value);
        }),
      ],
    }),
  });
  textarea.after(view.dom);
  if (typeof window.matchMedia === "function") {
    window.matchMedia(DARK).addEventListener("change", (event) => {
      view.dispatch({ effects: theme.reconfigure(themeFor(event.matches)) });
    });
  }

  textarea.hidden = true;
  // A click on the <label> focuses the editor, as it focused the textarea.
  if (textarea.labels) textarea.labels.forEach((label) => label.addEventListener("click", () => view.focus()));

  return {
    view,
    getValue: () => view.state.doc.toString(),
    setValue(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    focus: () => view.focus(),
  };
}
