"""relationapp import csv|vcard|all"""

from __future__ import annotations

import sys

from relationapp.commands.cli import add_noun
from relationapp.commands.output import print_json
from relationapp.text.catalogue import N_, _, ngettext


def register(sub) -> None:
    imp, verbs = add_noun(sub, "import", help=N_("import accounts, people, orders, interactions (CSV, vCard, full export)"))

    csv = verbs.add_parser("csv", help=N_("import a CSV file (checks every row first; all or nothing)"))
    csv.add_argument("file")
    csv.add_argument("--kind", required=True, choices=("accounts", "people", "orders", "interactions"))
    csv.add_argument("--map", dest="mapping", metavar="PRESET_OR_FILE",
                     help=N_("google, outlook, relationapp, or a JSON file {\"Column\": \"field\"} "
                             "(default: recognise English and Dutch headers)"))
    csv.add_argument("--dry-run", action="store_true", help=N_("only list every row's problems; write nothing"))
    csv.add_argument("--skip-bad-rows", action="store_true", help=N_("import the good rows, leave out the bad ones"))
    numbers = csv.add_mutually_exclusive_group()
    numbers.add_argument("--decimal-comma", dest="decimal_comma", action="store_const", const=True,
                         help=N_("amounts are written 1.234,56"))
    numbers.add_argument("--decimal-point", dest="decimal_comma", action="store_const", const=False,
                         help=N_("amounts are written 1,234.56"))
    dates = csv.add_mutually_exclusive_group()
    dates.add_argument("--day-first", dest="day_first", action="store_const", const=True, help=N_("dates are 31-12-2025"))
    dates.add_argument("--month-first", dest="day_first", action="store_const", const=False, help=N_("dates are 12/31/2025"))
    csv.add_argument("--json", action="store_true", help=N_("machine-readable result"))
    csv.set_defaults(handler=_csv)

    vcard = verbs.add_parser("vcard", help=N_("import people from a vCard file (2.1, 3.0 or 4.0; Apple, Google, Outlook)"))
    vcard.add_argument("file")
    vcard.add_argument("--dry-run", action="store_true", help=N_("only list every card's problems; write nothing"))
    vcard.add_argument("--skip-bad-cards", action="store_true", help=N_("import the good cards, leave out the bad ones"))
    vcard.add_argument("--json", action="store_true")
    vcard.set_defaults(handler=_vcard)

    everything = verbs.add_parser("all", help=N_("read a full export (folder or zip) into an empty database"))
    everything.add_argument("source", metavar="DIR_OR_ZIP")
    everything.set_defaults(handler=_all)


_KIND_WORDS = {"accounts": N_("accounts"), "people": N_("people"), "orders": N_("orders"),
               "interactions": N_("interactions")}


def _report(result, args) -> None:
    if args.json:
        print_json(result)
        return
    line = _("{added} {kind} added, {existing} already there").format(
        added=result.added, kind=_(_KIND_WORDS.get(result.kind, result.kind)), existing=result.existing)
    if getattr(result, "accounts_added", 0):
        line += ", " + _("{count} new accounts").format(count=result.accounts_added)
    if result.skipped_bad:
        line += ", " + _("{count} bad rows skipped").format(count=result.skipped_bad)
    print(line + ".")


def _csv(args, db) -> int:
    from relationapp.exchange.csv_import import commit_csv, preview_csv

    preview = preview_csv(db, path=args.file, kind=args.kind, mapping=args.mapping,
                          decimal_comma=args.decimal_comma, day_first=args.day_first)
    if args.dry_run:
        conv = preview.conventions
        print(
            _("{file}: {encoding}, delimiter {delimiter}, {decimal}, {order} dates; {rows} rows, "
              "{bad} with problems.").format(
                file=preview.path.name, encoding=preview.encoding, delimiter=repr(preview.delimiter),
                decimal=_("decimal comma") if conv.decimal_comma else _("decimal point"),
                order=_("day-month") if conv.day_first else _("month-day"),
                rows=len(preview.rows), bad=len(preview.bad_rows)),
            file=sys.stderr,
        )
        if preview.ignored_columns:
            print(_("Columns not imported: {columns}").format(columns=", ".join(preview.ignored_columns)),
                  file=sys.stderr)
        for problem in preview.problems:
            print(problem, file=sys.stderr)
        if args.json:
            print_json({"rows": len(preview.rows), "good": len(preview.inputs), "problems": preview.problems,
                        "mapping": preview.mapping})
        return 2 if preview.bad_rows else 0
    for problem in preview.problems:  # one line per problem: the rows skipped or refused, and why
        print(problem, file=sys.stderr)
    if preview.bad_rows and not args.skip_bad_rows:  # all or nothing: nothing is written
        bad, good = len(preview.bad_rows), len(preview.rows) - len(preview.bad_rows)
        print(ngettext("Nothing was imported: {bad} row has a problem; fix the file, or import the {good} good rows "
                       "with --skip-bad-rows.",
                       "Nothing was imported: {bad} rows have problems; fix the file, or import the {good} good rows "
                       "with --skip-bad-rows.", bad).format(bad=bad, good=good), file=sys.stderr)
        return 2
    result = commit_csv(db, preview=preview, skip_bad_rows=args.skip_bad_rows)
    _report(result, args)
    return 0


def _vcard(args, db) -> int:
    from relationapp.exchange.vcard import commit_vcards, preview_vcards

    preview = preview_vcards(args.file)
    if args.dry_run:
        for line in preview.notes + preview.problems:
            print(line, file=sys.stderr)
        print(_("{cards} cards, {bad} with problems.").format(
            cards=len(preview.cards), bad=sum(1 for c in preview.cards if c.problems)), file=sys.stderr)
        return 2 if preview.problems else 0
    result = commit_vcards(db, preview=preview, skip_bad_cards=args.skip_bad_cards)
    for line in preview.notes + preview.problems:
        print(line, file=sys.stderr)
    _report(result, args)
    return 0


def _all(args, db) -> int:
    from relationapp.exchange.export import import_all

    counts = import_all(db, source=args.source)
    print(_("Imported {rows} rows in {tables} tables.").format(
        rows=sum(counts.values()), tables=sum(1 for n in counts.values() if n)))
    return 0
