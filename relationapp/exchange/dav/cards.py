"""A person as a CardDAV card, merged into the card the server has (never rewritten from scratch).

    fields_of_card(text) -> (uid, fields)          raises CardUnreadable (fields[CARD_KIND]: not a person)
    new_card(person, uid, anniversary=None) -> text  (exchange.vcard's writer, plus the UID)
    merged_card(server_text, fields, changed) -> text

Only the properties behind the changed fields are touched: a phone's
photo, its second e-mail address, its X- properties and groups stay as they
were. A year-less birthday is written as Apple writes it
(``BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-14``), which iOS shows without a year
and Android's DAVx5 reads as a date without one; ``--0314`` (vCard 3 and 4)
and Apple's form are both read. An anniversary is written twice, as
``X-ANNIVERSARY`` (Android, Evolution, Outlook) and as Apple's labelled
``itemN.X-ABDATE`` (iOS, macOS), and read from either (exchange.vcard).
"""

from __future__ import annotations

import re

import vobject

from relationapp.exchange import vcard_quirks as quirks
from relationapp.exchange.vcard import CardExtras, apple_date, person_to_vcard, read_card, split_name
from relationapp.services.customers.person_cards import PersonCard
from relationapp.services.sync.people import birthday_text, parse_birthday


CARD_KIND = "card_kind"  # in a card's fields only when it is not a person's card: "group" or "organisation"


class CardUnreadable(ValueError):
    """The server's card breaks the vCard grammar (or has no UID we can use)."""


def _parse(text: str):
    try:
        if quirks.version_of(text) == "2.1":
            text = quirks.from_2_1(text)
        return vobject.readOne(text, validate=False)
    except Exception as exc:  # vobject raises ParseError, but also ValueError/IndexError on junk
        message = re.sub(r"^At line \d+: ", "", str(exc)).strip() or type(exc).__name__
        raise CardUnreadable(" ".join(message.split())[:200]) from None


def _main(contacts, field: str) -> str | None:
    values = [c for c in contacts if c.field == field]
    values.sort(key=lambda c: not c.preferred)
    return values[0].value if values else None


def fields_of_card(text: str) -> tuple[str | None, dict[str, str | None]]:
    card = _parse(text)
    try:
        read = read_card(card)
    except Exception as exc:  # noqa: BLE001 - a property vobject parsed but cannot give as text
        raise CardUnreadable(str(exc)[:200] or type(exc).__name__) from None
    raw = read.raw
    uid = card.contents["uid"][0].value.strip() if card.contents.get("uid") else None
    birthday = None
    if card.contents.get("bday"):
        prop = card.contents["bday"][0]
        parsed = quirks.parse_date(str(prop.value), omit_year=bool(prop.params.get("X-APPLE-OMIT-YEAR")))
        if parsed and 1 <= parsed[0] <= 12 and 1 <= parsed[1] <= 31:
            birthday = birthday_text(parsed[1], parsed[0], parsed[2])
    anniversary = next((birthday_text(day, month, year) for kind, _label, month, day, year in read.dates
                        if kind == "anniversary"), None)
    fields = {"name": raw.get("name") or None, "email": _main(read.contacts, "email"),
              "phone": _main(read.contacts, "phone"), "job_title": raw.get("job_title") or None,
              "organisation": raw.get("account") or None, "birthday": birthday, "anniversary": anniversary,
              "notes": raw.get("personal_notes") or None}
    if read.group or read.company:
        # a contact group (iCloud keeps them as cards) is nobody; a company card is an account, not a person
        fields[CARD_KIND] = "group" if read.group else "organisation"
    return uid, fields


def _set_birthday(card, value: str | None) -> None:
    card.contents.pop("bday", None)
    if not value:
        return
    day, month, year = parse_birthday(value)
    prop = card.add("bday")
    if year:
        prop.value = f"{year:04d}-{month:02d}-{day:02d}"
    else:
        prop.value = f"{quirks.APPLE_NO_YEAR:04d}-{month:02d}-{day:02d}"
        prop.params["X-APPLE-OMIT-YEAR"] = [str(quirks.APPLE_NO_YEAR)]


_ANNIVERSARY_PROPS = ("anniversary", "x-anniversary", "x-ms-anniversary", "x-evolution-anniversary")


