"""The command line: nouns then verbs, every capability scriptable, no Qt.

Each module in ``COMMAND_MODULES`` adds its subcommands through
``register(subparsers)``; a handler takes ``(args, db)`` and returns the exit
code. Bad input is one line on stderr and exit code 2, never a traceback;
so is a fault of the machine (a full disk, a permission, another program
holding the write lock, a damaged file: ``services.data_care.faults``).

Every command opens the database with a ``quick_check`` before its first
write: a damaged file is refused untouched and the latest good backup named.
A ``--db`` in a folder that does not exist, or an empty (0-byte) file, is
refused unless ``--create`` is given (``demo`` implies it).

Messages and tables are in the firm's language (Settings > language), or in
``RELATIONAPP_LANGUAGE`` when set; ``--json`` keeps machine formats.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from relationapp import __version__
from relationapp.text import catalogue
from relationapp.text.catalogue import N_, _

# One module per noun; later capabilities add theirs here.
COMMAND_MODULES = (
    "relationapp.commands.data_care.demo",
    "relationapp.commands.customers.accounts",
    "relationapp.commands.customers.search",
    "relationapp.commands.customers.staff",
    "relationapp.commands.relationships.referrals",
    "relationapp.commands.relationships.nps",
    "relationapp.commands.visits.visits",
    "relationapp.commands.value.pyramid",
    "relationapp.commands.value.orders",
    "relationapp.commands.today.today",
    "relationapp.commands.data_care.imports",
    "relationapp.commands.data_care.exports",
    "relationapp.commands.data_care.backups",
    "relationapp.commands.data_care.move",
    "relationapp.commands.data_care.log",
    "relationapp.commands.data_care.privacy",
    "relationapp.commands.customers.duplicates",
    "relationapp.commands.reporting.report",
    "relationapp.commands.leads.leads",
    "relationapp.commands.leads.nurture",
    "relationapp.commands.leads.sources",
    "relationapp.commands.mail.mail",
    "relationapp.commands.sync.sync",
)

EXIT_BAD_INPUT = 2
# commands that make their database, so they never need --create
CREATES_DATABASE = frozenset({"demo"})


class CliError(Exception):
    """Bad input or usage; the message is printed as one line."""


# argparse words its own texts ("usage: ", "the following arguments are required: %s") with its
# module-level gettext at call time: ours instead, so they follow this run's language
# (the texts are marked for the catalogue in ``argparse_words``).
argparse._ = lambda text: catalogue._(text)
argparse.ngettext = lambda singular, plural, n: catalogue.ngettext(singular, plural, n)


class HelpFormatter(argparse.HelpFormatter):
    """``--help`` in this run's language: help texts and descriptions are marked with ``N_`` where they are
    declared and worded here, when the help is printed."""

    def _get_help_string(self, action):  # what _expand_help fills in (%(default)s and the like)
        return _(action.help) if action.help else action.help

    def _format_text(self, text):  # description and epilog
        return super()._format_text(_(text) if text else text)


class _Subcommands(argparse._SubParsersAction):
    def add_parser(self, name, **kwargs):  # a command's own --help opens with the line the list shows
        if kwargs.get("help") and "description" not in kwargs:
            kwargs["description"] = kwargs["help"]
        return super().add_parser(name, **kwargs)


class Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)
        self.register("action", "parsers", _Subcommands)

    def error(self, message):  # one clear line instead of usage + error
        self.exit(EXIT_BAD_INPUT, _("{prog}: {message} (see --help)").format(prog=self.prog, message=message) + "\n")


def add_noun(sub, name: str, *, help: str):
    """A noun whose verbs are subcommands; the noun alone prints its help. Returns (noun, verbs).

    ``help`` is marked with ``N_`` by the caller and worded when the help is printed."""
    noun = sub.add_parser(name, help=help)
    noun.set_defaults(parser_for_help=noun)
    return noun, noun.add_subparsers(dest="verb", metavar="VERB")


LANGUAGE_ENV = "RELATIONAPP_LANGUAGE"  # "en" or "nl": this run's language instead of the firm's setting
_LOCALE_ENVS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")  # gettext's order: the first one set counts


def command_line_language(environ=None) -> str:
    """The language of ``--help`` and of parse errors, before any database is open:
    ``RELATIONAPP_LANGUAGE`` if set, else the system locale ("nl..." is Dutch), else English."""
    environ = os.environ if environ is None else environ
    chosen = environ.get(LANGUAGE_ENV)
    if chosen:
        return catalogue.supported(chosen.strip().lower()[:2])
    for name in _LOCALE_ENVS:
        value = environ.get(name)
        if value:
            first = value.split(":")[0].strip().lower()
            return "nl" if first.startswith("nl") else catalogue.DEFAULT_LANGUAGE
    return catalogue.DEFAULT_LANGUAGE


def build_parser() -> Parser:
    catalogue.set_language(command_line_language())  # the firm's language follows once the database is open
    parser = Parser(
        prog="relationapp",
        description=N_("A relationship tracker for small firms. Without a command it opens the window."),
    )
    parser.add_argument("--version", action="version", version=f"relationapp {__version__}",
                        help=N_("show program's version number and exit"))
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help=N_("database file or URL (default: RELATIONAPP_DB_URL, else a file in the user data folder)"),
    )
    parser.add_argument(
        "--create",
        action="store_true",
        help=N_("make a new database at --db even in a new folder or in an empty (0-byte) file"),
    )
    parser.add_argument(
        "--sign-in",
        metavar="NAME",
        dest="sign_in_as",  # (not "user": sync and mail setup have their own --user, the server login)
        help=N_("sign in as this staff member (name or e-mail), needed once staff members have passwords; "
                "the password from RELATIONAPP_PASSWORD, else asked"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _say(message) -> int:
    """The one line on stderr (a message that quotes a cell or a path never spans lines)."""
    print("relationapp: " + " ".join(str(message).splitlines()), file=sys.stderr)
    return EXIT_BAD_INPUT


def _new_database_refusal(args: argparse.Namespace) -> str | None:
    """Why this run must not silently make a new database (a mistyped folder, a 0-byte file)."""
    import os

    from relationapp import config
    from relationapp.services.data_care.opening import new_database_problem

    if getattr(args, "create", False) or args.command in CREATES_DATABASE:
        return None
    given, how = args.db, f"relationapp --db {args.db} --create {args.command} ..."
    if given is None:
        given = os.environ.get(config.DB_ENV) or None  # the default file is made on first start
        how = _("relationapp --create {command} ... (with {variable}={value})").format(
            command=args.command, variable=config.DB_ENV, value=given)
    problem = new_database_problem(given)
    if problem is None:
        return None
    return _("{problem}; nothing was created. Check the path, or make a new database there with: {how}").format(
        problem=problem, how=how)


def _database_file(args: argparse.Namespace):
    from relationapp import config
    from relationapp.data.db import sqlite_path, url_for

    try:
        return sqlite_path(url_for(config.resolve_db(args.db)))
    except Exception:  # noqa: BLE001 - only used to name the file in a message
        return None


def _speak_the_firms_language(db) -> None:
    """Messages, tables and dates in the language and currency of the firm's settings."""
    from relationapp.services.common.settings import get_settings
    from relationapp.text import catalogue, formatting

    settings = get_settings(db)
    catalogue.set_language(os.environ.get(LANGUAGE_ENV) or settings.language)
    formatting.use(settings)


