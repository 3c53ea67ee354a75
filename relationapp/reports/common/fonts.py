"""The report typeface: DejaVu Sans (bundled, with its licence), one family.

Registered once per process under the family name ``DejaVuSans`` so that
``<b>`` in our own templates picks the bold face. Text is passed through
:func:`printable` first: characters the font lacks (most colour emoji,
joiners, variation selectors) would otherwise print as empty boxes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FAMILY = REGULAR

_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


def font_path(name: str):
    """Path of a bundled font file; works from a checkout and from a wheel."""
    return resources.files("relationapp") / "resources" / "fonts" / _FILES[name]


_ASTRAL = re.compile(r"<([0-9A-F]{2})> <([0-9A-F]{5,6})>")
_reportlab_cmap = ttfonts.makeToUnicodeCMap


def _to_unicode_cmap(fontname, subset):
    """reportlab's ToUnicode map, with characters beyond U+FFFF (emoji) as UTF-16.

    reportlab writes them as five hex digits, which readers reject, so the
    smiley printed fine but vanished from copied or searched text.
    """
    def utf16(match):
        return f"<{match[1]}> <{chr(int(match[2], 16)).encode('utf-16-be').hex().upper()}>"

    return _ASTRAL.sub(utf16, _reportlab_cmap(fontname, subset))


@lru_cache(maxsize=None)
def register() -> None:
    """Register the family (idempotent, cheap after the first call)."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    for name in _FILES:
        with resources.as_file(font_path(name)) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    # no italic face is bundled: italics fall back to the upright faces
    pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD)


@lru_cache(maxsize=1)
def _covered() -> frozenset[int]:
    register()
    return frozenset(pdfmetrics.getFont(REGULAR).face.charToGlyph)


@lru_cache(maxsize=4096)
def _fallback(char: str) -> str:
    category = unicodedata.category(char)
    if category in ("Mn", "Me", "Cf", "Cc", "Co", "Cs", "Cn") or 0x1F3FB <= ord(char) <= 0x1F3FF:
        return ""  # joiners, variation selectors, skin tones, stray marks: nothing to print
    name = unicodedata.name(char, "")
    return f"[{name.lower()}]" if name else "?"


def printable(text: str | None) -> str:
    """``text`` in NFC with every character the font cannot draw spelled out.

    An emoji outside the font becomes its Unicode name in brackets
    ("[unicorn face]"), so a name never loses a character without a trace.
    """
    if not text:
        return ""
    covered = _covered()
    out = []
    for char in unicodedata.normalize("NFC", text):
        if ord(char) in covered or char in "\n\t ":
            out.append(char)
        else:
            out.append(_fallback(char))
    return "".join(out)
