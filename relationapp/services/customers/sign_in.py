"""Signing in as oneself: staff members with passwords, and who this session is.

While no staff member has a password nothing changes: one laptop, one owner, "I am" is the
setting. Once one has, each window and each command signs in, and the one who signed in is that
session's "I am" (``Database.staff_id``: the change log names them, ``current_staff`` gives them),
not a setting every window on the server shares.

Passwords are hashed with Argon2id (argon2-cffi, its default parameters); the hash alone is stored.
A wrong name and a wrong password get the same message, so nobody learns who has an account.

Who may do what, once anyone has a password: each staff member sets or clears their own password;
only one who manages staff (``Staff.manages_staff``) sets another's, marks someone as left or back
and chooses who else manages staff. The first to get a password manages staff, and the last one who
does cannot stop (nobody could manage the others). A forgotten password when nobody else can help is
reset by the owner of the database (``reset_password``): on PostgreSQL the role that owns it, on a
SQLite file whoever holds the file (who could change it with any SQLite tool anyway).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import Staff
from relationapp.errors import NotAllowed, NotFound, ValidationError
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
    """Give a staff member a (new) password; from then on every session signs in. Once anyone has one:
    one's own, or anyone's by a staff member who manages staff."""
    hashed = _hasher().hash(_checked(password))
    with db.write() as session:
        staff = _staff(session, staff_id)
        guard(session, db, staff, own=True,
              refusal=_("Only a staff member who manages staff can set another's password."))
        return _give_password(session, staff, hashed)


def clear_password(db: Database, *, staff_id: int) -> SignedIn:
    """Take a staff member's password away (they can no longer sign in; with nobody left, nobody signs in)."""
    with db.write() as session:
        staff = _staff(session, staff_id)
        guard(session, db, staff, own=True,
              refusal=_("Only a staff member who manages staff can clear another's password."))
        staff.password_hash = None
        keep_a_manager(session, staff)
        session.add(staff)
        return SignedIn(staff.id, staff.name)


def set_manages_staff(db: Database, *, staff_id: int, manages: bool) -> SignedIn:
    """Whether a staff member manages staff (sets others' passwords, marks them as left)."""
    with db.write() as session:
        staff = _staff(session, staff_id)
        guard(session, db, staff, own=False,
              refusal=_("Only a staff member who manages staff can choose who manages staff."))
        staff.manages_staff = bool(manages)
        keep_a_manager(session, staff)
        session.add(staff)
        return SignedIn(staff.id, staff.name)


def reset_password(db: Database, *, staff_id: int, password: str) -> SignedIn:
    """For the owner of the database, without signing in: a new password for a staff member (the only one
    who could sign in forgot theirs). They manage staff afterwards if nobody with a password does."""
    if not database_owner(db):
        raise NotAllowed(_("Only the owner of the database can reset a password without signing in: connect "
                           "as the PostgreSQL role that owns it."))
    hashed = _hasher().hash(_checked(password))
    with db.write() as session:
        return _give_password(session, _staff(session, staff_id), hashed)


def _give_password(session, staff: Staff, hashed: str) -> SignedIn:
    """Store the hash; with nobody else who signs in managing staff (the first password, or the owner's reset
    of the only one), they manage staff: somebody must be able to let the others in."""
    staff.password_hash = hashed
    if not _managers(session, other_than=staff.id):
        staff.manages_staff = True
    session.add(staff)
    return SignedIn(staff.id, staff.name)


def database_owner(db: Database) -> bool:
    """Whether this connection is the database's owner: on PostgreSQL a superuser or the role that owns the
    database; a SQLite file belongs to whoever can write it."""
    if db.is_sqlite:
        return True
    query = sa.text("SELECT r.rolsuper OR pg_catalog.pg_get_userbyid(d.datdba) = current_user "
                    "FROM pg_database AS d, pg_roles AS r "
                    "WHERE d.datname = current_database() AND r.rolname = current_user")
    with db.read() as session:
        return bool(session.execute(query).scalar())


def guard(session, db: Database, target: Staff, *, own: bool, refusal: str) -> None:
    """Raise NotAllowed unless this session may change ``target``'s sign-in: anyone while nobody has a
    password (one laptop, one owner), then the one signed in for themselves (``own``) or one who manages staff."""
    if not _passwords_exist(session):
        return
    me = session.get(Staff, db.staff_id) if db.staff_id is not None else None
    if me is None or not me.active:
        raise NotAllowed(_("Sign in first: once staff members have passwords, only someone signed in changes them."))
    if (own and me.id == target.id) or me.manages_staff:
        return
    raise NotAllowed(refusal)


def keep_a_manager(session, changed: Staff) -> None:
    """While anyone signs in, someone who signs in must manage staff."""
    session.flush()
    if _passwords_exist(session) and not _managers(session):
        raise NotAllowed(_("{name} is the last one who manages staff: let someone else manage staff first.").format(
            name=changed.name))


def _managers(session, *, other_than: int | None = None) -> list[int]:
    query = sa.select(Staff.id).where(Staff.active == sa.true(), Staff.password_hash.is_not(None),
                                      Staff.manages_staff == sa.true())
    if other_than is not None:
        query = query.where(Staff.id != other_than)
    return list(session.execute(query).scalars())


def _passwords_exist(session) -> bool:
    query = sa.select(Staff.id).where(Staff.active == sa.true(), Staff.password_hash.is_not(None)).limit(1)
    return session.execute(query).first() is not None


def _staff(session, staff_id: int) -> Staff:
    staff = session.get(Staff, staff_id)
    if staff is None:
        raise NotFound(_("No staff member {id}.").format(id=staff_id))
    return staff


def has_passwords(db: Database) -> bool:
    """True once any active staff member has a password: then sessions sign in."""
    with db.read() as session:
        return _passwords_exist(session)


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
