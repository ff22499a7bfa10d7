"""UrlFinder finds the matches of the renderer's URL pattern, reading runs of labels once."""

import random
from pathlib import Path

import pytest

import markup.rendering
from markup.rendering import _URL_RE, render_markdown
from markup.urls import UrlFinder

PIECES = [
    "a", "b", "-", ".", ":", "/", "(", ")", "@", " ", "com", "http", "https://", "e.org",
    "x.co.uk", "?q", "ftp:", ".io", "1", "é", "_", "mailto:", "a-", "\n",
]  # fmt: skip


def spans(matches) -> list[tuple[tuple[int, int], str]]:
    return [(match.span(), match.group()) for match in matches]


@pytest.mark.parametrize("seed", range(5))
def test_the_matches_are_the_patterns_own_on_generated_text(seed):
    rng = random.Random(seed)
    finder = UrlFinder(_URL_RE)
    for _ in range(4000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))
        assert spans(finder.finditer(text)) == spans(_URL_RE.finditer(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "a",
        "see https://example.com/a?b=c, or (www.example.org).",
        "a-http://x.com and -example.com and foo-bar.example.co.uk:8080/x",
        "mail mailto:someone@example.com and x@y.com and a.b.c.d.e.notatld.com.",
        "a-." * 50 + "example.com",
    ],
)
def test_the_matches_are_the_patterns_own_on_written_text(text):
    assert spans(UrlFinder(_URL_RE).finditer(text)) == spans(_URL_RE.finditer(text))


class CountingPattern:
    def __init__(self) -> None:
        self.attempts = 0

    def match(self, text: str, pos: int):
        self.attempts += 1
        return _URL_RE.match(text, pos)


@pytest.mark.parametrize(
    "text", ["a-." * 60_000, "a-b." * 50_000, "-a" * 100_000, "a-" * 90_000 + "http:"]
)
def test_a_run_of_labels_is_tried_from_its_start_only(text):
    counting = CountingPattern()
    assert list(UrlFinder(counting).finditer(text)) == []
    # The run's start, the end of the text, and (before a ":") the few protocol positions.
    assert counting.attempts <= 8


def test_a_link_after_a_long_run_is_still_found():
    html = render_markdown("a-." * 1000 + " https://example.com")
    assert html.endswith(
        ' <a href="https://example.com" rel="nofollow noopener">https://example.com</a></p>'
    )


CATALOGUE = Path(markup.rendering.__file__).resolve().parent.parent / "challenges"
DOCUMENTS = sorted(
    path for name in ("statement.md", "editorial.md") for path in CATALOGUE.rglob(name)
)


def test_packaged_documents_render_byte_identically_with_the_finder(monkeypatch):
    assert len(DOCUMENTS) >= 100
    ours = [render_markdown(path.read_text()) for path in DOCUMENTS]
    monkeypatch.setitem(markup.rendering._cleaner.filters[0].keywords, "url_re", _URL_RE)
    assert [render_markdown(path.read_text()) for path in DOCUMENTS] == ours
