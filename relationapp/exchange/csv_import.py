"""CSV import: preview every row's problems, then commit all or nothing.

``preview_csv`` reads the file (encoding, delimiter, columns, number and
date conventions), checks every row and returns what would be added, with
each problem as "file row N: problem". ``commit_csv`` hands the good rows
to one bulk service call (one transaction); with a bad row it refuses
unless told to skip bad rows. Nothing here writes SQL.

People keep every phone, e-mail and web page column as contact points
(``PersonInput.contact_points``: (kind, label, value) in the file's order,
the main ones too): Google's " ::: " cells are split, each value typed from
its "- Type" column, Outlook's typed from the header ("Mobile Phone" ->
mobile). The main phone and e-mail on the person: see ``columns``. A bad
value names its column: "people.csv row 4: Mobile Phone: 'x' is not a
valid phone number." A row with more cells than the header is fine when
the extra cells are empty, a problem when one holds a value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from relationapp.data.db import Database
from relationapp.errors import ValidationError
from relationapp.exchange import columns, conventions
from relationapp.exchange.conventions import Conventions
from relationapp.exchange.csv_write import unneutralise
from relationapp.exchange.row_check import RowChecker, one_line_refusals
from relationapp.files import csv_read
from relationapp.services.common import validation
from relationapp.services.customers.accounts import clean_fields as clean_account_fields
from relationapp.services.customers.matching import email_key, name_key
from relationapp.services.customers.people import clean_fields as clean_person_fields
from relationapp.services.data_care.bulk_import import (
    AccountInput,
    AccountLookup,
    InteractionInput,
    PersonInput,
    account_lookup,
    add_accounts,
    add_interactions,
    add_people,
    collector_paused,
    unreferenced_orders,
)
from relationapp.text import formatting
from relationapp.text.catalogue import _, ngettext

MAX_PROBLEMS_IN_MESSAGE = 5
SHOWN_CELL_CHARS = 200  # a preview cell is cut to this many characters


@dataclass(frozen=True)
class PreviewRow:
    row: int
    cells: tuple[str, ...]  # the mapped cells as read, in ``ImportPreview.fields`` order
    problems: tuple[str, ...]

    def value(self, index: int) -> str:
        """Cell ``index`` as the preview shows it (one line, cut): made when it is shown, not for every cell of
        100,000 rows up front (that was a tenth of a large import)."""
        return validation.shown(self.cells[index], limit=SHOWN_CELL_CHARS) if index < len(self.cells) else ""

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(self.value(i) for i in range(len(self.cells)))


@dataclass(frozen=True)
class ImportPreview:
    path: Path
    kind: str
    encoding: str
    delimiter: str
    conventions: Conventions
    fields: tuple[str, ...]  # field names shown, in order
    labels: tuple[str, ...]
    mapping: dict[str, str]  # column header -> field
    ignored_columns: tuple[str, ...]
    rows: tuple[PreviewRow, ...]
    inputs: tuple = field(repr=False, default=())  # checked inputs of the good rows

    @property
    def bad_rows(self) -> tuple[PreviewRow, ...]:
        return tuple(r for r in self.rows if r.problems)

    @property
    def problems(self) -> list[str]:
        return [p for r in self.rows for p in r.problems]


@dataclass(frozen=True)
class ImportResult:
    kind: str
    added: int
    existing: int
    skipped_bad: int
    accounts_added: int = 0


@dataclass(frozen=True)
class CsvColumns:
    """A file's columns and what each would be imported as (for choosing a mapping)."""

    path: Path
    encoding: str
    delimiter: str
    header: tuple[str, ...]
    mapping: dict[str, str | None]  # header -> field, None = not imported
    fields: dict[str, str]  # field -> label, for this kind
    missing: tuple[str, ...]  # labels of required fields without a column


def inspect_csv(*, path: str | Path, kind: str, mapping: str | dict | None = None) -> CsvColumns:
    path = Path(path)
    table = csv_read.read_table(path)
    by_index = columns.load_mapping(mapping, table.header, kind)
    return CsvColumns(
        path=path, encoding=table.encoding, delimiter=table.delimiter, header=table.header,
        mapping={h: by_index.get(i) for i, h in enumerate(table.header)},
        fields=dict(columns.FIELDS[kind]), missing=tuple(columns.missing_required(by_index, kind)),
    )


def _mapping_by_header(table: csv_read.CsvTable, mapping: dict[int, str]) -> dict[str, str]:
    return {table.header[i]: f for i, f in mapping.items()}


