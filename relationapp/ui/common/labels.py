"""Dutch/English labels for codes the services name in English (no Qt there).

The services' own label dicts (e.g. ``pyramid.TIER_LABELS``) stay the single
source of the English text; the same texts are marked here so lupdate collects
them, and ``tr()`` shows them in the user's language.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP

from relationapp.services.relationships.journey import JOURNEY_LABELS
from relationapp.services.relationships.referrals import OUTCOME_LABELS
from relationapp.services.value.pyramid import MOVEMENT_LABELS, TIER_LABELS
from relationapp.text.wording import STAGES
from relationapp.ui.common.i18n import tr

# stage code -> label (shown through tr)
STAGE_LABELS = STAGES


TIER_TEXTS = (
    QT_TR_NOOP("Top"), QT_TR_NOOP("Big"), QT_TR_NOOP("Medium"), QT_TR_NOOP("Small"),
    QT_TR_NOOP("Prospect"), QT_TR_NOOP("Suspect"), QT_TR_NOOP("Inactive"),
    QT_TR_NOOP("Not listed"),  # pyramid.MOVEMENT_LABELS: not in the quarter's pyramid
)
NPS_TEXTS = (QT_TR_NOOP("no scores yet"),)  # nps.NpsSummary.text without scores
BALANCE_TEXTS = (  # attention_balance.GROUP_LABELS beyond the tiers
    QT_TR_NOOP("Former customers"), QT_TR_NOOP("Prospects and leads"), QT_TR_NOOP("Other (no or archived account)"),
)
OUTCOME_TEXTS = (QT_TR_NOOP("Introduced"), QT_TR_NOOP("Became a customer"), QT_TR_NOOP("No fit"))
JOURNEY_TEXTS = (
    QT_TR_NOOP("Considering"), QT_TR_NOOP("Evaluating"), QT_TR_NOOP("Buying"),
    QT_TR_NOOP("Enjoying"), QT_TR_NOOP("Advocating"), QT_TR_NOOP("Bonded"),
)


def _label(labels: dict, code: str | None) -> str:
    return tr(labels.get(code, code)) if code else ""


def tier_label(tier: str | None) -> str:
    """The pyramid tier's label in the user's language ("" for none)."""
    return _label(TIER_LABELS, tier)


def outcome_label(outcome: str | None) -> str:
    """A referral's outcome in the user's language."""
    return _label(OUTCOME_LABELS, outcome)


def journey_label(stage: str | None) -> str:
    """A customer-journey stage in the user's language."""
    return _label(JOURNEY_LABELS, stage)


def movement_label(tier: str | None) -> str:
    """A tier in the movement between quarters ("Not listed" included)."""
    return _label(MOVEMENT_LABELS, tier)
