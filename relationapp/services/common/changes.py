"""What an operation changed, as typed values (Anki's OpChanges): pages refresh from these.

``run_operation(fn, ...)`` runs one service call and returns its value with
the kinds of records its write transactions changed, read from the SQL
they committed, so side effects (the thank-you follow-up an order makes,
the planned contact a touch closes) are reported without the caller knowing
of them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any, Callable, Generic, TypeVar

from relationapp.data.db import recording_writes
from relationapp.data.models import is_derived

T = TypeVar("T")


class Kind(enum.Enum):
    ACCOUNTS = "accounts"
    PEOPLE = "people"
    IMPORTANT_DATES = "important dates"
    INTERACTIONS = "interactions"
    FOLLOW_UPS = "follow-ups"
    ORDERS = "orders"
    REFERRALS = "referrals"
    NPS = "NPS scores"
    VISITS = "planned visits"
    SETTINGS = "settings"
    STAFF = "staff"
    LEADS = "leads"
    PYRAMID = "pyramid snapshots"
    SYNC = "phone sync"


_TABLE_KINDS = {
    "account": Kind.ACCOUNTS, "tag": Kind.ACCOUNTS, "account_tag": Kind.ACCOUNTS, "stage_change": Kind.ACCOUNTS,
    "person": Kind.PEOPLE, "important_date": Kind.IMPORTANT_DATES,
    "interaction": Kind.INTERACTIONS, "interaction_person": Kind.INTERACTIONS,
    "follow_up": Kind.FOLLOW_UPS, "orders": Kind.ORDERS, "referral": Kind.REFERRALS,
    "nps_response": Kind.NPS, "planned_visit": Kind.VISITS, "setting": Kind.SETTINGS, "staff": Kind.STAFF,
    "lead_source": Kind.LEADS, "qualification": Kind.LEADS, "content_item": Kind.LEADS,
    "nurture_track": Kind.LEADS, "nurture_step": Kind.LEADS, "nurture_enrolment": Kind.LEADS,
    "content_sent": Kind.LEADS, "campaign": Kind.LEADS,
    "contact_point": Kind.PEOPLE, "mail_message": Kind.INTERACTIONS, "mail_sender": Kind.INTERACTIONS,
    "mail_waiting": Kind.INTERACTIONS,
    "tier_snapshot": Kind.PYRAMID,
    "sync_account": Kind.SYNC, "sync_collection": Kind.SYNC, "sync_item": Kind.SYNC, "sync_conflict": Kind.SYNC,
}


@dataclass(frozen=True)
class Changes:
    kinds: frozenset[Kind] = frozenset()

    @classmethod
    def of(cls, *kinds: Kind) -> "Changes":
        return cls(frozenset(kinds))

    @classmethod
    def everything(cls) -> "Changes":
        """A restore or a merge: every page reloads."""
        return cls(frozenset(Kind))

    @classmethod
    def from_tables(cls, tables: set[str]) -> "Changes":
        unknown = {t for t in tables if t not in _TABLE_KINDS and not is_derived(t)}
        if unknown:  # a table this map does not know yet: tell every page rather than none
            return cls.everything()
        return cls(frozenset(_TABLE_KINDS[t] for t in tables if t in _TABLE_KINDS))

    def touches(self, *kinds: Kind) -> bool:
        return any(k in self.kinds for k in kinds)

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(self.kinds | other.kinds)

    def __bool__(self) -> bool:
        return bool(self.kinds)


@dataclass(frozen=True)
class OpResult(Generic[T]):
    value: T
    changes: Changes


def run_operation(fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> OpResult[T]:
    """Call one service function and report what its committed writes changed."""
    with recording_writes() as tables:
        value = fn(*args, **kwargs)
    return OpResult(value, Changes.from_tables(tables))