@dataclass(frozen=True)
class ContactValue:
    """One phone number, e-mail address or web page a row holds, with the column it came from."""

    field: str  # "phone", "email", "website"
    column: str  # the column's header, to name it in a problem
    value: str
    label: str | None  # "work", "mobile", "home", "fax", "other"; None when the file does not say
    preferred: bool = False  # Google's "* " before the type


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(columns.MULTI_VALUE_SEPARATOR.strip())] if text else []


def _contact_values(rec: csv_read.CsvRecord, contact_cols, header: tuple[str, ...]) -> list[ContactValue]:
    """Every value of the contact columns; Google's " ::: " values split, each paired with its type."""
    out: list[ContactValue] = []
    for col in contact_cols:
        cell = rec.cells[col.index] if col.index < len(rec.cells) else ""
        if cell[:1] == "'":
            cell = unneutralise(cell)
        values = [v for v in _split(cell.strip())]
        if not any(values):
            continue
        types = _split(rec.cells[col.type_index].strip()) if col.type_index is not None and col.type_index < len(rec.cells) else []
        for n, value in enumerate(values):
            if not value:
                continue
            label, preferred = col.label, False
            if types:
                word = types[n] if len(types) == len(values) else types[0]
                found, preferred = columns.type_label(word)
                label = found or label
                preferred = preferred and (n == 0 or len(types) == len(values))
            out.append(ContactValue(col.field, header[col.index], value, label, preferred))
    return out


def _raw_rows(table: csv_read.CsvTable, mapping: dict[int, str], label: Callable[[int], str], kind: str = ""):
    """(row, {field: text}, [problems], [contact values]) per record; a ragged row is a problem, not a crash.

    Spreadsheets often end a row with an empty cell more than the header has; that is fine. A real
    value after the last column is a problem: it belongs to no column."""
    width = len(table.header)
    contact_cols = columns.contact_columns(table.header, mapping, kind)
    multi = columns.MULTI_FIELDS.get(kind, ())
    for rec in table.records:
        problems = []
        extra = [c for c in rec.cells[width:] if c.strip()]
        if extra:
            problems.append(_("{where}: an extra value '{value}' after the last column.").format(
                where=label(rec.row), value=validation.shown(extra[0].strip(), limit=60)))
        raw: dict[str, str] = {}
        for i, fname in mapping.items():
            if fname in multi:
                continue  # the contact values below
            value = rec.cells[i] if i < len(rec.cells) else ""
            if value[:1] == "'":
                value = unneutralise(value)
            if fname in raw and raw[fname].strip():
                continue  # two columns for one field: the first filled wins
            raw[fname] = value
        contacts = _contact_values(rec, contact_cols, table.header) if contact_cols else []
        for fname in multi:
            if fname in mapping.values():  # the preview shows every value of the field
                raw[fname] = ", ".join(c.value for c in contacts if c.field == fname)
        yield rec.row, raw, problems, contacts


_KIND_WORDS = {"bedrijf": "organisation", "organisatie": "organisation", "company": "organisation",
               "particulier": "private", "person": "private", "persoon": "private"}
_STAGE_WORDS = {"klant": "customer", "prospect": "prospect", "lead": "mql", "verdacht": "suspect",
                "inactief": "inactive", "oud-klant": "inactive", "former": "inactive"}


def _clean_texts(clean, texts: dict, check: RowChecker) -> dict:
    """A service's field check: the usual good row in one call, a bad one field by field to name every problem."""
    try:
        return clean(texts)
    except ValidationError:
        values: dict = {}
        for key, value in texts.items():
            values.update(check.take(clean, {key: value}) or {})
        return values


_ACCOUNT_TEXT = ("name", "street", "postcode", "city", "region", "country", "phone", "email", "website",
                 "source_detail", "notes")


def _street(raw: dict) -> dict:
    """Address books write a street over several lines ("Kerkstraat 1", "Gebouw B"); we keep it on
    one, the lines joined with commas."""
    if "\n" in raw.get("street", "") or "\r" in raw.get("street", ""):
        return {**raw, "street": ", ".join(line.strip() for line in raw["street"].splitlines() if line.strip())}
    return raw


