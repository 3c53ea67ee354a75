"""Signing in as oneself: staff members with passwords, and who this session is.

While no staff member has a password nothing changes: one laptop, one owner, "I am" is the
setting. Once one has, each window and each command signs in, and the one who signed in is that
session's "I am" (``Database.staff_id``: the change log names them, ``current_staff`` gives them),
not a setting every window on the server shares.

Passwords are hashed with Argon2id (argon2-cffi, its default parameters); the hash alone is stored.
A wrong name and a wrong password get the same message, so nobody learns who has an account.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import Staff
from relationapp.errors import NotFound, ValidationError
from relationapp.text.catalogue import _

MIN_LENGTH = 8


@functools.cache
def _hasher():
    """argon2-cffi's hasher, imported when first needed (its cffi binding costs ~0.15 s to load, which a
    command on a firm without passwords should not pay)."""
    from argon2 import PasswordHasher

    return PasswordHasher()


@functools.cache
def _nobody() -> str:
    """Checked against when no staff member fits, so a wrong name costs what a wrong password costs
    (made when first needed: a hash costs ~0.2 s of CPU)."""
    return _hasher().hash("no staff member has this password")


@dataclass(frozen=True)
class SignedIn:
    staff_id: int
    name: str


def _checked(password: str) -> str:
    if not isinstance(password, str) or len(password) < MIN_LENGTH:
        raise ValidationError(_("A password needs at least {count} characters.").format(count=MIN_LENGTH),
                              field="password")
    if password != password.strip():
        raise ValidationError(_("A password cannot start or end with a space."), field="password")
    return password


def set_password(db: Database, *, staff_id: int, password: str) -> SignedIn:
    """Give a staff member a (new) password; from then on every session signs in."""
    return _store_hash(db, staff_id, _hasher().hash(_checked(password)))


def clear_password(db: Database, *, staff_id: int) -> SignedIn:
    """Take a staff member's password away (they can no longer sign in; with nobody left, nobody signs in)."""
    return _store_hash(db, staff_id, None)


def _store_hash(db: Database, staff_id: int, hashed: str | None) -> SignedIn:
    with db.write() as session:
        staff = session.get(Staff, staff_id)
        if staff is None:
            raise NotFound(_("No staff member {id}.").format(id=staff_id))
        staff.password_hash = hashed
        session.add(staff)
        return SignedIn(staff.id, staff.name)


def has_passwords(db: Database) -> bool:
    """True once any active staff member has a password: then sessions sign in."""
    query = sa.select(Staff.id).where(Staff.active == sa.true(), Staff.password_hash.is_not(None)).limit(1)
    with db.read() as session:
        return session.execute(query).first() is not None


def who_can_sign_in(db: Database) -> list[SignedIn]:
    """The active staff members with a password, by name (the sign-in dialog's choices)."""
    query = (sa.select(Staff.id, Staff.name).where(Staff.active == sa.true(), Staff.password_hash.is_not(None))
             .order_by(Staff.name))
    with db.read() as session:
        return [SignedIn(row.id, row.name) for row in session.execute(query)]


def sign_in(db: Database, *, name_or_email: str, password: str) -> SignedIn:
    """Check the password of the active staff member with that name or e-mail (case-insensitive) and make
    them this session's "I am" (``db.staff_id``). A wrong name or password: one message for both."""
    key = (name_or_email or "").strip().casefold()
    query = sa.select(Staff.id, Staff.name, Staff.email, Staff.password_hash).where(
        Staff.active == sa.true(), Staff.password_hash.is_not(None))
    with db.read() as session:
        fits = [row for row in session.execute(query)
                if key and key in (row.name.strip().casefold(), (row.email or "").strip().casefold())]
    stored = fits[0].password_hash if len(fits) == 1 else _nobody()
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        _hasher().verify(stored, password or "")
        accepted = len(fits) == 1
    except (VerificationError, InvalidHashError):
        accepted = False
    if not accepted:
        raise ValidationError(_("Wrong name or password."), field="password")
    db.staff_id = fits[0].id
    return SignedIn(fits[0].id, fits[0].name)


def sign_out(db: Database) -> None:
    """This session is nobody again (the window asks who signs in next)."""
    db.staff_id = None
