"""vCard 3.0 and 4.0 in and out, with vobject.

Reading streams the file card by card (a file of thousands of cards, or a
card with a 20 MB photo, never sits in memory whole): we cut the cards out
of the line stream ourselves, drop photos (we do not keep pictures; one over
the size limit is reported) and let vobject parse each card. A card that
cannot be read is a problem "file card N (line L): ...", and like the CSV
import nothing is written unless every card is good or bad cards are skipped.

Mapping: FN (else N) -> name; the first (preferred) EMAIL and TEL -> e-mail
and phone, the others into the notes; ORG -> the account (made if unknown);
TITLE -> job title; BDAY (also ``--0314`` without a year) -> birthday;
ADR -> the account's address (a private account for someone without ORG);
NOTE -> personal notes.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, Iterator

import sqlalchemy as sa
import vobject

from relationapp.data.db import Database
from relationapp.data.models import ContactPoint, ImportantDate
from relationapp.errors import ValidationError
from relationapp.exchange.conventions import Conventions
from relationapp.exchange import vcard_quirks as quirks
from relationapp.exchange.csv_import import ContactValue, ImportResult, person_input
from relationapp.exchange.row_check import RowChecker, one_line_refusals
from relationapp.files.paths import user_file
from relationapp.services.common import validation
from relationapp.services.common.validation import one_line, shown
from relationapp.services.customers.person_cards import PersonCard, person_cards
from relationapp.services.data_care.bulk_import import AccountInput, PersonInput, add_accounts, add_people
from relationapp.text import formatting
from relationapp.text.catalogue import _

PHOTO_LIMIT_BYTES = 256 * 1024
MAX_CARD_BYTES = 4 * 1024 * 1024  # text of one card without its photo
_READ_CHUNK = 64 * 1024
_BINARY_PROPS = ("PHOTO", "LOGO", "SOUND", "KEY")
_ISO = Conventions(decimal_comma=False, day_first=True)
_BIRTHDAY = re.compile(r"^(\d{4}-?\d{2}-?\d{2}|--\d{2}-?\d{2})$")  # 1971-03-14, 19710314, --0314, --03-14


@dataclass(frozen=True)
class RawCard:
    number: int  # 1-based position in the file
    line: int  # the line of BEGIN:VCARD
    text: str
    notes: tuple[str, ...]  # messages such as a skipped photo
    problem: str | None = None  # the card could not even be cut out


@dataclass(frozen=True)
class CardPreview:
    number: int
    name: str
    problems: tuple[str, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class VcardPreview:
    path: Path
    cards: tuple[CardPreview, ...]
    inputs: tuple[PersonInput, ...]
    accounts: tuple[AccountInput, ...] = ()  # Apple's company cards
    dates: tuple[tuple, ...] = ()  # beside inputs: each person's (kind, label, month, day, year) dates

    @property
    def problems(self) -> list[str]:
        return [p for c in self.cards for p in c.problems]

    @property
    def notes(self) -> list[str]:
        return [n for c in self.cards for n in c.notes]


def _lines(fh: BinaryIO) -> Iterator[tuple[bytes, bool]]:
    """(piece, ends_line): an over-long line comes in pieces so memory stays bounded."""
    while True:
        piece = fh.readline(_READ_CHUNK)
        if not piece:
            return
        yield piece, piece.endswith(b"\n")


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def iter_cards(path: Path, *, photo_limit: int = PHOTO_LIMIT_BYTES) -> Iterator[RawCard]:
    path = user_file(path)
    name = path.name
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise ValidationError(_("Cannot read {path}: {problem}.").format(path=path, problem=exc.strerror or exc)) from None
    with fh:
        number = 0
        line_no = 0
        inside = False
        start_line = 0
        parts: list[bytes] = []
        size = 0
        notes: list[str] = []
        binary_prop: str | None = None
        binary_size = 0
        too_big = False
        seen_any = False
        at_line_start = True
        for piece, ends in _lines(fh):
            starts_line = at_line_start
            at_line_start = ends
            if starts_line:
                line_no += 1
            if line_no == 1 and starts_line:
                piece = piece.removeprefix(b"\xef\xbb\xbf")
                if b"\x00" in piece:
                    raise ValidationError(_("{file} is not a vCard file (it holds binary data).").format(file=name))
            stripped = piece.strip()
            if not inside:
                if starts_line and stripped.upper() == b"BEGIN:VCARD":
                    inside, seen_any = True, True
                    number += 1
                    start_line = line_no
                    parts, size, notes, binary_prop, too_big = [piece], len(piece), [], None, False
                elif starts_line and stripped and not seen_any and line_no > 50:
                    break
                continue
            continuation = starts_line and piece[:1] in (b" ", b"\t")
            if starts_line and not continuation:
                if binary_prop and binary_size > photo_limit:
                    notes.append(
                        _("{file} card {number}: {what} of {size} KB skipped (larger than {limit} KB).").format(
                            file=name, number=number, what=binary_prop.lower(),
                            size=formatting.current().number(binary_size // 1024),
                            limit=formatting.current().number(photo_limit // 1024))
                    )
                binary_prop = None
                head = re.split(rb"[;:]", stripped, maxsplit=1)[0].upper()
                head = head.split(b".")[-1]  # item1.PHOTO
                if head.decode("ascii", "replace") in _BINARY_PROPS:
                    binary_prop, binary_size = head.decode(), len(piece)
                    continue
                if stripped.upper() == b"END:VCARD":
                    parts.append(piece)
                    inside = False
                    if too_big:
                        yield RawCard(number, start_line, "", tuple(notes),
                                      _("{file} card {number} (line {line}): the card is larger than {limit} MB.").format(
                                          file=name, number=number, line=start_line, limit=MAX_CARD_BYTES // 2**20))
                    else:
                        yield RawCard(number, start_line, _decode(b"".join(parts)), tuple(notes))
                    continue
                if stripped.upper() == b"BEGIN:VCARD":
                    yield RawCard(number, start_line, "", tuple(notes),
                                  _("{file} card {number} (line {line}): has no END:VCARD before the next card.").format(
                                      file=name, number=number, line=start_line))
                    number += 1
                    start_line = line_no
                    parts, size, notes, too_big = [piece], len(piece), [], False
                    continue
            if binary_prop:
                binary_size += len(piece)
                continue
            size += len(piece)
            if size > MAX_CARD_BYTES:
                too_big, parts = True, []
            elif not too_big:
                parts.append(piece)
        if inside:
            yield RawCard(number, start_line, "", tuple(notes),
                          _("{file} card {number} (line {line}): the file ends inside the card (no END:VCARD).").format(
                              file=name, number=number, line=start_line))
        if not seen_any:
            raise ValidationError(_("{file} holds no vCards (no BEGIN:VCARD line).").format(file=name))


def _values(card, key: str) -> list:
    return list(card.contents.get(key, []))


def _preferred(props: list) -> list:
    def rank(prop) -> int:
        types = {t.lower() for v in prop.params.get("TYPE", []) for t in v.split(",")}
        return 0 if ("pref" in types or prop.params.get("PREF")) else 1

    return sorted(props, key=rank)


def _text(value) -> str:
    if isinstance(value, list):
        return " ".join(str(v) for v in value if v)
    return str(value or "")


_PHONE_LABELS = (("cell", "mobile"), ("mobile", "mobile"), ("iphone", "mobile"), ("fax", "fax"),
                 ("work", "work"), ("home", "home"))
_DATE_PROPS = (("anniversary", "anniversary"), ("x-anniversary", "anniversary"),
               ("x-ms-anniversary", "anniversary"), ("x-evolution-anniversary", "anniversary"))


def _label(prop, kind: str) -> str:
    types = quirks.types_of(prop)
    for word, label in _PHONE_LABELS if kind == "phone" else (("work", "work"), ("home", "home")):
        if word in types:
            return label
    return "other"


def _group_label(card, prop) -> str:
    """Apple's X-ABLabel of the same group (item1.X-ABDATE + item1.X-ABLabel)."""
    group = getattr(prop, "group", None)
    if not group:
        return ""
    for other in _values(card, "x-ablabel"):
        if getattr(other, "group", None) and other.group.lower() == group.lower():
            return quirks.apple_label(_text(other.value))
    return ""


