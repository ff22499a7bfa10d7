"""Dark mode: every colour of site.css is a variable, and both palettes keep text readable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CSS = (Path(__file__).resolve().parents[2] / "frontend/static/frontend/site.css").read_text()
DARK_BLOCK = re.search(
    r"@media \(prefers-color-scheme: dark\) \{\s*:root \{(.*?)\}\s*\}", CSS, re.S
)
LIGHT_BLOCK = re.match(r":root \{(.*?)\}", CSS, re.S)

# (text, background, minimum ratio): WCAG AA asks 4.5 for body text.
PAIRS = [
    ("fg", "bg", 4.5),
    ("fg", "card", 4.5),
    ("fg", "field", 4.5),
    ("fg", "subtle", 4.5),
    ("fg", "code-bg", 4.5),
    ("fg", "notice-bg", 4.5),
    ("fg", "connection-bg", 4.5),
    ("fg", "flash-bg", 4.5),
    ("fg", "flash-bad-bg", 4.5),
    ("fg", "neutral-soft", 4.5),
    ("fg", "ok-soft", 4.5),
    ("fg", "warn-soft", 4.5),
    ("fg", "bad-soft", 4.5),
    ("fg", "ok-bg", 4.5),
    ("fg", "warn-bg", 4.5),
    ("fg", "bad-bg", 4.5),
    ("fg", "aim-bg", 4.5),
    ("muted", "bg", 4.5),
    ("muted", "card", 4.5),
    ("muted", "subtle", 4.5),
    ("accent", "bg", 4.5),
    ("accent", "card", 4.5),
    ("accent", "info-bg", 4.5),
    ("on-accent", "accent", 4.5),
    ("on-accent", "bad", 4.5),
    ("ok", "card", 4.5),
    ("ok", "ok-bg", 4.5),
    ("warn", "card", 4.5),
    ("warn", "warn-bg", 4.5),
    ("bad", "card", 4.5),
    ("bad", "bad-bg", 4.5),
    ("header-fg", "header-bg", 4.5),
    ("header-fg", "header-pill", 4.5),  # a phone's nav item
    ("editor-fg", "editor-bg", 4.5),
]


def variables(block: str) -> dict[str, str]:
    return dict(re.findall(r"--([a-z0-9-]+):\s*(#[0-9a-fA-F]{3,6})\b", block))


def luminance(colour: str) -> float:
    hex_digits = colour.lstrip("#")
    if len(hex_digits) == 3:
        hex_digits = "".join(c * 2 for c in hex_digits)
    channels = [int(hex_digits[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_contrast_formula():
    assert contrast("#000", "#fff") == pytest.approx(21.0)
    assert contrast("#767676", "#fff") == pytest.approx(4.54, abs=0.01)


def test_both_palettes_define_the_same_variables():
    light, dark = variables(LIGHT_BLOCK.group(1)), variables(DARK_BLOCK.group(1))
    assert len(light) == 36
    assert set(dark) == set(light)


def test_no_colour_is_hard_coded_outside_the_palettes():
    rest = CSS.replace(LIGHT_BLOCK.group(0), "").replace(DARK_BLOCK.group(0), "")
    assert re.findall(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(", rest) == []


def test_every_variable_used_is_defined():
    used = set(re.findall(r"var\(--([a-z0-9-]+)\)", CSS))
    assert used <= set(variables(LIGHT_BLOCK.group(1))) | {"radius"}


@pytest.mark.parametrize("palette", ["light", "dark"])
@pytest.mark.parametrize(("text", "background", "minimum"), PAIRS)
def test_text_pairs_meet_wcag_aa(palette, text, background, minimum):
    block = LIGHT_BLOCK if palette == "light" else DARK_BLOCK
    colours = variables(block.group(1))
    ratio = contrast(colours[text], colours[background])
    assert ratio >= minimum, f"{palette}: --{text} on --{background} is {ratio:.2f}:1"


def test_the_dark_palette_is_dark():
    dark = variables(DARK_BLOCK.group(1))
    assert luminance(dark["bg"]) < 0.02
    assert luminance(dark["card"]) < 0.03
