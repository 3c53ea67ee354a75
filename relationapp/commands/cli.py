"""The command line: nouns then verbs, every capability scriptable, no Qt.

Each module in ``COMMAND_MODULES`` adds its subcommands through
``register(subparsers)``; a handler takes ``(args, db)`` and returns the exit
code. Bad input is one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from relationapp import __version__

# One module per noun; later capabilities add theirs here.
COMMAND_MODULES = (
    "relationapp.commands.data_care.demo",
    "relationapp.commands.customers.accounts",
    "relationapp.commands.relationships.referrals",
    "relationapp.commands.relationships.nps",
    "relationapp.commands.visits.visits",
    "relationapp.commands.value.pyramid",
    "relationapp.commands.value.orders",
    "relationapp.commands.today.today",
    "relationapp.commands.data_care.imports",
    "relationapp.commands.data_care.exports",
    "relationapp.commands.data_care.backups",
    "relationapp.commands.data_care.privacy",
    "relationapp.commands.customers.duplicates",
    "relationapp.commands.reporting.report",
)

EXIT_BAD_INPUT = 2


class CliError(Exception):
    """Bad input or usage; the message is printed as one line."""


class Parser(argparse.ArgumentParser):
    def error(self, message):  # one clear line instead of usage + error
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message} (see --help)\n")


def add_noun(sub, name: str, *, help: str):
    """A noun whose verbs are subcommands; the noun alone prints its help. Returns (noun, verbs)."""
    noun = sub.add_parser(name, help=help)
    noun.set_defaults(parser_for_help=noun)
    return noun, noun.add_subparsers(dest="verb", metavar="VERB")


def build_parser() -> Parser:
    parser = Parser(
        prog="relationapp",
        description="A relationship tracker for small firms. Without a command it opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"relationapp {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="database file or URL (default: RELATIONAPP_DB_URL, else a file in the user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def run_command(args: argparse.Namespace) -> int:
    """Open the database, run the handler, turn user errors into exit code 2."""
    from relationapp.data.db import DatabaseError
    from relationapp.errors import ServiceError
    from relationapp.services.data_care.opening import open_database

    handler = getattr(args, "handler", None)
    if handler is None:  # a noun without its verb
        args.parser_for_help.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    db = None
    try:
        # restore must work on a damaged database: such a handler opens what it needs itself
        if not getattr(args, "without_database", False):
            db = open_database(args.db)
    except DatabaseError as exc:
        print(f"relationapp: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        return handler(args, db) or 0
    except (CliError, ServiceError, DatabaseError) as exc:
        print(f"relationapp: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return 0
    finally:
        if db is not None:
            db.dispose()