def _omits_year(prop) -> bool:
    return bool(prop.params.get("X-APPLE-OMIT-YEAR"))


@dataclass
class CardFields:
    raw: dict[str, str]
    contacts: list[ContactValue]
    social: list[tuple[str, str | None, str]]
    dates: list[tuple[str, str, int, int, int | None]]
    bad_dates: list[str]
    company: bool  # Apple's company card (X-ABShowAs:COMPANY) or vCard 4's KIND:org: an account, no person
    group: bool = False  # a contact group (Apple's X-ADDRESSBOOKSERVER-KIND:group, vCard 4's KIND:group): nobody


def read_card(card) -> CardFields:
    """A parsed card as the field texts the person check takes, every contact value and every date."""
    raw: dict[str, str] = {}
    fn = _text(_values(card, "fn")[0].value).strip() if _values(card, "fn") else ""
    if not fn and _values(card, "n"):
        n = _values(card, "n")[0].value
        fn = " ".join(p for p in (_text(n.prefix), _text(n.given), _text(n.additional), _text(n.family)) if p.strip())
    raw["name"] = fn
    contacts: list[ContactValue] = []
    social: list[tuple[str, str | None, str]] = []
    for key, field, kind in (("tel", "phone", "phone"), ("email", "email", "email"), ("url", "website", "url")):
        for prop in _values(card, key):
            value = _text(prop.value).strip()
            if field == "phone":
                value = value.removeprefix("tel:")
            if field == "email":
                value = value.removeprefix("mailto:")
            if field == "website" and _group_label(card, prop).lower() in quirks.SOCIAL_NAMES:
                service = quirks.social_name(_group_label(card, prop).lower())
                social.append(("social", service, shown(value, limit=500)))
                continue
            if value:
                contacts.append(ContactValue(field, key.upper(), value, _label(prop, kind),
                                             "pref" in quirks.types_of(prop)))
    for prop in _values(card, "x-socialprofile"):
        value = _text(prop.value).strip() or (quirks.param_values(prop, "X-USER") or [""])[0]
        service = (quirks.param_values(prop, "TYPE") or [""])[0]
        if value and not any(s[2] == value for s in social):
            social.append(("social", quirks.social_name(service), shown(value, limit=500)))
    if _values(card, "org"):
        org = _values(card, "org")[0].value
        raw["account"] = (org[0] if isinstance(org, list) and org else _text(org)).strip()
    if _values(card, "title"):
        raw["job_title"] = _text(_values(card, "title")[0].value)
    bad_dates: list[str] = []
    if _values(card, "bday"):
        prop = _values(card, "bday")[0]
        text = _text(prop.value).strip()
        parsed = quirks.parse_date(text, omit_year=_omits_year(prop))
        raw["birthday"] = quirks.date_text(*parsed) if parsed else text.split("T")[0].strip()
    dates: list[tuple[str, str, int, int, int | None]] = []

    def add_date(kind: str, label: str, prop) -> None:
        text = _text(prop.value).strip()
        parsed = quirks.parse_date(text, omit_year=_omits_year(prop))
        if parsed is None or not (1 <= parsed[0] <= 12 and 1 <= parsed[1] <= 31):
            bad_dates.append(text)
            return
        month, day, year = parsed
        if not any(d[0] == kind and d[2:] == (month, day, year) for d in dates):
            dates.append((kind, label, month, day, year))

    for key, kind in _DATE_PROPS:
        for prop in _values(card, key):
            add_date(kind, _("Anniversary"), prop)
    for prop in _values(card, "x-abdate"):
        label = _group_label(card, prop)
        if label.casefold() in ("anniversary", "jubileum", "trouwdag", "wedding"):
            add_date("anniversary", _("Anniversary"), prop)
        else:
            add_date("custom", shown(label, limit=200) or _("Date"), prop)
    if _values(card, "adr"):
        adr = _values(card, "adr")[0].value
        if hasattr(adr, "street"):
            raw.update(street=_text(adr.street), postcode=_text(adr.code), city=_text(adr.city),
                       country=_text(adr.country))
    note = "\n".join(_text(p.value) for p in _values(card, "note")).strip()
    raw["personal_notes"] = note
    kinds = {_text(p.value).strip().lower() for key in ("kind", "x-addressbookserver-kind") for p in _values(card, key)}
    company = ("org" in kinds or "organization" in kinds
               or any(_text(p.value).strip().upper() == "COMPANY" for p in _values(card, "x-abshowas")))
    return CardFields(raw, contacts, social, dates, bad_dates, company, group="group" in kinds)


