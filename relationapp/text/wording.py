"""English labels of stored codes (interaction kinds, DMU roles, tiers, stages, journey stages, referral
outcomes), marked for the catalogue.

They live here, below the services, so the command line's parser and tables word codes without importing
the services (and SQLAlchemy with them): ``relationapp today --json`` starts in a fraction of the time.

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
JOURNEY_LABELS = {
    "consider": N_("Considering"), "evaluate": N_("Evaluating"), "buy": N_("Buying"),
    "enjoy": N_("Enjoying"), "advocate": N_("Advocating"), "bond": N_("Bonded"),
}
OUTCOME_LABELS = {"introduced": N_("Introduced"), "customer": N_("Became a customer"), "no_fit": N_("No fit")}
NOT_LISTED = "none"  # in a pyramid movement: the account was not (yet, or any more) in the pyramid
MOVEMENT_LABELS = {**TIERS, NOT_LISTED: N_("Not listed")}
CLOSED_LEAD = N_("Closed lead")  # stage "inactive" of an account that never was a customer