def _account_row(raw: dict, conv: Conventions, check: RowChecker) -> AccountInput:
    raw = _street(raw)
    values = _clean_texts(clean_account_fields, {k: raw[k] for k in _ACCOUNT_TEXT if k in raw}, check)
    if raw.get("kind", "").strip():
        word = raw["kind"].strip().lower()
        cleaned = check.take(clean_account_fields, {"kind": _KIND_WORDS.get(word, word)})
        if cleaned:
            values.update(cleaned)
    if raw.get("stage", "").strip():
        word = raw["stage"].strip().lower()
        cleaned = check.take(clean_account_fields, {"stage": _STAGE_WORDS.get(word, word)})
        if cleaned:
            values.update(cleaned)
    if "customer_since" in raw:
        values["customer_since"] = check.take(conventions.parse_day, raw["customer_since"], conv, label=_("Customer since"))
    if "annual_budget" in raw:
        amount = check.take(conventions.parse_amount, raw["annual_budget"], conv, label=_("Annual budget"))
        values["annual_budget"] = check.take(validation.money, amount, field="annual_budget", label=_("Annual budget"))
    for key, label in (("source", _("Lead source")), ("brought_in_by", _("Brought in by"))):
        if raw.get(key, "").strip():
            values[key] = check.take(validation.text, raw[key], field=key, label=label, max_length=200)
    if not values.get("name"):
        if not any(p.startswith(f"{check.where}: {_('Name')} ") for p in check.problems):
            check.problems.append(_("{where}: Name cannot be empty.").format(where=check.where))
        return None
    return AccountInput(**{k: v for k, v in values.items() if v is not None})


def _person_name(raw: dict) -> str:
    name = raw.get("name", "").strip()
    if name:
        return name
    return " ".join(raw.get(k, "").strip() for k in ("first_name", "middle_name", "last_name") if raw.get(k, "").strip())


_PERSON_TEXT = ("job_title", "email", "phone", "dmu_role", "preferred_channel", "family_notes", "personal_notes")


_CONTACT_CHECKS = {
    "phone": lambda v: validation.phone(v),
    "email": lambda v: validation.email(v),
    "website": lambda v: validation.text(v, field="website", label=_("Website"), max_length=500),
}
_MAIN_PHONE_ORDER = ("mobile", "work")  # after the preferred one; then any that is not a fax


def _main(values: list[tuple[ContactValue, str]], field_name: str) -> str | None:
    """The value that goes on the person: see columns' docstring."""
    mine = [(c, v) for c, v in values if c.field == field_name]
    if not mine:
        return None
    for c, v in mine:
        if c.preferred:
            return v
    if field_name == "phone":
        for label in _MAIN_PHONE_ORDER:
            for c, v in mine:
                if c.label == label:
                    return v
        for c, v in mine:
            if c.label != "fax":
                return v
    return mine[0][1]


def _checked_contacts(contacts: list[ContactValue], check: RowChecker) -> tuple[dict, tuple]:
    """({"phone": main, "email": main}, contact points) from a row's contact values; each bad one a problem
    naming its row and its column."""
    good: list[tuple[ContactValue, str]] = []
    for c in contacts:
        # "people.csv row 4: Mobile Phone: '...' is not a valid phone number."
        column_check = RowChecker(_("{where}: {problem}").format(where=check.where, problem=validation.shown(c.column, limit=60)))
        value = column_check.take(_CONTACT_CHECKS[c.field], c.value)
        check.problems.extend(column_check.problems)
        if value:
            good.append((c, value.lower() if c.field == "email" else value))
    points: list[tuple[str, str | None, str]] = []
    for c, v in good:
        point = (columns.CONTACT_KIND[c.field], c.label, v)
        if not any(p[0] == point[0] and p[2].casefold() == v.casefold() for p in points):
            points.append(point)
    main = {f: _main(good, f) for f in ("phone", "email")}
    if main["email"]:  # the person keeps the address as written; the contact point in lower case
        main["email"] = next(c.value.strip() for c, v in good if c.field == "email" and v == main["email"])
    return main, tuple(points)