def card_to_raw(card) -> dict[str, str]:
    """A parsed card as the field texts the person check takes."""
    return read_card(card).raw


def _account_input(fields: CardFields, check: RowChecker) -> AccountInput | None:
    """Apple's company card (X-ABShowAs:COMPANY): an account, no person."""
    name = fields.raw.get("account") or fields.raw.get("name") or ""
    name = check.take(validation.text, name, field="account", label=_("Organisation"), max_length=300)
    if not name:
        check.problems.append(_("{where}: the company card has no company name.").format(where=check.where))
        return None
    main: dict[str, str | None] = {}
    for field, fn in (("phone", validation.phone), ("email", validation.email), ("website", None)):
        values = [c.value for c in sorted(fields.contacts, key=lambda c: not c.preferred) if c.field == field]
        if values:
            main[field] = check.take(fn, values[0]) if fn else shown(values[0], limit=500)
    raw = fields.raw
    return AccountInput(
        name=name, phone=main.get("phone"), email=main.get("email"), website=main.get("website"),
        street=raw.get("street") or None, postcode=(raw.get("postcode") or "")[:20] or None,
        city=raw.get("city") or None, country=raw.get("country") or None,
        notes=raw.get("personal_notes") or None,
    )


@one_line_refusals
def preview_vcards(path: str | Path, *, photo_limit: int = PHOTO_LIMIT_BYTES) -> VcardPreview:
    """Read and check every card; nothing is written."""
    path = Path(path)
    file_name = one_line(path.name)
    cards: list[CardPreview] = []
    inputs: list[PersonInput] = []
    accounts: list[AccountInput] = []
    dates: list[tuple] = []
    for raw_card in iter_cards(path, photo_limit=photo_limit):
        where = _("{file} card {number} (line {line})").format(file=file_name, number=raw_card.number, line=raw_card.line)
        if raw_card.problem:
            cards.append(CardPreview(raw_card.number, "", (one_line(raw_card.problem),), raw_card.notes))
            continue
        version = quirks.version_of(raw_card.text)
        text = raw_card.text
        try:
            if version == "2.1":
                text = quirks.from_2_1(text)
            card = vobject.readOne(text, validate=False)
            fields = read_card(card)
        except Exception as exc:  # vobject raises ParseError, but also ValueError/IndexError on junk
            message = re.sub(r"^At line \d+: ", "", str(exc)).strip() or type(exc).__name__
            if version == "2.1":
                problem = _("{where}: this vCard 2.1 (Outlook) card cannot be read: {problem}")
            else:
                problem = _("{where}: cannot be read: {problem}")
            cards.append(CardPreview(raw_card.number, "", (problem.format(
                where=where, problem=shown(message, limit=200)),), raw_card.notes))
            continue
        notes = list(raw_card.notes)
        raw = fields.raw
        if raw.get("birthday") and not _BIRTHDAY.match(raw["birthday"]):
            # vCard 4.0 allows a text birthday ("circa 1800"): the person is imported without it
            notes.append(_("{where}: birthday '{value}' is not a date; left out.").format(
                where=where, value=shown(raw.pop("birthday"))))
        for value in fields.bad_dates:
            notes.append(_("{where}: date '{value}' is not a date; left out.").format(where=where, value=shown(value)))
        if fields.group:
            notes.append(_("{where}: a contact group, not a person; left out.").format(where=where))
            cards.append(CardPreview(raw_card.number, shown(raw.get("name", ""), limit=200), (), tuple(notes)))
            continue
        check = RowChecker(where)
        if fields.company:
            account = _account_input(fields, check)
            cards.append(CardPreview(raw_card.number, shown(account.name if account else "", limit=200),
                                     tuple(check.problems), tuple(notes)))
            if account is not None and not check.problems:
                accounts.append(account)
            continue
        person = person_input(raw, _ISO, check, contacts=fields.contacts)
        if person is None and not check.problems:
            check.problems.append(_("{where}: the card has no name.").format(where=where))
        cards.append(CardPreview(raw_card.number, shown(raw.get("name", ""), limit=200), tuple(check.problems),
                                 tuple(notes)))
        if person is not None and not check.problems:
            person = replace(person, contact_points=tuple(person.contact_points) + tuple(fields.social))
            inputs.append(person)
            dates.append(tuple(fields.dates))
    return VcardPreview(path, tuple(cards), tuple(inputs), tuple(accounts), tuple(dates))


