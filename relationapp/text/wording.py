"""English labels of stored codes (interaction kinds, DMU roles, tiers, stages), marked for the catalogue.

Reports word them with ``Formatter.t(KINDS[code])`` like any other text.
"""

from __future__ import annotations

from relationapp.text.catalogue import N_

KINDS = {
    "visit": N_("Visit"), "call": N_("Call"), "email": N_("E-mail"), "meeting": N_("Meeting"), "event": N_("Event"),
    "gift": N_("Gift"), "card": N_("Card"), "content": N_("Content sent"), "note": N_("Note"),
}
ROLES = {
    "decision_maker": N_("Decision maker"), "budget_holder": N_("Budget holder"), "influencer": N_("Influencer"),
    "user": N_("User"), "gatekeeper": N_("Gatekeeper"),
}
TIERS = {
    "top": N_("Top"), "big": N_("Big"), "medium": N_("Medium"), "small": N_("Small"),
    "prospect": N_("Prospect"), "suspect": N_("Suspect"), "inactive": N_("Inactive"),
}
STAGES = {
    "suspect": N_("Suspect"), "prospect": N_("Prospect"),
    "mql": N_("Lead (marketing-qualified, cold)"), "sql": N_("Lead (sales-qualified, hot)"),
    "customer": N_("Customer"), "inactive": N_("Former customer"),
}
CLOSED_LEAD = N_("Closed lead")  # stage "inactive" of an account that never was a customer
