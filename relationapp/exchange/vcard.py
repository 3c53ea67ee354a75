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
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator

import vobject

from relationapp.data.db import Database
from relationapp.errors import ValidationError
from relationapp.exchange.conventions import Conventions
from relationapp.exchange.csv_import import ImportResult, person_input
from relationapp.exchange.row_check import RowChecker, one_line_refusals
from relationapp.files.paths import user_file
from relationapp.services.common.validation import one_line, shown
from relationapp.services.customers.person_cards import PersonCard, person_cards
from relationapp.services.data_care.bulk_import import PersonInput, add_people
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


def card_to_raw(card) -> dict[str, str]:
    """A parsed card as the field texts the person check takes."""
    raw: dict[str, str] = {}
    fn = _text(_values(card, "fn")[0].value).strip() if _values(card, "fn") else ""
    if not fn and _values(card, "n"):
        n = _values(card, "n")[0].value
        fn = " ".join(p for p in (_text(n.prefix), _text(n.given), _text(n.additional), _text(n.family)) if p.strip())
    raw["name"] = fn
    extra: list[str] = []
    emails = [_text(p.value).strip() for p in _preferred(_values(card, "email"))]
    emails = [e for e in emails if e]
    if emails:
        raw["email"] = emails[0]
        extra += [_("Also e-mail: {email}").format(email=e) for e in emails[1:]]
    phones = [_text(p.value).strip() for p in _preferred(_values(card, "tel"))]
    phones = [p.removeprefix("tel:") for p in phones if p]
    if phones:
        raw["phone"] = phones[0]
        extra += [_("Also phone: {phone}").format(phone=p) for p in phones[1:]]
    if _values(card, "org"):
        org = _values(card, "org")[0].value
        raw["account"] = (org[0] if isinstance(org, list) and org else _text(org)).strip()
    if _values(card, "title"):
        raw["job_title"] = _text(_values(card, "title")[0].value)
    if _values(card, "bday"):
        raw["birthday"] = _text(_values(card, "bday")[0].value).split("T")[0].strip()
    if _values(card, "adr"):
        adr = _values(card, "adr")[0].value
        if hasattr(adr, "street"):
            raw.update(street=_text(adr.street), postcode=_text(adr.code), city=_text(adr.city),
                       country=_text(adr.country))
    note = "\n".join(_text(p.value) for p in _values(card, "note")).strip()
    raw["personal_notes"] = "\n".join([note, *extra] if note else extra)
    return raw


@one_line_refusals
def preview_vcards(path: str | Path, *, photo_limit: int = PHOTO_LIMIT_BYTES) -> VcardPreview:
    """Read and check every card; nothing is written."""
    path = Path(path)
    file_name = one_line(path.name)
    cards: list[CardPreview] = []
    inputs: list[PersonInput] = []
    for raw_card in iter_cards(path, photo_limit=photo_limit):
        where = _("{file} card {number} (line {line})").format(file=file_name, number=raw_card.number, line=raw_card.line)
        if raw_card.problem:
            cards.append(CardPreview(raw_card.number, "", (one_line(raw_card.problem),), raw_card.notes))
            continue
        try:
            card = vobject.readOne(raw_card.text, validate=False)
            fields = card_to_raw(card)
        except Exception as exc:  # vobject raises ParseError, but also ValueError/IndexError on junk
            message = re.sub(r"^At line \d+: ", "", str(exc)).strip() or type(exc).__name__
            cards.append(CardPreview(raw_card.number, "", (_("{where}: cannot be read: {problem}").format(
                where=where, problem=shown(message, limit=200)),),
                                     raw_card.notes))
            continue
        notes = list(raw_card.notes)
        if fields.get("birthday") and not _BIRTHDAY.match(fields["birthday"]):
            # vCard 4.0 allows a text birthday ("circa 1800"): the person is imported without it
            notes.append(_("{where}: birthday '{value}' is not a date; left out.").format(
                where=where, value=shown(fields.pop("birthday"))))
        check = RowChecker(where)
        person = person_input(fields, _ISO, check)
        if person is None and not check.problems:
            check.problems.append(_("{where}: the card has no name.").format(where=where))
        cards.append(CardPreview(raw_card.number, shown(fields.get("name", ""), limit=200), tuple(check.problems),
                                 tuple(notes)))
        if person is not None and not check.problems:
            inputs.append(person)
    return VcardPreview(path, tuple(cards), tuple(inputs))


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
    result = add_people(db, people=list(preview.inputs))
    return ImportResult("people", result.added, result.existing, bad, result.accounts_added)


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


def person_to_vcard(p: PersonCard, *, version: str = "3.0") -> str:
    card = vobject.vCard()
    card.add("fn").value = p.name
    given, family = split_name(p.name)
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    if p.email:
        email = card.add("email")
        email.value = p.email
        email.type_param = "INTERNET" if version == "3.0" else "work"
    if p.phone:
        card.add("tel").value = p.phone
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
    partial = out.with_name(out.name + ".part")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(fd, "w", encoding="utf-8", newline="") as fh:
        for p in cards:
            fh.write(person_to_vcard(p, version=version))
    partial.replace(out)
    return VcardExport(out, len(cards))