@one_line_refusals
def commit_vcards(db: Database, *, preview: VcardPreview, skip_bad_cards: bool = False) -> ImportResult:
    bad = sum(1 for c in preview.cards if c.problems)
    if bad and not skip_bad_cards:
        problems = preview.problems
        text = "; ".join(one_line(p).rstrip(".") for p in problems[:5])
        if len(problems) > 5:
            text += " " + _("(and {count} more)").format(count=formatting.current().number(len(problems) - 5))
        raise ValidationError(_("{problems}. Nothing was imported; fix the file or skip the bad cards.").format(
            problems=text))
    companies = add_accounts(db, accounts=list(preview.accounts)) if preview.accounts else None
    result = add_people(db, people=list(preview.inputs), important_dates=list(preview.dates))
    return ImportResult("people", result.added, result.existing, bad,
                        result.accounts_added + (companies.added if companies else 0))


def import_vcards(db: Database, *, path: str | Path, skip_bad_cards: bool = False) -> ImportResult:
    return commit_vcards(db, preview=preview_vcards(path), skip_bad_cards=skip_bad_cards)


# --- export ------------------------------------------------------------------

_PARTICLES = {"van", "de", "der", "den", "het", "ter", "ten", "te", "in", "'t", "von", "du", "la", "le", "da", "di"}


