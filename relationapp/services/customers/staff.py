"""Staff members (account managers) and the lead sources we know."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import LeadSource, Staff
from relationapp.services.common import settings as settings_service
from relationapp.services.common import validation
from relationapp.services.common.versions import check_version
from relationapp.services.customers import sign_in
from relationapp.text.catalogue import _


@dataclass(frozen=True)
class StaffRow:
    id: int
    name: str
    email: str | None
    hourly_cost: Decimal | None
    active: bool
    version: int = 1  # what an edit saves with (expected_version)
    has_password: bool = False  # signs in with one (services.customers.sign_in); the hash never leaves the service
    manages_staff: bool = False  # may set others' passwords and mark them as left (sign_in.guard)


@dataclass(frozen=True)
class LeadSourceRow:
    id: int
    name: str
    kind: str


def _cleaned(changes: dict) -> dict:
    """The fields a staff member has, checked (name, e-mail, hourly cost, active)."""
    unknown = set(changes) - {"name", "email", "hourly_cost", "active"}
    if unknown:
        raise validation.ValidationError(_("Unknown field: {name}").format(name=", ".join(sorted(unknown))))
    checks = {"name": lambda v: validation.text(v, field="name", label=_("Name"), required=True, max_length=200),
              "email": validation.email,
              "hourly_cost": lambda v: validation.money(v, field="hourly_cost", label=_("Hourly cost")),
              "active": bool}
    return {key: checks[key](value) for key, value in changes.items()}


def _set_me(session, staff: Staff, me: bool | None) -> None:
    """``me``: True makes them "I am", False stops them being it, None leaves it."""
    current = settings_service.load(session).current_staff_id
    if me and current != staff.id:
        settings_service.set_current_staff(session, staff.id)
    elif me is False and current == staff.id:
        settings_service.set_current_staff(session, 0)


def create_staff(db: Database, *, name: str, email: str | None = None, hourly_cost=None,
                 me: bool = False) -> StaffRow:
    """A new staff member; with ``me``, also "I am", in the same transaction."""
    staff = Staff(**_cleaned({"name": name, "email": email, "hourly_cost": hourly_cost}))
    with db.write() as session:
        session.add(staff)
        session.flush()
        _set_me(session, staff, me)
        return _row(staff)


def _row(staff: Staff) -> StaffRow:
    return StaffRow(staff.id, staff.name, staff.email, staff.hourly_cost, staff.active, staff.version,
                    staff.password_hash is not None, bool(staff.manages_staff))


def get_staff(db: Database, *, staff_id: int) -> StaffRow:
    from relationapp.errors import NotFound

    with db.read() as session:
        staff = session.get(Staff, staff_id)
        if staff is None:
            raise NotFound(_("No staff member {id}.").format(id=staff_id))
        return _row(staff)


def update_staff(db: Database, *, staff_id: int, expected_version: int | None = None, me: bool | None = None,
                 **changes) -> StaffRow:
    """Change a staff member's name, e-mail, hourly cost or ``active`` (someone who left stays on their
    accounts and touches, but no longer in the choices). With ``expected_version`` (the form's) a newer
    stored staff member raises ConflictError; ``me`` as for create_staff (False: no longer "I am")."""
    from relationapp.errors import NotFound

    values = _cleaned(changes)
    with db.write() as session:
        staff = session.get(Staff, staff_id)
        if staff is None:
            raise NotFound(_("No staff member {id}.").format(id=staff_id))
        check_version(session, staff, expected_version=expected_version, yours=values)
        leaving = "active" in values and values["active"] != staff.active
        if leaving:  # someone who left cannot sign in: once people sign in, a manager's decision
            sign_in.guard(session, db, staff, own=False,
                          refusal=_("Only a staff member who manages staff can mark someone as left or back."))
        for key, value in values.items():
            setattr(staff, key, value)
        session.add(staff)
        session.flush()
        if leaving:
            sign_in.keep_a_manager(session, staff)
        _set_me(session, staff, me)
        return _row(staff)


def list_staff(db: Database, *, active_only: bool = True) -> list[StaffRow]:
    query = sa.select(Staff).order_by(Staff.name)
    if active_only:
        query = query.where(Staff.active == sa.true())
    with db.read() as session:
        return [_row(s) for s in session.execute(query).scalars()]


def current_staff(db: Database) -> StaffRow | None:
    """Who this session is: the staff member signed in (``db.staff_id``, see customers.sign_in), else the one
    set as "I am" in the settings; None when unset, gone or no longer active."""
    with db.read() as session:
        staff_id = db.staff_id if db.staff_id is not None else settings_service.load(session).current_staff_id
        staff = session.get(Staff, staff_id) if staff_id else None
        return _row(staff) if staff and staff.active else None


def list_lead_sources(db: Database) -> list[LeadSourceRow]:
    with db.read() as session:
        query = sa.select(LeadSource).where(LeadSource.active == sa.true()).order_by(LeadSource.name)
        return [LeadSourceRow(s.id, s.name, s.kind) for s in session.execute(query).scalars()]


def find_staff(db: Database, *, name_or_id: str) -> StaffRow:
    """A staff member by id, full name or a part of the name that fits only one (case-insensitive)."""
    text = (name_or_id or "").strip()
    people = list_staff(db, active_only=False)
    if text.isdigit():
        match = [s for s in people if s.id == int(text)]
    else:
        match = [s for s in people if s.name.casefold() == text.casefold()]
        match = match or [s for s in people if text.casefold() in s.name.casefold()]
    if not text or not match:
        raise validation.ValidationError(_("No staff member called '{name}'.").format(name=text), field="staff")
    if len(match) > 1:
        raise validation.ValidationError(
            _("'{name}' fits {names}; give more of the name.").format(name=text, names=", ".join(s.name for s in match)),
            field="staff")
    return match[0]
