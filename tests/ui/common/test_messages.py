"""User text in message boxes is shown as it was typed, never as markup (a link, an image, bold)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from relationapp.ui.common import messages  # noqa: E402

PAYLOADS = [
    '<a href="http://127.0.0.1:9/">klik</a>',
    "<b>vet</b> & <i>schuin</i>",
    '<img src="file:///etc/passwd">',
    "<html><body><h1>Groot</h1></body></html>",
    "Regel een\nRegel twee",
    "Bakkerij \u202eretlaw",
    "&lt;geen entiteit&gt; &amp;",
]


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("show", [messages.warn, messages.critical, messages.inform, messages.ask])
def test_every_box_shows_user_text_literally(show, payload, answered_boxes):
    show(None, "Titel", f"Archive {payload}?")
    (title, text, text_format), = answered_boxes.shown
    assert text_format == Qt.TextFormat.PlainText
    assert text == f"Archive {payload}?"


def test_a_destructive_question_defaults_to_no(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    seen = []
    def answer(box):
        seen.append(box.standardButton(box.defaultButton()))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(messages, "_exec", answer)
    assert messages.ask(None, "Delete", "Delete it?") is False
    assert seen == [QMessageBox.StandardButton.No]
