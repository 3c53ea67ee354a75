"""relationapp staff list|add|edit|leave|return|me: the account managers, and who "I am" is."""

from __future__ import annotations

from relationapp.commands.cli import CliError, add_noun
from relationapp.commands.output import print_json, print_table
from relationapp.text.catalogue import N_, _


def register(sub) -> None:
    staff, verbs = add_noun(sub, "staff", help=N_("the staff members (account managers) and who you are"))

    listing = verbs.add_parser("list", help=N_("list the staff members"))
    listing.add_argument("--all", action="store_true", help=N_("also those who left"))
    listing.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    listing.set_defaults(handler=_list)

    add = verbs.add_parser("add", help=N_("add a staff member"))
    add.add_argument("name")
    _detail_options(add)
    add.add_argument("--me", action="store_true", help=N_("and set them as 'I am' (whose Today, accounts and visits open)"))
    add.set_defaults(handler=_add)

    edit = verbs.add_parser("edit", help=N_("change a staff member"))
    edit.add_argument("staff", metavar="NAME_OR_ID")
    edit.add_argument("--name")
    _detail_options(edit)
    edit.set_defaults(handler=_edit)

    for verb, active, text in (("leave", False, N_("a staff member left: kept on their records, no longer chosen")),
                               ("return", True, N_("a staff member who left is back"))):
        parser = verbs.add_parser(verb, help=text)
        parser.add_argument("staff", metavar="NAME_OR_ID")
        parser.set_defaults(handler=_set_active, active=active)

    password = verbs.add_parser("password", help=N_("set a staff member's password (then everyone signs in: --sign-in)"))
    password.add_argument("staff", metavar="NAME_OR_ID")
    how = password.add_mutually_exclusive_group()
    how.add_argument("--password-stdin", action="store_true", help=N_("read the password from standard input"))
    how.add_argument("--clear", action="store_true", help=N_("take the password away (they can no longer sign in)"))
    password.add_argument("--as-database-owner", action="store_true",
                          help=N_("without signing in, for a forgotten password: only the owner of the database "
                                  "(on PostgreSQL, connected as the role that owns it)"))
    password.set_defaults(handler=_password)

    manages = verbs.add_parser("manages", help=N_("whether a staff member manages staff (sets others' passwords, "
                                                  "marks them as left)"))
    manages.add_argument("staff", metavar="NAME_OR_ID")
    manages.add_argument("--no", action="store_true", help=N_("no longer"))
    manages.set_defaults(handler=_manages)

    me = verbs.add_parser("me", help=N_("set who you are ('I am'); without a name, show it"))
    me.add_argument("staff", metavar="NAME_OR_ID", nargs="?")
    me.add_argument("--nobody", action="store_true", help=N_("nobody: everyone's Today, accounts and visits"))
    me.set_defaults(handler=_me)


def _detail_options(parser) -> None:
    parser.add_argument("--email")
    parser.add_argument("--hourly-cost", metavar="AMOUNT", help=N_("what an hour of theirs costs (cost to serve)"))


def _row(s) -> dict:
    return {"id": s.id, "name": s.name, "email": s.email, "hourly_cost": s.hourly_cost, "active": s.active,
            "password": s.has_password}


def _list(args, db) -> int:
    from relationapp.services.customers.staff import current_staff, list_staff
    from relationapp.text import formatting

    rows = list_staff(db, active_only=not args.all)
    me = current_staff(db)
    if args.json:
        print_json([{**_row(s), "me": me is not None and s.id == me.id} for s in rows])
        return 0
    fmt = formatting.current()
    print_table([_("id"), _("name"), _("e-mail"), _("hourly cost"), _("active")],
                [[s.id, s.name + (" *" if me is not None and s.id == me.id else ""), s.email or "",
                  fmt.money(s.hourly_cost) if s.hourly_cost is not None else "", _("yes") if s.active else _("no")]
                 for s in rows])
    if me is not None:
        print(_("* is you ('I am')."))
    return 0


def _add(args, db) -> int:
    from relationapp.services.customers.staff import create_staff

    staff = create_staff(db, name=args.name, email=args.email, hourly_cost=args.hourly_cost, me=args.me)
    print(_("Staff member {id} added: {name}.").format(id=staff.id, name=staff.name))
    return 0


def _edit(args, db) -> int:
    from relationapp.services.customers.staff import find_staff, update_staff

    changes = {k: v for k, v in (("name", args.name), ("email", args.email), ("hourly_cost", args.hourly_cost))
               if v is not None}
    if not changes:
        raise CliError(_("Nothing to change: give --name, --email or --hourly-cost."))
    staff = update_staff(db, staff_id=find_staff(db, name_or_id=args.staff).id, **changes)
    print(_("Staff member {id} changed: {name}.").format(id=staff.id, name=staff.name))
    return 0


def _set_active(args, db) -> int:
    from relationapp.services.customers.staff import find_staff, update_staff

    staff = update_staff(db, staff_id=find_staff(db, name_or_id=args.staff).id, active=args.active)
    print((_("{name} is active again.") if staff.active else _("{name} is marked as left.")).format(name=staff.name))
    return 0


def _password(args, db) -> int:
    """Never on the command line (it would stay in the shell's history and in ``ps``): a prompt typed twice,
    or one line from standard input."""
    import getpass
    import sys

    from relationapp.services.customers import sign_in
    from relationapp.services.customers.staff import find_staff

    staff = find_staff(db, name_or_id=args.staff)
    if args.clear and args.as_database_owner:
        raise CliError(_("--as-database-owner gives a new password; --clear needs someone signed in."))
    if args.clear:
        sign_in.clear_password(db, staff_id=staff.id)
        print(_("{name} has no password now.").format(name=staff.name))
        return 0
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    elif sys.stdin.isatty():
        password = getpass.getpass(_("New password for {name}: ").format(name=staff.name))
        if getpass.getpass(_("The same password again: ")) != password:
            raise CliError(_("The two passwords differ; nothing was changed."))
    else:
        raise CliError(_("No terminal to ask the password on: give it on standard input with --password-stdin."))
    if args.as_database_owner:
        sign_in.reset_password(db, staff_id=staff.id, password=password)
    else:
        sign_in.set_password(db, staff_id=staff.id, password=password)
    print(_("{name} has a new password.").format(name=staff.name))
    return 0


def _manages(args, db) -> int:
    from relationapp.services.customers import sign_in
    from relationapp.services.customers.staff import find_staff

    staff = find_staff(db, name_or_id=args.staff)
    sign_in.set_manages_staff(db, staff_id=staff.id, manages=not args.no)
    print((_("{name} no longer manages staff.") if args.no else _("{name} manages staff.")).format(name=staff.name))
    return 0


def _me(args, db) -> int:
    from relationapp.services.common.settings import update_settings
    from relationapp.services.customers.staff import current_staff, find_staff

    if db.staff_id is not None and (args.nobody or args.staff):  # signed in (--sign-in): that is who this run is
        raise CliError(_("Staff members sign in: you are who --sign-in names, not a setting."))
    if args.nobody:
        update_settings(db, current_staff_id=0)
        print(_("Nobody is set as 'I am': Today, accounts and visits show everyone's."))
        return 0
    if args.staff:
        staff = find_staff(db, name_or_id=args.staff)
        if not staff.active:
            raise CliError(_("{name} is marked as left; 'staff return' first.").format(name=staff.name))
        update_settings(db, current_staff_id=staff.id)
    me = current_staff(db)
    print(_("You are {name}.").format(name=me.name) if me else _("Nobody is set as 'I am'."))
    return 0
