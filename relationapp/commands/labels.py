"""Labels of stored codes as the command line prints them in tables (``--json`` keeps the codes).

``text.wording``'s label dicts are the source (not the services: building the parser must not import them); the few
codes that only the window had a label for (visit statuses, account kinds) get the same English texts here, so the catalogue holds each once.
"""

from __future__ import annotations

from relationapp.text.catalogue import N_, _
from relationapp.text.wording import (
    JOURNEY_LABELS,
    KINDS,
    MOVEMENT_LABELS,
    OUTCOME_LABELS,
    ROLES,
    STAGES,
)
from relationapp.text.wording import TIERS as TIER_LABELS

ACCOUNT_KINDS = {"organisation": N_("Organisation"), "private": N_("Private customer")}
VISIT_STATUSES = {"planned": N_("planned"), "done": N_("visited"), "cancelled": N_("cancelled")}
DUPLICATE_KINDS = {"person": N_("person"), "account": N_("account")}
DUPLICATE_REASONS = {"same e-mail": N_("same e-mail"), "same phone": N_("same phone"), "similar": N_("similar")}

__all__ = ["ACCOUNT_KINDS", "DUPLICATE_KINDS", "DUPLICATE_REASONS", "JOURNEY_LABELS", "KINDS", "MOVEMENT_LABELS",
           "OUTCOME_LABELS", "ROLES", "STAGES", "TIER_LABELS", "VISIT_STATUSES", "word"]


def word(labels: dict, code: str | None) -> str:
    """A stored code's label in this run's language; an unknown code as it is, none as ""."""
    if not code:
        return ""
    return _(labels.get(code, code))
