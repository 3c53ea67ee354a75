"""Read and change the settings declared in relationapp.config."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal

from sqlmodel import select

from relationapp.config import Settings
from relationapp.data.db import Database
from relationapp.data.models import Setting, Staff
from relationapp.errors import ValidationError
from relationapp.services.common import validation
from relationapp.text.catalogue import N_, _, for_language


def _decode(spec: dataclasses.Field, raw: str):
    value = json.loads(raw)
    if spec.type in ("Decimal", Decimal):
        return Decimal(str(value))
    return value


def _encode(value) -> str:
    if isinstance(value, Decimal):
        return json.dumps(str(value))
    return json.dumps(value)


# config.Settings declares its default texts in English (no catalogue there); a firm that has not
# typed its own sees them in its language
_WORDED_DEFAULTS = {
    "company_name": N_("My firm"),
    "lead_definition": N_("A person who asked us something about what we sell and agreed to be contacted."),
}


def load(session) -> Settings:
    stored = {row.key: row.value for row in session.exec(select(Setting)).all()}
    values = {}
    for spec in Settings.specs():
        if spec.name in stored:
            try:
                values[spec.name] = _decode(spec, stored[spec.name])
            except (ValueError, TypeError):
                pass  # a damaged value falls back to its default
    language = values.get("language", Settings.language)
    words = for_language(language)
    for name, default in _WORDED_DEFAULTS.items():
        if name not in values:
            values[name] = words(default)
    return Settings(**values)


def get_settings(db: Database) -> Settings:
    with db.read() as session:
        return load(session)


def _check(spec: dataclasses.Field, value):
    meta = spec.metadata
    label = _(meta["label"])
    if spec.type in ("int", int):
        return validation.whole_number(value, field=spec.name, label=label, minimum=meta["min"], maximum=meta["max"], required=True)
    if spec.type in ("Decimal", Decimal):
        amount = validation.money(value, field=spec.name, label=label, required=True)
        if meta["min"] is not None and amount < meta["min"]:
            raise ValidationError(_("{label} must be at least {minimum}.").format(label=label, minimum=meta["min"]), field=spec.name)
        if meta["max"] is not None and amount > meta["max"]:
            raise ValidationError(_("{label} must be at most {maximum}.").format(label=label, maximum=meta["max"]), field=spec.name)
        return amount
    text = "" if value is None else str(value).strip()
    if meta["choices"] and text not in meta["choices"]:
        raise ValidationError(_("{label} must be one of {choices}.").format(label=label, choices=", ".join(meta["choices"])),
                              field=spec.name)
    if len(text) > 2000:
        raise ValidationError(_("{label} is too long.").format(label=label), field=spec.name)
    return text


def set_current_staff(session, staff_id: int) -> None:
    """"I am" inside a caller's transaction (a staff member saved as "this is me"); 0 is nobody."""
    session.merge(Setting(key="current_staff_id", value=_encode(staff_id)))


def update_settings(db: Database, **changes) -> Settings:
    specs = {spec.name: spec for spec in Settings.specs()}
    unknown = set(changes) - set(specs)
    if unknown:
        raise ValidationError(_("Unknown setting: {names}.").format(names=", ".join(sorted(unknown))))
    checked = {name: _check(specs[name], value) for name, value in changes.items()}
    if not checked.get("company_name", "x"):
        raise ValidationError(_("Company name cannot be empty."), field="company_name")
    with db.write() as session:
        if checked.get("current_staff_id") and session.get(Staff, checked["current_staff_id"]) is None:
            raise ValidationError(_("Staff member #{id} does not exist.").format(id=checked["current_staff_id"]),
                                  field="current_staff_id")
        current = load(session)
        merged = dataclasses.replace(current, **checked)
        if merged.tier_top_pct + merged.tier_big_pct + merged.tier_medium_pct > 100:
            raise ValidationError(_("Top, Big and Medium together cannot exceed 100 % of customers."))
        for name, value in checked.items():
            session.merge(Setting(key=name, value=_encode(value)))
        return merged