def person_input(raw: dict, conv: Conventions, check: RowChecker, contacts: list[ContactValue] | None = None) -> PersonInput:
    """A checked person from a row's fields; ``contacts`` are every phone, e-mail and web page it holds."""
    raw = _street(raw)
    points: tuple = ()
    if contacts is not None:
        main, points = _checked_contacts(contacts, check)
        raw = {k: v for k, v in raw.items() if k not in ("phone", "email", "website")}
        raw.update({k: v for k, v in main.items() if v})
    texts = {"name": _person_name(raw), **{k: raw[k] for k in _PERSON_TEXT if k in raw}}
    values = _clean_texts(clean_person_fields, texts, check)
    for key, label, length in (("account", "Organisation", 300), ("street", "Street", 300), ("postcode", "Postcode", 20),
                               ("city", "City", 200), ("country", "Country", 100)):
        if key in raw:
            values[key] = check.take(validation.text, raw[key], field=key, label=label, max_length=length)
    parts = None
    if raw.get("birthday", "").strip():
        parts = check.take(conventions.parse_birthday, raw["birthday"], conv, label=_("Birthday"))
    elif any(raw.get(k, "").strip() for k in ("birthday_day", "birthday_month", "birthday_year")):
        parts = tuple(check.take(validation.whole_number, raw.get(k, "").strip(), field="birthday", label=_("Birthday"))
                      for k in ("birthday_day", "birthday_month", "birthday_year"))
    if parts:
        checked = check.take(validation.month_day, *parts, field="birthday", label=_("Birthday"))
        if checked:
            values.update(birthday_day=checked[0], birthday_month=checked[1], birthday_year=checked[2])
    if "do_not_contact" in raw:
        values["do_not_contact"] = bool(check.take(conventions.parse_yes_no, raw["do_not_contact"], label=_("Do not contact")))
    if "consent_date" in raw:
        values["consent_date"] = check.take(conventions.parse_day, raw["consent_date"], conv, label=_("Consent date"))
    if not values.get("name"):
        return None
    if points:
        values["contact_points"] = points
    return PersonInput(**{k: v for k, v in values.items() if v is not None})


_ACCOUNT_NUMBER = re.compile(r"#?([0-9]{1,19})")  # an account's id, in the digits 0-9 only


def _resolve_account(raw: dict, lookup: AccountLookup, check: RowChecker) -> int | None:
    """The account a row names, by its name or by its number (its id); a problem if there is none or more."""
    text = raw.get("account", "").strip()
    if not text:
        check.problems.append(_("{where}: no account given.").format(where=check.where))
        return None
    ids = lookup.ids_by_name.get(name_key(text), ())
    number = _ACCOUNT_NUMBER.fullmatch(text)
    if not ids and number and int(number.group(1)) in lookup.account_ids:
        return int(number.group(1))
    if not ids:
        if number:
            problem = _("{where}: there is no account called '{name}' nor one with that number; "
                        "import the accounts first.")
        else:
            problem = _("{where}: there is no account called '{name}'; import the accounts first.")
        check.problems.append(problem.format(where=check.where, name=validation.shown(text)))
        return None
    if len(ids) > 1:
        check.problems.append(_("{where}: {count} accounts are called '{name}'; merge the duplicates first.").format(
            where=check.where, count=len(ids), name=validation.shown(text)))
        return None
    return ids[0]


def _order_row(raw: dict, conv: Conventions, check: RowChecker, lookup: AccountLookup, row: int):
    from relationapp.services.value.orders import OrderInput

    account_id = _resolve_account(raw, lookup, check)
    ordered_on = check.take(conventions.parse_day, raw.get("ordered_on", ""), conv, label=_("Date"))
    if ordered_on is None and not any(_("Date") in p for p in check.problems):
        check.problems.append(_("{where}: Date is required.").format(where=check.where))
    amount = check.take(conventions.parse_amount, raw.get("amount", ""), conv, label=_("Amount"))
    amount = check.take(validation.money, amount, field="amount", label=_("Amount"), allow_negative=True, required=True)
    cost = check.take(conventions.parse_amount, raw.get("cost_of_goods", ""), conv, label=_("Cost of goods"))
    cost = check.take(validation.money, cost, field="cost_of_goods", label=_("Cost of goods"), allow_negative=True)
    reference = check.take(validation.text, raw.get("reference"), field="reference", label=_("Reference"), max_length=100)
    description = check.take(validation.text, raw.get("description"), field="description", label=_("Description"), max_length=500)
    if check.problems:
        return None
    return OrderInput(account_id=account_id, ordered_on=ordered_on, amount=amount, cost_of_goods=cost,
                      reference=reference, description=description, row=row)


_INTERACTION_WORDS = {"bezoek": "visit", "telefoon": "call", "gesprek": "call", "belletje": "call", "mail": "email",
                      "e-mail": "email", "afspraak": "meeting", "vergadering": "meeting", "evenement": "event",
                      "cadeau": "gift", "kaart": "card", "notitie": "note"}


