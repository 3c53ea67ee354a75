"""Gifts and cards: never the same gift twice."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import (
    Interaction,
    InteractionPerson,
    Person,
)
from relationapp.text import formatting
from relationapp.text.catalogue import _


@dataclass(frozen=True)
class EarlierGift:
    """The same item was given before: to whom (a person, or the account as a whole) and when last."""

    item: str  # as it was written then
    given_on: dt.date
    person_id: int | None
    person: str | None
    account_id: int | None


def _same_item(a: str, b: str) -> bool:
    # casefold, not SQL lower(): "Éclairs" and "éclairs" are the same gift
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def earlier_gifts(
    db: Database, *, item: str | None, person_ids: list[int] | tuple[int, ...] = (), account_id: int | None = None,
) -> list[EarlierGift]:
    """Who among these people already got this item (the latest time each).

    Without people, gifts to the account itself are checked. The log dialog
    calls this before saving a gift and warns when the list is not empty.
    """
    if not item or not item.strip():
        return []
    gift = sa.and_(Interaction.kind == "gift", Interaction.gift_item.is_not(None))
    with db.read() as session:
        if person_ids:
            query = (
                sa.select(Interaction.gift_item, Interaction.occurred_on, Person.id, Person.name, Interaction.account_id)
                .join(InteractionPerson, InteractionPerson.interaction_id == Interaction.id)
                .join(Person, Person.id == InteractionPerson.person_id)
                .where(gift, Person.id.in_([int(p) for p in person_ids]))
            )
        elif account_id is not None:
            query = sa.select(Interaction.gift_item, Interaction.occurred_on, sa.null(), sa.null(), Interaction.account_id).where(
                gift, Interaction.account_id == account_id)
        else:
            return []
        rows = session.execute(query).all()
    latest: dict[int | None, EarlierGift] = {}
    for given, on, pid, person, aid in rows:
        if not _same_item(given, item):
            continue
        if pid not in latest or on > latest[pid].given_on:
            latest[pid] = EarlierGift(item=given, given_on=on, person_id=pid, person=person, account_id=aid)
    return sorted(latest.values(), key=lambda g: (g.person or "", g.given_on))


def repeat_warning(gifts: list[EarlierGift]) -> str | None:
    """The warning to show before saving, or None."""
    if not gifts:
        return None
    parts = [_("{who} on {day}").format(who=g.person or _("this account"), day=formatting.current().date(g.given_on))
             for g in gifts]
    return _("'{item}' was given before: to {whom}.").format(item=gifts[0].item, whom="; ".join(parts))
