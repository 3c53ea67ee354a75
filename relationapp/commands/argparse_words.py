"""argparse's own texts that a user of the command line can see, marked for the catalogue.

argparse words them through its module-level ``_`` and ``ngettext`` at call
time; ``commands.cli`` points those at our catalogue, so the Dutch comes from
``relationapp.po`` like every other text. Nothing imports this module: it
exists so the texts are extracted. The English must stay exactly as in the
standard library's ``argparse.py`` (Python 3.11 and later), placeholders and all.
"""

from __future__ import annotations

from relationapp.text.catalogue import N_, ngettext

HELP = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("subcommands"),
)

ERRORS = (
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
)


def _counted() -> None:  # never called: marks the counted text for the catalogue
    ngettext("expected %s argument", "expected %s arguments", 1)
