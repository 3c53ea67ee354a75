"""Collect every user-visible text into the Dutch catalogue and compile it.

    python tools/update_catalogue.py                 # extract, merge, compile
    python tools/update_catalogue.py 'English=Nederlands' ...   # and fill in Dutch

Texts are found in ``_()``, ``N_()``, ``ngettext()`` (services, reports, CLI),
``tr()`` / ``QT_TR_NOOP()`` (the window) and the reports' ``t()``, across
the whole package. Existing translations are kept; texts no longer in the
code are dropped; ``relationapp/text/locale/nl/LC_MESSAGES/relationapp.mo``
is compiled from the ``.po``. tests/text/test_catalogue.py fails when either
file is out of date.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "relationapp"
PO = PACKAGE / "text" / "locale" / "nl" / "LC_MESSAGES" / "relationapp.po"
MO = PO.with_suffix(".mo")
KEYWORDS = {"_": None, "N_": None, "tr": None, "QT_TR_NOOP": None, "t": None, "ngettext": (1, 2), "n": (1, 2)}
FIXED_DATE = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
METHODS = [("**/migrations/**.py", "ignore"), ("**.py", "python")]


def extract() -> Catalog:
    """Every marked text of the package, as a template."""
    template = Catalog(project="relationapp", domain="relationapp")
    for filename, lineno, message, comments, context in extract_from_dir(
            str(PACKAGE), method_map=METHODS, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",)):
        location = ("relationapp/" + filename.replace("\\", "/"), None)
        if isinstance(message, tuple):
            if not all(message):
                continue
        elif not message:
            continue
        template.add(message, locations=[location], auto_comments=comments, context=context)
    return template


def load() -> Catalog:
    with PO.open("rb") as f:
        return read_po(f, locale="nl", domain="relationapp")


def merged(template: Catalog, current: Catalog) -> Catalog:
    current.update(template, no_fuzzy_matching=True)
    current.obsolete.clear()
    return current


def po_bytes(catalog: Catalog) -> bytes:
    catalog.fuzzy = False
    catalog.creation_date = catalog.revision_date = FIXED_DATE  # no churn from re-running the tool
    catalog.header_comment = "# Dutch for relationapp: every user-visible text. Made by tools/update_catalogue.py."
    catalog.project, catalog.version = "relationapp", "1"
    catalog.last_translator = catalog.language_team = "relationapp"
    catalog.msgid_bugs_address = ""
    out = io.BytesIO()
    write_po(out, catalog, width=100, sort_output=True, include_lineno=False, omit_header=False,
             ignore_obsolete=True)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def fill_in(catalog: Catalog, pairs: list[str]) -> list[str]:
    """Set Dutch for 'English=Nederlands' pairs; returns the English texts not in the catalogue."""
    missing = []
    for pair in pairs:
        english, dutch = pair.split("=", 1)
        message = catalog.get(english)
        if message is None:
            missing.append(english)
            continue
        if isinstance(message.id, tuple):
            message.string = tuple(part.strip() for part in dutch.split("|"))
        else:
            message.string = dutch
        message.flags.discard("fuzzy")
    return missing


def main(pairs: list[str]) -> int:
    catalog = merged(extract(), load())
    missing = fill_in(catalog, pairs)
    PO.write_bytes(po_bytes(catalog))
    MO.write_bytes(mo_bytes(load()))
    untranslated = [m.id for m in load() if m.id and not m.string]
    if untranslated:
        print(f"{len(untranslated)} texts have no Dutch yet:", *untranslated[:40], sep="\n  ", file=sys.stderr)
    if missing:
        print("not in the code (typo?):", *missing, sep="\n  ", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
