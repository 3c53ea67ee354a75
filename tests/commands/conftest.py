"""Command-line tests read the English wording: an in-process run speaks English whatever the firm's language.

(``relationapp.commands.cli`` switches the catalogue to the firm's language, Dutch by default; the
Dutch wording itself is checked by the catalogue tests.)"""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _cli_in_english(monkeypatch):
    from relationapp.commands import cli
    from relationapp.text import catalogue

    speak = cli._speak_the_firms_language

    def in_english(db) -> None:
        speak(db)
        catalogue.set_language("en")

    monkeypatch.setattr(cli, "_speak_the_firms_language", in_english)
