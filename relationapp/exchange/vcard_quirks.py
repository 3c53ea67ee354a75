"""vCards as address books write them: what vobject does not do for us.

- vCard 2.1 (Outlook): quoted-printable values with soft line breaks (``=`` at
  the end of a line), ``CHARSET=`` parameters (Windows-1252 and others) and bare
  parameters (``TEL;WORK;VOICE``). We decode these lines ourselves (quopri and
  codecs) and hand vobject a card in 3.0 form; vobject's own 2.1 handling does
  not join soft line breaks ("Failed to parse line").
- Dates: ``--MMDD`` / ``--MM-DD`` (no year), Apple's ``1604-MM-DD`` with
  ``X-APPLE-OMIT-YEAR=1604`` (1604 is always Apple's "no year"), and
  ``X-APPLE-OMIT-YEAR`` on any other date.
- Apple's labels (``_$!<Anniversary>!$_``) on grouped properties (``item1.``).
"""

from __future__ import annotations

import codecs
import quopri
import re

_VERSION = re.compile(r"^VERSION:\s*([0-9.]+)\s*$", re.IGNORECASE | re.MULTILINE)
_DATE = re.compile(r"^(?:(\d{4})-?(\d{2})-?(\d{2})|--(\d{2})-?(\d{2}))$")
APPLE_NO_YEAR = 1604
_APPLE_LABEL = re.compile(r"^_\$!<(.*)>!\$_$")


def version_of(text: str) -> str:
    m = _VERSION.search(text)
    return m.group(1) if m else ""


def _split_head(line: str) -> tuple[str, str] | None:
    """(name;params, value) at the first colon outside a quoted parameter value."""
    quoted = False
    for i, ch in enumerate(line):
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            return line[:i], line[i + 1:]
    return None


def _charset(name: str | None) -> str:
    try:
        return codecs.lookup(name).name if name else "utf-8"
    except LookupError:
        return "cp1252"


def _decode_qp(value: str, charset: str) -> str:
    data = quopri.decodestring(value.encode("utf-8", errors="replace"))
    try:
        return data.decode(charset)
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _escape_text(value: str) -> str:
    """A decoded 2.1 value in 3.0 escaping: line breaks as \\n (structured ';' stay separators)."""
    return value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")


_TEXT_PROPS = {"NOTE", "FN", "N", "ADR", "ORG", "TITLE", "LABEL", "ROLE", "NICKNAME"}


def from_2_1(text: str) -> str:
    """A vCard 2.1 card's text in 3.0 form: quoted-printable and charsets decoded, bare TYPEs named."""
    lines = re.split(r"\r\n|\n|\r", text)
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if line[:1] in (" ", "\t") and out:  # ordinary folding
            out[-1] += line[1:]
            continue
        split = _split_head(line)
        if split is None:
            out.append(line)
            continue
        head, value = split
        parts = head.split(";")
        name, params = parts[0], parts[1:]
        upper = [p.strip().upper() for p in params]
        qp = "QUOTED-PRINTABLE" in upper or "ENCODING=QUOTED-PRINTABLE" in upper
        if qp:
            while value.endswith("=") and i < len(lines):  # a soft line break
                value = value[:-1] + lines[i]
                i += 1
        charset = None
        kept: list[str] = []
        for p, u in zip(params, upper):
            if u in ("QUOTED-PRINTABLE", "ENCODING=QUOTED-PRINTABLE", "ENCODING=8BIT", "8BIT"):
                continue
            if u.startswith("CHARSET="):
                charset = p.split("=", 1)[1].strip().strip('"')
                continue
            if not p.strip():
                continue
            kept.append(p if "=" in p else "TYPE=" + p.strip())
        if qp:
            value = _escape_text(_decode_qp(value, _charset(charset)))
        if name.split(".")[-1].upper() in _TEXT_PROPS:  # 2.1 does not escape commas; 3.0 reads them as lists
            value = re.sub(r"(?<!\\),", r"\\,", value)
        out.append(";".join([name, *kept]) + ":" + value)
    return "\r\n".join(out).replace("VERSION:2.1", "VERSION:3.0")


def param_values(prop, key: str) -> list[str]:
    return [t.strip() for v in prop.params.get(key, []) for t in str(v).split(",") if t.strip()]


def types_of(prop) -> set[str]:
    types = {t.lower() for t in param_values(prop, "TYPE")}
    types |= {k.lower() for k, v in prop.params.items() if not v}  # bare 2.1 parameters vobject kept
    if prop.params.get("PREF"):
        types.add("pref")
    return types


def parse_date(value: str, *, omit_year: bool = False) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) of a vCard date, or None if it is not one."""
    text = value.strip().split("T")[0].strip()
    m = _DATE.match(text)
    if not m:
        return None
    if m.group(1):
        year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if omit_year or year == APPLE_NO_YEAR:
            year = None
    else:
        year, month, day = None, int(m.group(4)), int(m.group(5))
    return month, day, year


def date_text(month: int, day: int, year: int | None) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}{day:02d}"


def apple_label(text: str) -> str:
    """'_$!<Anniversary>!$_' -> 'Anniversary'; a label the user typed stays as it is."""
    m = _APPLE_LABEL.match(text.strip())
    return (m.group(1) if m else text).strip()


SOCIAL_NAMES = {"linkedin": "LinkedIn", "twitter": "Twitter", "x": "X", "facebook": "Facebook",
                "instagram": "Instagram", "xing": "XING", "github": "GitHub", "youtube": "YouTube",
                "flickr": "Flickr", "myspace": "MySpace", "sinaweibo": "Sina Weibo", "mastodon": "Mastodon"}


def social_name(kind: str) -> str:
    return SOCIAL_NAMES.get(kind.lower(), kind[:1].upper() + kind[1:]) if kind else "Social"