def _interaction_row(raw: dict, conv: Conventions, check: RowChecker, lookup: AccountLookup) -> InteractionInput:
    from relationapp.data.models import INTERACTION_KINDS

    account_id = _resolve_account(raw, lookup, check)
    occurred_on = check.take(conventions.parse_day, raw.get("occurred_on", ""), conv, label=_("Date"))
    if occurred_on is None and not any(_("Date") in p for p in check.problems):
        check.problems.append(_("{where}: Date is required.").format(where=check.where))
    word = raw.get("kind", "").strip().lower() or "note"
    kind = check.take(validation.choice, _INTERACTION_WORDS.get(word, word), INTERACTION_KINDS, field="kind", label=_("Kind"))
    minutes = check.take(validation.whole_number, raw.get("duration_minutes", "").strip(), field="duration_minutes",
                         label=_("Minutes"), minimum=0, maximum=24 * 60)
    subject = check.take(validation.text, raw.get("subject"), field="subject", label=_("Subject"), max_length=500)
    notes = check.take(validation.long_text, raw.get("notes"), field="notes", label=_("Notes"))
    gift = check.take(validation.text, raw.get("gift_item"), field="gift_item", label=_("Gift"), max_length=300)
    cost = check.take(conventions.parse_amount, raw.get("gift_cost", ""), conv, label=_("Gift cost"))
    cost = check.take(validation.money, cost, field="gift_cost", label=_("Gift cost"))
    source = check.take(validation.text, raw.get("source"), field="source", label=_("Lead source"), max_length=200)
    people: list[int] = []
    for who in (w.strip() for w in raw.get("person", "").replace(";", ",").split(",")):
        if not who or account_id is None:
            continue
        known = lookup.people_by_account.get(account_id, {})
        found = known.get(email_key(who) or "") or known.get(name_key(who))
        if found is None:
            check.problems.append(_("{where}: '{who}' is not one of this account's people.").format(
                where=check.where, who=validation.shown(who)))
        else:
            people.append(found)
    if check.problems:
        return None
    return InteractionInput(account_id=account_id, occurred_on=occurred_on, kind=kind, duration_minutes=minutes or 0,
                            subject=subject, notes=notes, person_ids=tuple(people), gift_item=gift, gift_cost=cost,
                            source=source)


