"""A linear search for bleach's URL pattern: its own matches, each run of domain labels read once.

bleach's linkifier finds URLs with `url_re.finditer`. Its pattern reads a run of domain labels
(`([\\w-]+\\.)+`) and then backtracks through them trying its list of top-level domains, and
`finditer` starts again from every later word boundary of the same run, so "a-." * n read the
run once per "-": 87 s at 20,000 characters. A start inside the run of a start that failed
cannot succeed without a protocol (its labels are a suffix of the failed start's labels, and
the rest of the pattern depends only on where the labels end), and a protocol ends with ":", so
after a failure `UrlFinder` skips to the end of the run, trying only the few positions before a
":" that ends it. The matches are the pattern's own, in the same order (tests/markup/test_urls.py
compares them with `finditer` on generated text).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bleach import html5lib_shim

# Where the pattern (the renderer's: bleach's with a `(?<!\()` lookbehind) can start: a "(" not
# after a "(", or a word boundary not after "(", "@" or ".".
_START = re.compile(r"(?<!\()(?:\(|\b(?<![@.]))", re.IGNORECASE | re.UNICODE)
# The labels a start at a word or "-" reads: "[\w-]+." repeated, then the last label.
_RUN = re.compile(r"(?:[\w-]+\.)*[\w-]*", re.IGNORECASE | re.UNICODE)
_LABEL_CHAR = re.compile(r"[\w-]", re.IGNORECASE | re.UNICODE)
_LONGEST_PROTOCOL = max(len(protocol) for protocol in html5lib_shim.allowed_protocols)


class UrlFinder:
    """Stands in for a compiled URL pattern where bleach only calls `finditer`."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """The matches of `pattern.finditer(text)`, in linear time for runs of labels."""
        pos = 0
        # (`search` reads a position past the end as the end, where a word boundary matches.)
        while pos <= len(text) and (start := _START.search(text, pos)):
            at = start.start()
            match = self.pattern.match(text, at)
            if match:
                yield match
                pos = max(match.end(), at + 1)
                continue
            pos = at + 1
            if _LABEL_CHAR.match(text, at):
                end = _RUN.match(text, at).end()
                # A protocol ("http:") ending the run can start a match inside it.
                pos = max(pos, end - _LONGEST_PROTOCOL if text.startswith(":", end) else end)
