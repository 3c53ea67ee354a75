"""relationapp [--db FILE] migrate-to postgresql://...: the firm's SQLite file copied onto a server."""

from __future__ import annotations

from relationapp.text.catalogue import N_, _


def register(sub) -> None:
    move = sub.add_parser("migrate-to", help=N_("copy this SQLite database into an empty PostgreSQL database "
                                                "(migrated first; counts checked; all or nothing)"))
    move.add_argument("url", metavar="URL", help=N_("the PostgreSQL database, postgresql://user@host/name"))
    move.add_argument("--json", action="store_true", help=N_("machine-readable result"))
    move.set_defaults(handler=_move)


def _move(args, db) -> int:
    from relationapp.commands.cli import CliError
    from relationapp.commands.output import print_json
    from relationapp.data.db import url_for
    from relationapp.services.data_care.move_to_server import move_to_server
    from relationapp.services.data_care.opening import open_database

    if not url_for(args.url).startswith("postgresql"):
        raise CliError(_("migrate-to copies into a PostgreSQL database: give a postgresql:// URL."))
    target = open_database(args.url)  # checked and migrated to the same schema (a foreign or newer one refused)
    try:
        result = move_to_server(db, target=target)
    finally:
        target.dispose()
    if args.json:
        print_json({"target": result.target, "total": result.total, "tables": dict(result.counts)})
        return 0
    print(_("Copied {count} records into {target}:").format(count=result.total, target=result.target))
    for table, count in result.counts:
        print(f"  {table}: {count}")
    return 0