@one_line_refusals
def preview_csv(
    db: Database,
    *,
    path: str | Path,
    kind: str,
    mapping: str | dict | None = None,
    decimal_comma: bool | None = None,
    day_first: bool | None = None,
    delimiter: str | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> ImportPreview:
    """Read and check the whole file; nothing is written. Raises for a file that cannot be read at all
    (empty, binary, no recognisable columns, ambiguous conventions). ``progress(done, total, text)``
    is called now and then, for a progress bar."""
    if kind not in columns.KINDS:
        raise ValidationError(_("Unknown import kind '{kind}' (use {kinds}).").format(
            kind=validation.shown(kind), kinds=", ".join(columns.KINDS)))
    with collector_paused():
        table = csv_read.read_table(Path(path), delimiter=delimiter)
        return preview_table(db, table=table, kind=kind, mapping=mapping, decimal_comma=decimal_comma,
                             day_first=day_first, progress=progress)


@one_line_refusals
def preview_table(
    db: Database,
    *,
    table: csv_read.CsvTable,
    kind: str,
    mapping: str | dict | None = None,
    decimal_comma: bool | None = None,
    day_first: bool | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> ImportPreview:
    """``preview_csv`` for a table already read (its cells may hold anything a str can)."""
    path = table.path
    if kind not in columns.KINDS:
        raise ValidationError(_("Unknown import kind '{kind}' (use {kinds}).").format(
            kind=validation.shown(kind), kinds=", ".join(columns.KINDS)))
    by_index = columns.load_mapping(mapping, table.header, kind)
    missing = columns.missing_required(by_index, kind)
    if missing:
        headers = validation.shown(", ".join(h for h in table.header if h), limit=200)
        raise ValidationError(
            _("{file}: no column for {fields} among the headers ({headers}); give a mapping with --map.").format(
                file=path.name, fields=", ".join(missing), headers=headers)
        )
    if day_first is None and isinstance(mapping, str) and mapping in columns.PRESET_DAY_FIRST:
        day_first = columns.PRESET_DAY_FIRST[mapping]
    money_cols = [i for i, f in by_index.items() if f in columns.MONEY_FIELDS]
    date_cols = [i for i, f in by_index.items() if f in columns.DATE_FIELDS]
    conv = conventions.detect(
        numbers=(r.cells[i] for r in table.records for i in money_cols if i < len(r.cells)),
        dates=(r.cells[i] for r in table.records for i in date_cols if i < len(r.cells)),
        delimiter=table.delimiter, decimal_comma=decimal_comma, day_first=day_first, file_label=path.name,
    )
    lookup = account_lookup(db, with_people=(kind == "interactions")) if kind in ("orders", "interactions") else None
    shown = tuple(f for f in columns.FIELDS[kind] if f in by_index.values())

    file_name = validation.one_line(path.name)

    def where(row: int) -> str:
        return _("{file} row {row}").format(file=file_name, row=row)

    rows: list[PreviewRow] = []
    inputs: list = []
    total = len(table.records)
    for done, (row, raw, problems, contacts) in enumerate(_raw_rows(table, by_index, where, kind)):
        if progress is not None and done % 2000 == 0:
            progress(done, total, _("Checking row {row} of {total}").format(
                row=formatting.current().number(done + 1), total=formatting.current().number(total)))
        check = RowChecker(where(row))
        check.problems.extend(problems)
        if kind == "accounts":
            item = _account_row(raw, conv, check)
        elif kind == "people":
            item = person_input(raw, conv, check, contacts)
            if item is None and not check.problems:
                check.problems.append(_("{where}: Name cannot be empty.").format(where=where(row)))
        elif kind == "orders":
            item = _order_row(raw, conv, check, lookup, row)
        else:
            item = _interaction_row(raw, conv, check, lookup)
        rows.append(PreviewRow(row, tuple(raw.get(f, "") for f in shown), tuple(check.problems)))
        if not check.problems and item is not None:
            inputs.append(item)
    if kind == "orders":
        inputs = _drop_known_unreferenced(db, inputs)
    return ImportPreview(
        path=path, kind=kind, encoding=table.encoding, delimiter=table.delimiter, conventions=conv,
        fields=shown, labels=tuple(columns.FIELDS[kind][f] for f in shown),
        mapping=_mapping_by_header(table, by_index),
        ignored_columns=tuple(validation.shown(h) for i, h in enumerate(table.header) if i not in by_index and h),
        rows=tuple(rows), inputs=tuple(inputs),
    )


def _drop_known_unreferenced(db: Database, orders: list) -> list:
    """Orders without a reference are matched on account, date, amount and description."""
    plain = [o for o in orders if o.reference is None]
    if not plain:
        return orders
    known = unreferenced_orders(db, account_ids=sorted({o.account_id for o in plain}))
    kept = []
    for o in orders:
        if o.reference is None:
            key = (o.account_id, o.ordered_on, o.amount, o.description or "")
            if key in known:
                continue
            known.add(key)
        kept.append(o)
    return kept


def problems_message(preview: ImportPreview) -> str:
    problems = preview.problems
    text = "; ".join(validation.one_line(p).rstrip(".") for p in problems[:MAX_PROBLEMS_IN_MESSAGE])
    more = len(problems) - MAX_PROBLEMS_IN_MESSAGE
    if more > 0:
        text += " " + ngettext("(and {count} more problem)", "(and {count} more problems)", more).format(
            count=formatting.current().number(more))
    return _("{problems}. Nothing was imported; fix the file or skip the bad rows.").format(problems=text)


@one_line_refusals
def commit_csv(db: Database, *, preview: ImportPreview, skip_bad_rows: bool = False) -> ImportResult:
    """Write the previewed rows in one transaction; a bad row stops everything unless skipped."""
    bad = len(preview.bad_rows)
    if bad and not skip_bad_rows:
        raise ValidationError(problems_message(preview))
    with collector_paused():
        return _commit(preview, db, bad)


def _commit(preview: ImportPreview, db: Database, bad: int) -> ImportResult:
    inputs = list(preview.inputs)
    accounts_added = 0
    if preview.kind == "accounts":
        result = add_accounts(db, accounts=inputs)
    elif preview.kind == "people":
        result = add_people(db, people=inputs)
        accounts_added = result.accounts_added
    elif preview.kind == "interactions":
        result = add_interactions(db, interactions=inputs)
    else:
        from relationapp.services.value.orders import add_orders

        done = add_orders(db, orders=inputs)
        known_before = sum(1 for r in preview.rows if not r.problems) - len(inputs)
        return ImportResult("orders", done.added, done.skipped_duplicates + known_before, bad)
    return ImportResult(preview.kind, result.added, result.existing, bad, accounts_added)


def import_csv(db: Database, *, path: str | Path, kind: str, skip_bad_rows: bool = False, **options) -> ImportResult:
    return commit_csv(db, preview=preview_csv(db, path=path, kind=kind, **options), skip_bad_rows=skip_bad_rows)
