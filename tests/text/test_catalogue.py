"""One catalogue: every text of the app has its Dutch, the shipped files are current,
and each domain concept has one word per language (relationapp/text/glossary.csv)."""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import update_catalogue  # noqa: E402

GLOSSARY = ROOT / "relationapp" / "text" / "glossary.csv"


def glossary() -> list[dict]:
    with GLOSSARY.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def shipped():
    return update_catalogue.load()


def _pairs(catalog):
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        yield from zip(ids, strings)


def test_the_catalogue_holds_exactly_the_texts_of_the_code(shipped):
    """A text added or changed anywhere (window, PDF, CLI, services) fails here: run tools/update_catalogue.py."""
    extracted = {m.id for m in update_catalogue.extract() if m.id}
    committed = {m.id for m in shipped if m.id}
    assert sorted(extracted - committed) == [], "texts not in the catalogue (run tools/update_catalogue.py)"
    assert sorted(committed - extracted) == [], "texts the code no longer has (run tools/update_catalogue.py)"


def test_the_shipped_mo_is_compiled_from_the_po(shipped):
    assert update_catalogue.MO.read_bytes() == update_catalogue.mo_bytes(shipped), "run tools/update_catalogue.py"


def test_every_text_has_dutch_with_the_same_placeholders_and_one_mnemonic(shipped):
    pairs = list(_pairs(shipped))
    assert len(pairs) > 500
    for english, dutch in pairs:
        assert (dutch or "").strip(), f"no Dutch for {english!r}"
        # .format() of a translation with another placeholder would raise KeyError in the user's face
        assert set(re.findall(r"\{\w*\}", english)) == set(re.findall(r"\{\w*\}", dutch)), english
        assert english.count("&") == dutch.count("&"), f"keyboard mnemonic lost or added: {english!r}"


MOTTO = "Leads are people"  # "Leads zijn mensen": the point of view, not the concept "person"


def test_each_concept_has_one_dutch_word_everywhere(shipped):
    """Screen, paper and command line read one catalogue; here every text naming a concept uses its word."""
    wrong = []
    for term in glossary():
        for english, dutch in _pairs(shipped):
            if MOTTO in english:
                continue
            words = re.sub(r"\{\w*\}", "", english)  # a placeholder is not the word
            if re.search(term["english_forms"], words, re.IGNORECASE) and not re.search(
                    term["dutch_forms"], dutch, re.IGNORECASE):
                wrong.append(f"{term['concept']} -> {term['dutch']}: {english!r} = {dutch!r}")
    assert wrong == []


def test_dutch_speaks_to_the_user_as_je_not_u(shipped):
    formal = [d for _, d in _pairs(shipped) if re.search(r"\b(u|uw)\b(?!\))", d, re.IGNORECASE)]
    assert formal == []


def test_the_glossary_words_are_the_ones_the_catalogue_gives():
    from relationapp.text.catalogue import for_language

    dutch = for_language("nl")
    for term in glossary():
        english = term["english"]
        if english[0].upper() + english[1:] in {m.id for m in update_catalogue.load()}:
            assert re.search(term["dutch_forms"], dutch(english[0].upper() + english[1:]), re.IGNORECASE), term
