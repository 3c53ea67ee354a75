"""The names the quarterly PDFs are saved under, in the report's language.

"Relatiereview Sanders Hotel B.V. 3e kwartaal 2026.pdf" /
"Account review Sanders Hotel B.V. Q3 2026.pdf", and
"Portefeuillerapport 3e kwartaal 2026.pdf" / "Portfolio report Q3 2026.pdf".
One place for the command line (its default ``-o``), "Print review" in the
window and the batch, so the same review always gets the same name.

The account's name is kept as typed (dots, accents, "&"); only what a file
system refuses is replaced: ``/ \\ : * ? " < > |``, control and bidi
characters, and dots or spaces at the end. Names stay within 200 bytes of
UTF-8, well below the 255 of every common file system.
"""

from __future__ import annotations

import re
import unicodedata

from relationapp.text.formatting import Formatter

MAX_BYTES = 200  # of the whole name, ".pdf" included
_NAME_BYTES = 120  # of the account's name in it
_INVALID = {"/": "-", "\\": "-", "|": "-", '"': "'", ":": " ", "*": " ", "?": " ", "<": " ", ">": " "}
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_BIDI = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str | None) -> str:
    """``text`` with what file systems refuse replaced and spaces collapsed (may be empty); dots kept."""
    text = unicodedata.normalize("NFC", text or "")  # macOS stores names decomposed; compare them composed
    text = _BIDI.sub("", text)
    text = _CONTROL.sub(" ", text)
    text = "".join(_INVALID.get(ch, ch) for ch in text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(" ")


def _cut(text: str, limit: int) -> str:
    """``text`` within ``limit`` bytes of UTF-8, cut between characters (and not inside a word if it can)."""
    if len(text.encode("utf-8")) <= limit:
        return text
    cut = text.encode("utf-8")[:limit].decode("utf-8", "ignore")
    if " " in cut[len(cut) // 2:]:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" .-")


def _pdf(stem: str) -> str:
    # Windows drops dots and spaces at the end of a name, Unix hides a name starting with a dot
    stem = _cut(clean(stem), MAX_BYTES - len(".pdf")).strip(" .") or "report"
    return f"{stem}.pdf"


def account_part(name: str | None) -> str:
    """The account's name as it goes into a file name; empty when nothing readable is left ("...", "???")."""
    text = clean(name)
    if all(ch in " .-'_" for ch in text):
        return ""
    return _cut(text, _NAME_BYTES)


def review_file_name(fmt: Formatter, quarter, account_name: str | None, *, audience: str = "internal",
                     suffix: str = "") -> str:
    """'Relatiereview Sanders Hotel B.V. 3e kwartaal 2026.pdf' for the client; the internal copy says so.

    ``suffix`` tells two accounts of the same name apart in one folder ("(17)").
    """
    name = account_part(account_name)
    # the report's own title wording ("Account review {quarter}"), with the account before the quarter
    what = " ".join(part for part in (name, fmt.quarter(quarter)) if part)
    stem = fmt.t("Account review {quarter}", quarter=what)
    if audience != "client":  # the copy with personal notes must not pass for the one to hand out
        stem += f" ({fmt.t('Internal · confidential')})"
    if suffix:
        stem += f" {suffix}"
    return _pdf(stem)


def portfolio_file_name(fmt: Formatter, quarter) -> str:
    """'Portefeuillerapport 3e kwartaal 2026.pdf' / 'Portfolio report Q3 2026.pdf'."""
    return _pdf(fmt.t("Portfolio report {quarter}", quarter=fmt.quarter(quarter)))


def formatter_for(db) -> Formatter:
    """The Formatter the firm's reports are written with (its language, currency and paper)."""
    from relationapp.services.common.settings import get_settings

    return Formatter.for_settings(get_settings(db))