def _set_anniversary(card, value: str | None) -> None:
    """Every form of the anniversary replaced by ours (Apple's labelled date with its label too)."""
    for key in _ANNIVERSARY_PROPS:
        card.contents.pop(key, None)
    labels = {str(p.group).lower(): p for p in card.contents.get("x-ablabel", []) if getattr(p, "group", None)}
    for prop in list(card.contents.get("x-abdate", [])):
        label = labels.get(str(getattr(prop, "group", "") or "").lower())
        if label is not None and quirks.apple_label(str(label.value)).casefold() == "anniversary":
            card.contents["x-abdate"].remove(prop)
            card.contents["x-ablabel"].remove(label)
    for key in ("x-abdate", "x-ablabel"):
        if key in card.contents and not card.contents[key]:
            del card.contents[key]
    if not value:
        return
    day, month, year = parse_birthday(value)
    card.add("x-anniversary").value = quirks.date_text(month, day, year)
    groups = {str(getattr(p, "group", "") or "").lower() for props in card.contents.values() for p in props}
    n = next(i for i in range(1, len(groups) + 2) if f"item{i}" not in groups)
    apple_date(card, f"item{n}", month, day, year, "_$!<Anniversary>!$_")


def _serialize(card) -> str:
    return card.serialize()


def new_card(person: PersonCard, uid: str, anniversary: str | None = None) -> str:
    """exchange.vcard's card with a UID, and a year-less birthday in Apple's form (text edits: a first
    sync writes thousands, and parsing each card again to add two lines doubled its time)."""
    extras = None
    if anniversary:
        day, month, year = parse_birthday(anniversary)
        extras = CardExtras(dates=(("anniversary", "Anniversary", month, day, year),))
    text = person_to_vcard(person, extras=extras)
    uid_line = f"UID:{uid}\r\n"  # ours: relationapp-<uuid4>, nothing to escape
    text = text.replace("VERSION:3.0\r\n", "VERSION:3.0\r\n" + uid_line, 1)
    if person.birthday_day and person.birthday_month and not person.birthday_year:
        text = text.replace(f"BDAY:--{person.birthday_month:02d}{person.birthday_day:02d}\r\n",
                            f"BDAY;X-APPLE-OMIT-YEAR={quirks.APPLE_NO_YEAR}:{quirks.APPLE_NO_YEAR:04d}-"
                            f"{person.birthday_month:02d}-{person.birthday_day:02d}\r\n", 1)
    return text


def _preferred_first(props: list) -> list:
    return sorted(props, key=lambda p: "pref" not in quirks.types_of(p) and not p.params.get("PREF"))


def _set_main(card, key: str, value: str | None, old: str | None) -> None:
    """The main e-mail or phone: the property that held the old value (else the preferred one) is changed."""
    props = list(card.contents.get(key, []))
    target = next((p for p in props if str(p.value).strip().removeprefix("mailto:").removeprefix("tel:") == (old or "")),
                  None) if old else None
    if target is None and props:
        target = _preferred_first(props)[0] if old is not None or not value else None
    if value is None:
        if target is not None:
            card.contents[key].remove(target)
            if not card.contents[key]:
                del card.contents[key]
        return
    if target is None:
        target = card.add(key)
        target.params["TYPE"] = ["INTERNET", "PREF"] if key == "email" else ["VOICE", "PREF"]
    target.value = value


def merged_card(text: str, fields: dict, changed: set[str], old: dict | None = None) -> str:
    """The server's card with the changed fields set to ``fields``' values; everything else as it was."""
    card = _parse(text)
    old = old or {}
    if "name" in changed and fields.get("name"):
        card.contents.pop("fn", None)
        card.add("fn").value = fields["name"]
        given, family = split_name(fields["name"])
        card.contents.pop("n", None)
        card.add("n").value = vobject.vcard.Name(family=family, given=given)
    if "email" in changed:
        _set_main(card, "email", fields.get("email"), old.get("email"))
    if "phone" in changed:
        _set_main(card, "tel", fields.get("phone"), old.get("phone"))
    if "job_title" in changed:
        card.contents.pop("title", None)
        if fields.get("job_title"):
            card.add("title").value = fields["job_title"]
    if "organisation" in changed:
        orgs = card.contents.pop("org", [])
        if fields.get("organisation"):
            rest = orgs[0].value[1:] if orgs and isinstance(orgs[0].value, list) else []
            card.add("org").value = [fields["organisation"], *rest]
    if "birthday" in changed:
        _set_birthday(card, fields.get("birthday"))
    if "anniversary" in changed:
        _set_anniversary(card, fields.get("anniversary"))
    if "notes" in changed:
        card.contents.pop("note", None)
        if fields.get("notes"):
            card.add("note").value = fields["notes"]
    return _serialize(card)
