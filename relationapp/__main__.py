"""Entry point: parse arguments, then run a CLI command or open the window."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from relationapp.cli import build_parser, run_command

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from relationapp.ui.app import run_gui  # Qt only for the window

        return run_gui(db_arg=args.db)
    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
