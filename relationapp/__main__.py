"""Entry point: parse arguments, then run a CLI command or open the window."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from relationapp.commands.cli import build_parser, run_command

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from relationapp.ui.shell.app import run_gui  # Qt only for the window

        return run_gui(db_arg=args.db)
    code = run_command(args)
    if code == 0 and getattr(args, "open_window_after", False):  # demo --open
        from relationapp.ui.shell.app import run_gui

        return run_gui(db_arg=args.db)
    return code


if __name__ == "__main__":
    sys.exit(main())
