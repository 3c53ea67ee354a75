"""Whose address is it: ours (a staff member's, or one the firm named in Settings), or a person's.

Every address a person has counts (``person.email`` and their e-mail contact
points), compared case-folded. One address can belong to several people (a
shop's info@, a duplicate card): ``AddressBook.people`` keeps them all and
``services.mail.logging`` decides what that means.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from relationapp.data.models import Account, ContactPoint, Person, Staff


def address_key(address: str | None) -> str | None:
    """An address as it is compared: trimmed, case-folded; None for something without an @."""
    text = (address or "").strip().strip("<>").strip().casefold()
    if "@" not in text or text.startswith("@") or text.endswith("@"):
        return None
    return text


@dataclass(frozen=True)
class Known:
    person_id: int
    name: str
    account_id: int | None
    account: str | None


@dataclass(frozen=True)
class AddressBook:
    people: dict[str, tuple[Known, ...]]
    staff: dict[str, int]  # address -> staff id
    own_addresses: frozenset[str]
    own_domains: frozenset[str]

    def is_own(self, address: str) -> bool:
        return (address in self.staff or address in self.own_addresses
                or address.rpartition("@")[2] in self.own_domains)

    def staff_of(self, address: str) -> int | None:
        return self.staff.get(address)


def own_entries(text: str | None) -> tuple[frozenset[str], frozenset[str]]:
    """The firm's own addresses and domains as typed in Settings: "info@firm.nl, @firm.nl, firm.be"."""
    addresses, domains = set(), set()
    for entry in (text or "").replace(";", ",").replace("\n", ",").split(","):
        entry = entry.strip().casefold()
        if not entry:
            continue
        if entry.startswith("@"):
            domains.add(entry[1:])
        elif "@" in entry:
            addresses.add(entry)
        else:
            domains.add(entry)
    return frozenset(addresses), frozenset(d for d in domains if d)


def address_book(session, *, own: str | None = None, extra_own: tuple[str, ...] = ()) -> AddressBook:
    """Everyone's addresses, read once for a whole import (one query per table)."""
    people: dict[str, dict[int, Known]] = {}
    known: dict[int, Known] = {}
    rows = session.execute(
        sa.select(Person.id, Person.name, Person.account_id, Account.name, Person.email)
        .outerjoin(Account, Account.id == Person.account_id)
    )
    for pid, name, account_id, account, email in rows:
        known[pid] = Known(pid, name, account_id, account)
        key = address_key(email)
        if key:
            people.setdefault(key, {})[pid] = known[pid]
    for pid, value in session.execute(sa.select(ContactPoint.person_id, ContactPoint.value)
                                      .where(ContactPoint.kind == "email")):
        key = address_key(value)
        if key and pid in known:
            people.setdefault(key, {})[pid] = known[pid]
    staff: dict[str, int] = {}
    for sid, email in session.execute(sa.select(Staff.id, Staff.email).where(Staff.email.is_not(None))
                                      .order_by(Staff.active.desc(), Staff.id)):
        key = address_key(email)
        if key:
            staff.setdefault(key, sid)
    addresses, domains = own_entries(own)
    addresses |= {k for k in (address_key(a) for a in extra_own) if k}
    return AddressBook({k: tuple(v.values()) for k, v in people.items()}, staff, addresses, domains)
