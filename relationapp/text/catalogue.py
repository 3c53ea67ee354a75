"""The one catalogue of user-visible text: window, PDFs, command line and service messages.

English is written in the code and is the key; Dutch comes from the gettext
catalogue ``locale/nl/LC_MESSAGES/relationapp.po`` (compiled to ``.mo``),
managed with Babel by ``tools/update_catalogue.py``. No Qt here, so services,
reports and the CLI use it as the window does.

- ``_("text")`` words a text in the current language (set once per process from
  the settings with :func:`set_language`, and again when the user changes it).
- ``N_("text")`` marks a text for the catalogue where it is declared (labels of
  stored codes); it is worded later with ``_(value)``.
- ``ngettext(singular, plural, n)`` for counted texts.
- ``for_language(code)`` words in a fixed language (a report for a given firm).

Values go in afterwards with ``str.format``: ``_("{count} stops").format(count=3)``.
"""

from __future__ import annotations

import gettext
from functools import lru_cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "relationapp"
LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "en"

_current = DEFAULT_LANGUAGE


def supported(language: str | None) -> str:
    """``language`` if the app speaks it, else English."""
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


@lru_cache(maxsize=None)
def translations(language: str) -> gettext.NullTranslations:
    if supported(language) == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=str(LOCALE_DIR), languages=[language])


def set_language(language: str | None) -> str:
    """Word everything from now on in ``language`` (unknown codes mean English); returns the code used."""
    global _current, _words
    _current = supported(language)
    _words = translations(_current).gettext
    return _current


def current_language() -> str:
    return _current


_words = translations(DEFAULT_LANGUAGE).gettext  # the current language's look-up: ``_`` runs a million times
# in a large import, and finding the catalogue for each call cost as much as the look-up


def _(text: str) -> str:
    return _words(text) if text else text


def N_(text: str) -> str:
    return text


def ngettext(singular: str, plural: str, n: int) -> str:
    return translations(_current).ngettext(singular, plural, n)


def for_language(language: str):
    """A ``_`` that words in ``language`` whatever the process's current language is."""
    catalogue = translations(supported(language))
    return lambda text: catalogue.gettext(text) if text else text