def split_name(name: str) -> tuple[str, str]:
    """(given, family): 'Jan de Vries' -> ('Jan', 'de Vries')."""
    words = name.split()
    if len(words) < 2:
        return "", name
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in _PARTICLES:
        i -= 1
    return " ".join(words[:i]), " ".join(words[i:])


_TEL_TYPES = {"mobile": ["CELL", "VOICE"], "work": ["WORK", "VOICE"], "home": ["HOME", "VOICE"], "fax": ["WORK", "FAX"],
              "other": ["VOICE"]}


@dataclass(frozen=True)
class CardExtras:
    """A person's contact points (kind, label, value) and dates (kind, label, month, day, year)."""

    points: tuple[tuple[str, str | None, str], ...] = ()
    dates: tuple[tuple[str, str, int, int, int | None], ...] = ()


def card_extras(db: Database, person_ids: list[int]) -> dict[int, CardExtras]:
    points: dict[int, list] = {}
    dates: dict[int, list] = {}
    with db.read() as session:
        for start in range(0, len(person_ids), 500):
            chunk = person_ids[start:start + 500]
            for pid, kind, label, value in session.execute(
                    sa.select(ContactPoint.person_id, ContactPoint.kind, ContactPoint.label, ContactPoint.value)
                    .where(ContactPoint.person_id.in_(chunk)).order_by(ContactPoint.position, ContactPoint.id)):
                points.setdefault(pid, []).append((kind, label, value))
            for pid, kind, label, month, day, year in session.execute(
                    sa.select(ImportantDate.person_id, ImportantDate.kind, ImportantDate.label, ImportantDate.month,
                              ImportantDate.day, ImportantDate.year)
                    .where(ImportantDate.person_id.in_(chunk)).order_by(ImportantDate.id)):
                dates.setdefault(pid, []).append((kind, label, month, day, year))
    return {pid: CardExtras(tuple(points.get(pid, ())), tuple(dates.get(pid, ())))
            for pid in set(points) | set(dates)}


