"""Dutch/English labels for codes the services name in English (no Qt there).

The services' own label dicts (e.g. ``pyramid.TIER_LABELS``) stay the single
source of the English text; the same texts are marked here so lupdate collects
them, and ``tr()`` shows them in the user's language.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP

from relationapp.services.pyramid import TIER_LABELS
from relationapp.ui.i18n import tr

TIER_TEXTS = (
    QT_TR_NOOP("Top"), QT_TR_NOOP("Big"), QT_TR_NOOP("Medium"), QT_TR_NOOP("Small"),
    QT_TR_NOOP("Prospect"), QT_TR_NOOP("Suspect"), QT_TR_NOOP("Inactive"),
)


def tier_label(tier: str | None) -> str:
    """The pyramid tier's label in the user's language ("" for none)."""
    if not tier:
        return ""
    return tr(TIER_LABELS.get(tier, tier))
