"""Everything the database holds, table by table, and back into an empty database.

The full export (exchange/export.py) writes this out; ``load_everything`` puts it
back with the same ids in one transaction, so nothing is lost on the way:
every table of the schema is included (a new table is included by itself),
except the change log (``NOT_EXPORTED``).

An export is a file someone may have edited, so every value is checked
against the schema before anything is written (``check_everything``): its
type, SQLite's 64-bit integer range, lengths, finite amounts with at most
two decimals, the words a column allows (stages, kinds ...), booleans
written true/false/1/0/yes/no/ja/nee, no control characters (tabs and line
breaks only in multi-line text), references to rows that exist, and every
setting as the settings page would take it. One bad value refuses the whole
export with one line that names the table, the row and the problem.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass
from decimal import Decimal
from typing import NoReturn

import sqlalchemy as sa
from sqlmodel import SQLModel

from relationapp.data import models  # also registers every table
from relationapp.data.db import Database
from relationapp.data.migrate import SCHEMA_HEAD
from relationapp.errors import ValidationError
from relationapp.services.common import validation
from relationapp.text import formatting
from relationapp.text.catalogue import _, ngettext

FORMAT = "relationapp-export"
FORMAT_VERSION = 1


# which window wrote when, kept 30 days: this database's own history (the import writes its own row)
NOT_EXPORTED = frozenset({models.ChangeLog.__tablename__})


def tables() -> list[sa.Table]:
    """Every table, parents before children."""
    return [t for t in SQLModel.metadata.sorted_tables if t.name not in NOT_EXPORTED]


@dataclass(frozen=True)
class Everything:
    schema: str
    tables: dict[str, list[dict]]  # table name -> rows (column -> Python value)


def read_everything(db: Database) -> Everything:
    out: dict[str, list[dict]] = {}
    with db.read() as session:
        for table in tables():
            pk = list(table.primary_key.columns)
            rows = session.execute(sa.select(table).order_by(*pk)).mappings()
            out[table.name] = [dict(r) for r in rows]
    return Everything(SCHEMA_HEAD, out)


def to_text(value):
    """A value as JSON can hold it (money and dates as text)."""
    if isinstance(value, Decimal):
        return f"{value.quantize(Decimal('0.01'))}"
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value


def is_empty(db: Database) -> bool:
    with db.read() as session:
        for name in ("account", "person", "orders", "interaction", "staff"):
            if session.execute(sa.text(f"SELECT 1 FROM {name} LIMIT 1")).first():  # noqa: S608 (fixed names)
                return False
    return True


# the words a column allows (stored as text, so the schema itself cannot say)
VOCABULARIES: dict[tuple[str, str], tuple[str, ...]] = {
    ("account", "kind"): models.ACCOUNT_KINDS,
    ("account", "stage"): models.STAGES,
    ("account", "journey_stage"): models.JOURNEY_STAGES,
    ("person", "dmu_role"): models.DMU_ROLES,
    ("person", "preferred_channel"): models.CHANNELS,
    ("interaction", "kind"): models.INTERACTION_KINDS,
    ("important_date", "kind"): models.IMPORTANT_DATE_KINDS,
    ("follow_up", "origin"): models.FOLLOW_UP_ORIGINS,
    ("referral", "outcome"): models.REFERRAL_OUTCOMES,
    ("lead_source", "kind"): models.LEAD_SOURCE_KINDS,
    ("stage_change", "from_stage"): models.STAGES,
    ("stage_change", "to_stage"): models.STAGES,
    ("tier_snapshot", "tier"): models.TIERS,
    ("tier_cache", "tier"): models.TIERS,
    ("tier_cache", "dropped_from"): models.TIERS,
    ("planned_visit", "status"): models.VISIT_STATUSES,
    ("content_item", "kind"): models.CONTENT_KINDS,
    ("nurture_enrolment", "stop_reason"): models.NURTURE_STOP_REASONS,
    ("contact_point", "kind"): models.CONTACT_KINDS,
    ("interaction", "direction"): models.MAIL_DIRECTIONS,
    ("mail_sender", "status"): models.MAIL_SENDER_STATUSES,
    ("mail_waiting", "direction"): models.MAIL_DIRECTIONS,
}
# whole numbers with bounds of their own (all of them stay inside SQLite's 64 bits)
BOUNDS: dict[tuple[str, str], tuple[int | None, int | None]] = {
    ("nps_response", "score"): (0, 10),
    ("person", "birthday_day"): (1, 31),
    ("person", "birthday_month"): (1, 12),
    ("important_date", "day"): (1, 31),
    ("important_date", "month"): (1, 12),
    ("important_date", "notice_days"): (0, None),
    ("interaction", "duration_minutes"): (0, None),
    ("planned_visit", "duration_minutes"): (0, None),
}
COORDINATES: dict[tuple[str, str], float] = {("account", "latitude"): 90.0, ("account", "longitude"): 180.0}
PROBLEMS_SHOWN = 3


def _refuse(name: str, value, what: str) -> NoReturn:
    raise ValidationError(_("{name}: {value} is not {what}.").format(name=name, value=validation.described(value),
                                                                     what=what), field=name)


def _moment(name: str, value) -> dt.datetime:
    if not isinstance(value, str):
        _refuse(name, value, _("a date and time"))
    try:
        moment = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        _refuse(name, value, _("a date and time (YYYY-MM-DDTHH:MM:SS)"))
    if moment.tzinfo is not None:  # stored as UTC without a zone, as the program writes it
        try:
            moment = moment.astimezone(dt.timezone.utc).replace(tzinfo=None)
        except OverflowError:
            _refuse(name, value, _("a date and time that exists in UTC"))
    return moment


def _time(name: str, value) -> dt.time:
    if not isinstance(value, str):
        _refuse(name, value, _("a time"))
    try:
        moment = dt.time.fromisoformat(value.strip())
    except ValueError:
        _refuse(name, value, _("a time (HH:MM)"))
    if moment.tzinfo is not None:
        _refuse(name, value, _("a time without a time zone"))
    return moment


def _float(table: sa.Table, name: str, value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        _refuse(name, value, _("a number"))
    try:
        number = float(value)
    except OverflowError:
        _refuse(name, value, _("a number of a sensible size"))
    if not math.isfinite(number):
        _refuse(name, value, _("a finite number"))
    limit = COORDINATES.get((table.name, name))
    if limit is not None and abs(number) > limit:
        raise ValidationError(_("{label} must lie between -{limit} and {limit}.").format(label=name, limit=f"{limit:g}"), field=name)
    return number


def check_value(table: sa.Table, column: sa.Column, value):
    """One value of an export as ``column`` takes it, or a ValidationError (that does not name the row)."""
    name = column.name
    kind = column.type
    if value is None:
        if column.nullable:  # an id too is required: other rows refer to it
            return None
        raise ValidationError(_("{label} is required.").format(label=name), field=name)
    if isinstance(kind, models.Money):
        return validation.money(value, field=name, label=name, allow_negative=True, required=True, decimal_comma=False)
    if isinstance(kind, sa.types.TypeDecorator):
        kind = kind.impl_instance
    if isinstance(kind, sa.DateTime):
        return _moment(name, value)
    if isinstance(kind, sa.Date):
        if not isinstance(value, str) or not value.strip():
            _refuse(name, value, _("a date (YYYY-MM-DD)"))
        return validation.parse_date(value, field=name, label=name, required=True)
    if isinstance(kind, sa.Time):
        return _time(name, value)
    if isinstance(kind, sa.Boolean):
        return validation.boolean(value, field=name, label=name, required=True)
    if isinstance(kind, sa.Float):
        return _float(table, name, value)
    if isinstance(kind, sa.Integer):
        if isinstance(value, bool) or not isinstance(value, int):
            _refuse(name, value, _("a whole number"))
        low, high = BOUNDS.get((table.name, name), (None, None))
        return validation.whole_number(value, field=name, label=name, minimum=low, maximum=high, required=True)
    if isinstance(kind, sa.String):
        if not isinstance(value, str):
            raise ValidationError(_("{label} must be text, not {value}.").format(label=name, value=validation.described(value)),
                                  field=name)
        words = VOCABULARIES.get((table.name, name))
        if words is not None:
            return validation.choice(value, words, field=name, label=name, required=True)
        text = validation.characters(value, field=name, label=name, multiline=kind.length is None)
        if kind.length is not None and len(text) > kind.length:
            raise ValidationError(_("{name} is too long ({count} characters, at most {limit}).").format(
                name=name, count=formatting.current().number(len(text)), limit=formatting.current().number(kind.length)),
                field=name)
        return text
    raise ValidationError(_("{name}: this relationapp cannot read a {kind} column.").format(name=name, kind=kind),
                          field=name)  # a new column type


def _setting_value(key: str, raw: str) -> str:
    """A stored setting as the settings page would take it, written the way it writes it."""
    from relationapp.config import Settings
    from relationapp.services.common import settings as settings_service

    spec = {s.name: s for s in Settings.specs()}.get(key)
    if spec is None:
        raise ValidationError(_("'{key}' is not a setting of this relationapp.").format(key=validation.shown(key)),
                              field="key")
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):
        raise ValidationError(_("{key}: '{value}' is not a readable value.").format(key=key, value=validation.shown(raw)),
                              field=key) from None
    if spec.type in ("str", str):
        if not isinstance(value, str):
            raise ValidationError(_("{label} must be text, not {value}.").format(label=key, value=validation.described(value)),
                                  field=key)
        value = validation.characters(value, field=key, label=key, multiline=True)
    elif isinstance(value, bool) or not isinstance(value, (int, float, str)):
        _refuse(key, value, _("a number"))
    return settings_service._encode(settings_service._check(spec, value))


def _check_header(data, source: str) -> dict:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValidationError(_("{source} is not a relationapp full export.").format(source=source))
    version = data.get("version", FORMAT_VERSION)
    if type(version) is not int or version != FORMAT_VERSION:
        raise ValidationError(_("{source} is a full export of format version {version}; "
                                "this relationapp reads version {supported}.").format(
            source=source, version=validation.shown(version), supported=FORMAT_VERSION))
    if data.get("schema") != SCHEMA_HEAD:
        raise ValidationError(
            _("{source} was made with schema {schema}; this relationapp has {head}.").format(
                source=source, schema=validation.shown(data.get("schema")), head=SCHEMA_HEAD)
        )
    stored = data.get("tables")
    if not isinstance(stored, dict):
        raise ValidationError(_("{source} has no tables.").format(source=source))
    known = [t.name for t in tables()]
    unknown = [name for name in stored if name not in known]
    if unknown:
        raise ValidationError(_("{source} holds a table this relationapp does not know: '{table}'.").format(
            source=source, table=validation.shown(unknown[0])))
    missing = [name for name in known if name not in stored]
    if missing:  # an export holds every table, an empty one as []
        if len(missing) > 1:
            raise ValidationError(_("{source} lacks the table {table} and {count} more; is it cut short?").format(
                source=source, table=missing[0], count=len(missing) - 1))
        raise ValidationError(_("{source} lacks the table {table}; is it cut short?").format(
            source=source, table=missing[0]))
    return stored


def _check_rows(table: sa.Table, rows, problems: list[str]) -> list[tuple[int, dict]]:
    """(row number, checked values) of the good rows; a problem per bad value."""
    if not isinstance(rows, list):
        problems.append(_("table {table} is not a list of rows").format(table=table.name))
        return []
    columns = {c.name: c for c in table.columns}
    out: list[tuple[int, dict]] = []
    for n, row in enumerate(rows, start=1):
        where = _("{table} row {row}").format(table=table.name, row=n)
        if not isinstance(row, dict):
            problems.append(_("{where} is {value}, not a record").format(where=where, value=validation.described(row)))
            continue
        unknown = [k for k in row if k not in columns]
        if unknown:
            problems.append(_("{where} has a column {table} does not have: '{column}'").format(
                where=where, table=table.name, column=validation.shown(unknown[0])))
            continue
        values: dict = {}
        for name, column in columns.items():
            try:
                values[name] = check_value(table, column, row.get(name))
            except ValidationError as exc:
                problems.append(_("{where}: {problem}").format(where=where, problem=exc.message))
        if len(values) < len(columns):
            continue
        if table.name == "setting":
            try:
                values["value"] = _setting_value(values["key"], values["value"])
            except ValidationError as exc:
                problems.append(_("{where}: {problem}").format(where=where, problem=exc.message))
                continue
        out.append((n, values))
    return out


def _unique_keys(table: sa.Table) -> list[tuple[str, ...]]:
    keys = [tuple(c.name for c in table.primary_key.columns)]
    keys += [tuple(c.name for c in con.columns) for con in table.constraints if isinstance(con, sa.UniqueConstraint)]
    keys += [(c.name,) for c in table.columns if c.unique]
    keys += [tuple(c.name for c in ix.columns) for ix in table.indexes if ix.unique]
    return [k for k in dict.fromkeys(keys) if k]


def _check_links(checked: dict[str, list[tuple[int, dict]]], problems: list[str]) -> None:
    """No two rows with one key; every reference to a row the export holds (the database is empty)."""
    for table in tables():
        rows = checked[table.name]
        for key in _unique_keys(table):
            seen: dict[tuple, int] = {}
            for n, values in rows:
                value = tuple(values[c] for c in key)
                if None in value:
                    continue
                if value in seen:
                    problems.append(_("{table} row {row}: {columns} {value} is also in row {other}").format(
                        table=table.name, row=n, columns=", ".join(key),
                        value=validation.shown(value if len(value) > 1 else value[0]), other=seen[value]))
                else:
                    seen[value] = n
        for column in table.columns:
            for fk in column.foreign_keys:
                target = fk.column
                present = {values[target.name] for _n, values in checked[target.table.name]}
                for n, values in rows:
                    value = values[column.name]
                    if value is not None and value not in present:
                        problems.append(_("{table} row {row}: {column} {value} is not in {target}").format(
                            table=table.name, row=n, column=column.name, value=validation.shown(value),
                            target=target.table.name))


def _derive(checked: dict[str, list[dict]]) -> None:
    """Columns the database keeps itself are set as it will: an account's last touch is its latest
    interaction (kept by a trigger), and the pyramid cache is recomputed when first used."""
    latest: dict[int, dt.date] = {}
    for row in checked["interaction"]:
        account_id = row["account_id"]
        if account_id is not None and (account_id not in latest or latest[account_id] < row["occurred_on"]):
            latest[account_id] = row["occurred_on"]
    for row in checked["account"]:
        row["last_touch_on"] = latest.get(row["id"])
    for row in checked["tier_cache_state"]:
        row["valid"] = False


def _refusal(source: str, problems: list[str]) -> str:
    text = "; ".join(p.rstrip(".") for p in problems[:PROBLEMS_SHOWN])
    more = len(problems) - PROBLEMS_SHOWN
    if more > 0:
        text += " " + ngettext("(and {count} more problem)", "(and {count} more problems)", more).format(
            count=formatting.current().number(more))
    return validation.one_line(_("{source}: {problems}. Nothing was imported.").format(source=source, problems=text))


def check_everything(data, *, source: str | None = None) -> dict[str, list[dict]]:
    """A full export (as read from its JSON file) as the rows ``load_everything`` writes, table by
    table, every value checked; one ValidationError with the first problems if any value does not fit."""
    source = source or _("the export")
    stored = _check_header(data, source)
    problems: list[str] = []
    numbered = {table.name: _check_rows(table, stored.get(table.name), problems) for table in tables()}
    if not problems:
        _check_links(numbered, problems)
    if problems:
        raise ValidationError(_refusal(source, problems))
    checked = {name: [values for _n, values in rows] for name, rows in numbered.items()}
    _derive(checked)
    return checked


def counters_past_rows(conn, tables: list[sa.Table]) -> None:
    """On PostgreSQL, every table's key counter (id, or change_log's seq) past the rows written with their
    own keys, so the next record gets a new one (SQLite takes max(rowid) + 1 by itself)."""
    if conn.dialect.name != "postgresql":
        return
    for table in tables:
        key = list(table.primary_key.columns)
        if len(key) == 1 and isinstance(key[0].type, sa.Integer):
            name = key[0].name
            conn.execute(sa.text(f"SELECT setval(pg_get_serial_sequence('{table.name}', '{name}'), "
                                 f"coalesce(max({name}), 0) + 1, false) FROM {table.name} "
                                 f"WHERE pg_get_serial_sequence('{table.name}', '{name}') IS NOT NULL"))


def load_everything(db: Database, *, data: dict, source: str | None = None) -> dict[str, int]:
    """Put a full export (as read from its JSON file) into an EMPTY database; all or nothing.

    Every value is checked first (``check_everything``); returns rows added per table. Settings
    already stored are replaced by the export's.
    """
    source = validation.one_line(str(source or _("the export")))
    _check_header(data, source)
    if not is_empty(db):
        raise ValidationError(_("The database is not empty; import a full export into a new database (--db NEW.db)."))
    checked = check_everything(data, source=source)
    counts: dict[str, int] = {}
    with db.write() as session:
        for table in tables():
            rows = checked[table.name]
            if table.name == "setting":
                session.execute(sa.delete(table))
            if rows:
                try:
                    session.execute(sa.insert(table), rows)
                except sa.exc.IntegrityError as exc:
                    raise ValidationError(validation.one_line(
                        _("{source}: {table} does not fit ({problem}). Nothing was imported.").format(
                            source=source, table=table.name, problem=exc.orig))) from None
            counts[table.name] = len(rows)
        counters_past_rows(session.connection(), tables())
    return counts
