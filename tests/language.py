"""Is a text in one language? The check the window and PDF tests share (tests/ui/shell, tests/reports)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

GLOSSARY = Path(__file__).resolve().parents[1] / "relationapp" / "text" / "glossary.csv"
# words that read the same in both languages, or are part of a name the user gave
SHARED = {"top", "prospect", "prospects", "lead", "leads", "nps", "budget", "e-mail", "order", "orders"}
EN_MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|" \
            r"Wednesday|Thursday|Friday|Saturday|Sunday|Mar|Oct|Mon|Tue|Wed|Thu|Fri|Sat|Sun"
EN_WORDS = r"the|and|with|years|days|never|since|every|from|by"
NL_WORDS = r"de|het|een|en|van|met|jaar|dagen|nooit|sinds|elke|voor|naar|door"
NL_MONTHS = r"januari|februari|maart|mei|juni|juli|augustus|oktober|mrt|okt|maandag|dinsdag|woensdag|donderdag|" \
            r"vrijdag|zaterdag|zondag"


def _patterns(language: str) -> dict[str, str]:
    """The other language's glossary words, as patterns: English forms as the glossary gives them, Dutch with plurals."""
    with GLOSSARY.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["english"] != r["dutch"] and r["english"].lower() not in SHARED]
    if language == "nl":
        return {r["english"]: r["english_forms"] for r in rows}
    return {r["dutch"]: rf"(?<![\w-]){re.escape(r['dutch'])}(s|en)?(?![\w-])" for r in rows}


def foreign(text: str, language: str) -> list[str]:
    """What in ``text`` is not in ``language``: glossary words, month names, a decimal separator of the other."""
    found = []
    for word, pattern in _patterns(language).items():
        if re.search(pattern, text, re.IGNORECASE):
            found.append(word)
    small = EN_WORDS if language == "nl" else NL_WORDS
    found += re.findall(rf"\b(?:{small})\b", text, re.IGNORECASE)
    months = EN_MONTHS if language == "nl" else NL_MONTHS
    found += re.findall(rf"\b(?:{months})\b", text)
    wrong_decimal = r"\." if language == "nl" else ","
    found += re.findall(rf"(?<![\d.,])\d+{wrong_decimal}\d{{1,2}}(?![\d.,])", text)
    return found


def the_firms_own_words(db) -> list[str]:
    """What the firm typed (names, labels, titles, notes): shown as typed, in whatever language they wrote."""
    import sqlalchemy as sa

    queries = ["SELECT name FROM account", "SELECT name FROM person", "SELECT name FROM lead_source",
               "SELECT title FROM follow_up", "SELECT label FROM important_date", "SELECT subject FROM interaction",
               "SELECT name FROM staff", "SELECT job_title FROM person", "SELECT city FROM account",
               "SELECT notes FROM interaction", "SELECT gift_item FROM interaction", "SELECT notes FROM follow_up",
               "SELECT comment FROM nps_response", "SELECT notes FROM account", "SELECT family_notes FROM person",
               "SELECT personal_notes FROM person", "SELECT notes FROM planned_visit", "SELECT name FROM tag"]
    words = set()
    with db.read() as session:
        for query in queries:
            words |= {v for (v,) in session.execute(sa.text(query)) if v}
    return sorted(words, key=len, reverse=True)


def without(text: str, words: list[str]) -> str:
    for word in words:
        if word in text:
            text = text.replace(word, " ")
    return text
