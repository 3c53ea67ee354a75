"""User text is data: helpers that keep it from being read as markup."""

from __future__ import annotations

import html


def rich(text: str | None) -> str:
    """Escape user text for a place that renders Qt rich text."""
    return html.escape(text or "", quote=True).replace("\n", "<br>")


def tooltip(text: str | None) -> str:
    """Qt guesses whether a tooltip is rich text; make it rich and escaped, so it shows literally."""
    if not text:
        return ""
    return "<qt>" + rich(text) + "</qt>"


def or_dash(value) -> str:
    return "—" if value in (None, "") else str(value)
