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


def _import_before_qt() -> None:
    """Once loaded, Qt's Python binding reads the source of every Python module imported after it
    (shiboken's __feature__ hook looks for its own name in it): about 0.1 s of start-up CPU for
    SQLAlchemy, pydantic and the services the first screen uses. Imported before Qt, they are spared
    that. (Plain imports, not names in a list, so that a bundler sees them.)"""
    import relationapp.files.sqlite_copy  # noqa: F401
    import relationapp.services.common.change_log  # noqa: F401
    import relationapp.services.common.changes  # noqa: F401
    import relationapp.services.common.settings  # noqa: F401
    import relationapp.services.customers.accounts  # noqa: F401
    import relationapp.services.customers.people  # noqa: F401
    import relationapp.services.customers.search  # noqa: F401
    import relationapp.services.customers.staff  # noqa: F401
    import relationapp.services.data_care.demo  # noqa: F401
    import relationapp.services.data_care.instance_lock  # noqa: F401
    import relationapp.services.data_care.opening  # noqa: F401
    import relationapp.services.leads.content  # noqa: F401
    import relationapp.services.leads.nurture  # noqa: F401
    import relationapp.services.relationships.ambassadors  # noqa: F401
    import relationapp.services.relationships.journey  # noqa: F401
    import relationapp.services.relationships.referrals  # noqa: F401
    import relationapp.services.sync.store  # noqa: F401
    import relationapp.services.today.attention  # noqa: F401
    import relationapp.services.today.attention_balance  # noqa: F401
    import relationapp.services.touches.gifts  # noqa: F401
    import relationapp.services.touches.interactions  # noqa: F401
    import relationapp.services.touches.personal_dates  # noqa: F401
    import relationapp.services.value.pyramid  # noqa: F401
    import relationapp.services.value.quarters  # noqa: F401
    import relationapp.services.visits.visit_route  # noqa: F401
    import relationapp.services.visits.visits  # noqa: F401
    import relationapp.text.parsing  # noqa: F401
    import relationapp.text.wording  # noqa: F401


def _window(db_arg: str | None) -> int:
    _import_before_qt()
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
