"""Entry point: parse arguments, then run a CLI command or open the window."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from relationapp.commands.cli import build_parser, run_command

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return _window(args.db)
    code = run_command(args)
    if code == 0 and getattr(args, "open_window_after", False):  # demo --open
        return _window(args.db)
    return code


# Once loaded, PySide6 reads the source of every Python module imported after it (shiboken's
# __feature__ hook looks for "PySide6" in it): about 0.1 s of start-up CPU for SQLAlchemy, pydantic
# and the services the first screen uses. Imported before Qt, they are spared that.
_BEFORE_QT = (
    "relationapp.services.data_care.opening", "relationapp.services.data_care.instance_lock",
    "relationapp.services.data_care.demo", "relationapp.services.common.settings",
    "relationapp.services.today.attention_balance", "relationapp.services.customers.accounts",
    "relationapp.services.customers.people", "relationapp.services.customers.search",
    "relationapp.services.customers.staff", "relationapp.services.leads.nurture",
    "relationapp.services.leads.content", "relationapp.services.relationships.ambassadors",
    "relationapp.services.relationships.journey", "relationapp.services.relationships.referrals",
    "relationapp.services.sync.store", "relationapp.services.touches.interactions",
    "relationapp.services.value.pyramid", "relationapp.services.value.quarters",
    "relationapp.services.visits.visit_route", "relationapp.services.visits.visits",
    "relationapp.text.wording", "relationapp.text.parsing", "relationapp.files.sqlite_copy",
)


def _window(db_arg: str | None) -> int:
    import importlib

    for name in _BEFORE_QT:
        importlib.import_module(name)
    from relationapp.ui.shell.system_libraries import install_hint, missing_libraries

    missing = missing_libraries()
    if missing:  # before Qt loads: one line naming the packages, not a traceback or Qt's abort
        print(install_hint(missing), file=sys.stderr)
        return 2
    from relationapp import config
    from relationapp.data.db import DatabaseError, check_server_driver, url_for

    try:  # a server URL without its driver: the line naming the extra, before any window
        check_server_driver(url_for(config.resolve_db(db_arg)))
    except DatabaseError as exc:
        print(f"relationapp: {exc}", file=sys.stderr)
        return 2
    from relationapp.ui.shell.app import run_gui  # Qt only for the window

    return run_gui(db_arg=db_arg)


if __name__ == "__main__":
    sys.exit(main())