PASSWORD_ENV = "RELATIONAPP_PASSWORD"  # --sign-in's password for scripts (never an option: ps and shell history show those)


def _sign_in(args: argparse.Namespace, db) -> None:
    """Once staff members have passwords every command signs in (--sign-in), and that one is this run's "I am"
    (the change log names them); without passwords nothing is asked, as before."""
    import getpass

    from relationapp.services.customers import sign_in

    user = getattr(args, "sign_in_as", None)
    if getattr(args, "as_database_owner", False):  # the owner's reset of a forgotten password: checked by the service
        return
    if not sign_in.has_passwords(db):
        if user:
            raise CliError(_("No staff member has a password yet, so nobody signs in; "
                             "give one with: relationapp staff password NAME"))
        return
    if not user:
        raise CliError(_("Staff members sign in here: give --sign-in NAME (the password in {variable}, or asked).").format(
            variable=PASSWORD_ENV))
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        if not sys.stdin.isatty():
            raise CliError(_("No terminal to ask the password on: set {variable}.").format(variable=PASSWORD_ENV))
        password = getpass.getpass(_("Password for {name}: ").format(name=user))
    sign_in.sign_in(db, name_or_email=user, password=password)


def run_command(args: argparse.Namespace) -> int:
    """Open the database, run the handler, turn user errors and machine faults into one line and exit code 2."""
    from relationapp.data.db import DatabaseError
    from relationapp.errors import ServiceError
    from relationapp.services.data_care.faults import describe_fault
    from relationapp.services.data_care.opening import open_database

    handler = getattr(args, "handler", None)
    if handler is None:  # a noun without its verb
        args.parser_for_help.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    db = None
    try:
        # restore must work on a damaged database: such a handler opens what it needs itself
        if not getattr(args, "without_database", False):
            refusal = _new_database_refusal(args)
            if refusal:
                return _say(refusal)
            db = open_database(args.db, check_before_write=True)
            _speak_the_firms_language(db)
            _sign_in(args, db)
        return handler(args, db) or 0
    except (CliError, ServiceError, DatabaseError) as exc:
        return _say(exc)
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a full disk, a lock held too long, damage found while reading
        message = describe_fault(exc, db_path=_database_file(args))
        if message is None:
            raise
        return _say(message)
    finally:
        if db is not None:
            db.dispose()