def apple_date(card, group: str, month: int, day: int, year: int | None, label: str) -> None:
    """item1.X-ABDATE + item1.X-ABLabel, as Apple Contacts writes (1604 and X-APPLE-OMIT-YEAR without a year)."""
    prop = card.add("x-abdate", group=group)
    prop.value = f"{year or quirks.APPLE_NO_YEAR:04d}-{month:02d}-{day:02d}"
    if not year:
        prop.params["X-APPLE-OMIT-YEAR"] = [str(quirks.APPLE_NO_YEAR)]
    card.add("x-ablabel", group=group).value = label


def person_to_vcard(p: PersonCard, *, version: str = "3.0", extras: CardExtras | None = None) -> str:
    extras = extras or CardExtras()
    card = vobject.vCard()
    card.add("fn").value = p.name
    given, family = split_name(p.name)
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    points = list(extras.points)
    if p.email and not any(k == "email" and v.casefold() == p.email.casefold() for k, _l, v in points):
        points.insert(0, ("email", "work", p.email))
    if p.phone and not any(k == "phone" and v == p.phone for k, _l, v in points):
        points.insert(0, ("phone", None, p.phone))
    main_email = (p.email or "").casefold()
    for kind, label, value in points:
        if kind == "email":
            prop = card.add("email")
            prop.value = p.email if value.casefold() == main_email else value
            types = (["INTERNET"] if version == "3.0" else []) + ([label.upper()] if label in ("work", "home") else [])
            if value.casefold() == main_email:
                types.append("PREF") if version == "3.0" else prop.params.setdefault("PREF", ["1"])
            if types:
                prop.params["TYPE"] = types
        elif kind == "phone":
            prop = card.add("tel")
            prop.value = value
            types = list(_TEL_TYPES.get(label or "", ["VOICE"]))
            if value == p.phone:
                types.append("PREF") if version == "3.0" else prop.params.setdefault("PREF", ["1"])
            prop.params["TYPE"] = types
        elif kind == "url":
            prop = card.add("url")
            prop.value = value
            if label in ("work", "home"):
                prop.params["TYPE"] = [label.upper()]
        elif kind == "social":
            prop = card.add("x-socialprofile")
            prop.value = value
            prop.params["TYPE"] = [(label or "social").lower()]
    if p.organisation:
        card.add("org").value = [p.organisation]
    if p.job_title:
        card.add("title").value = p.job_title
    if p.birthday_day and p.birthday_month:
        if p.birthday_year:
            value = f"{p.birthday_year:04d}-{p.birthday_month:02d}-{p.birthday_day:02d}"
            if version == "4.0":
                value = value.replace("-", "")
        else:
            value = f"--{p.birthday_month:02d}{p.birthday_day:02d}"
        card.add("bday").value = value
    for n, (kind, label, month, day, year) in enumerate(extras.dates, start=1):
        if kind == "anniversary":
            card.add("anniversary" if version == "4.0" else "x-anniversary").value = quirks.date_text(month, day, year)
            apple_date(card, f"item{n}", month, day, year, "_$!<Anniversary>!$_")
        else:
            apple_date(card, f"item{n}", month, day, year, label)
    if p.street or p.city or p.postcode or p.country:
        card.add("adr").value = vobject.vcard.Address(
            street=p.street or "", city=p.city or "", code=p.postcode or "", country=p.country or ""
        )
    if p.notes:
        card.add("note").value = p.notes
    text = card.serialize()
    if version == "4.0":
        text = text.replace("VERSION:3.0", "VERSION:4.0", 1)
    return text


@dataclass(frozen=True)
class VcardExport:
    path: Path
    cards: int


def export_vcards(db: Database, *, out: str | Path, person_ids: list[int] | None = None,
                  version: str = "3.0") -> VcardExport:
    """One person, a selection, or everyone (``person_ids=None``) into one .vcf file (0600)."""
    if version not in ("3.0", "4.0"):
        raise ValidationError(_("vCard version must be 3.0 or 4.0."))
    out = user_file(out)
    cards = person_cards(db, person_ids=person_ids)
    extras = card_extras(db, [p.id for p in cards])
    partial = out.with_name(out.name + ".part")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(fd, "w", encoding="utf-8", newline="") as fh:
        for p in cards:
            fh.write(person_to_vcard(p, version=version, extras=extras.get(p.id)))
    partial.replace(out)
    return VcardExport(out, len(cards))
