"""Whose records a command shows: yours by default ("I am" in the settings), --staff for someone
else's, --everyone for all. The same two options on every noun that has an owner."""

from __future__ import annotations

import sys

from relationapp.text.catalogue import N_, _


def add_staff_options(parser, help=N_("one staff member's stops (name, part of it, or id; default: you, see 'I am' in the settings)")) -> None:
    who = parser.add_mutually_exclusive_group()
    who.add_argument("--staff", "--owner", dest="staff", metavar="NAME", help=help)
    who.add_argument("--everyone", action="store_true", help=N_("everyone's, not only yours"))


def staff_id(db, args) -> int | None:
    """--staff, else nobody with --everyone, else the user ("I am"; everyone when that is not set)."""
    from relationapp.services.customers.staff import current_staff, find_staff

    if args.staff:
        return find_staff(db, name_or_id=args.staff).id
    if args.everyone:
        return None
    me = current_staff(db)
    if me is not None:
        print(_("Yours ({name}); --everyone for all, --staff for someone else.").format(name=me.name), file=sys.stderr)
    return me.id if me else None
