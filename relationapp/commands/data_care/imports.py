"""relationapp import csv|vcard|all"""

from __future__ import annotations

import sys

from relationapp.commands.cli import add_noun
from relationapp.commands.output import print_json


def register(sub) -> None:
    imp, verbs = add_noun(sub, "import", help="import accounts, people, orders, interactions (CSV, vCard, full export)")

    csv = verbs.add_parser("csv", help="import a CSV file (checks every row first; all or nothing)")
    csv.add_argument("file")
    csv.add_argument("--kind", required=True, choices=("accounts", "people", "orders", "interactions"))
    csv.add_argument("--map", dest="mapping", metavar="PRESET_OR_FILE",
                     help="google, outlook, relationapp, or a JSON file {\"Column\": \"field\"} "
                          "(default: recognise English and Dutch headers)")
    csv.add_argument("--dry-run", action="store_true", help="only list every row's problems; write nothing")
    csv.add_argument("--skip-bad-rows", action="store_true", help="import the good rows, leave out the bad ones")
    numbers = csv.add_mutually_exclusive_group()
    numbers.add_argument("--decimal-comma", dest="decimal_comma", action="store_const", const=True,
                         help="amounts are written 1.234,56")
    numbers.add_argument("--decimal-point", dest="decimal_comma", action="store_const", const=False,
                         help="amounts are written 1,234.56")
    dates = csv.add_mutually_exclusive_group()
    dates.add_argument("--day-first", dest="day_first", action="store_const", const=True, help="dates are 31-12-2025")
    dates.add_argument("--month-first", dest="day_first", action="store_const", const=False, help="dates are 12/31/2025")
    csv.add_argument("--json", action="store_true", help="machine-readable result")
    csv.set_defaults(handler=_csv)

    vcard = verbs.add_parser("vcard", help="import people from a vCard file (3.0 or 4.0)")
    vcard.add_argument("file")
    vcard.add_argument("--dry-run", action="store_true", help="only list every card's problems; write nothing")
    vcard.add_argument("--skip-bad-cards", action="store_true", help="import the good cards, leave out the bad ones")
    vcard.add_argument("--json", action="store_true")
    vcard.set_defaults(handler=_vcard)

    everything = verbs.add_parser("all", help="read a full export (folder or zip) into an empty database")
    everything.add_argument("source", metavar="DIR_OR_ZIP")
    everything.set_defaults(handler=_all)


def _report(result, args) -> None:
    if args.json:
        print_json(result)
        return
    line = f"{result.added} {result.kind} added, {result.existing} already there"
    if getattr(result, "accounts_added", 0):
        line += f", {result.accounts_added} new accounts"
    if result.skipped_bad:
        line += f", {result.skipped_bad} bad rows skipped"
    print(line + ".")


def _csv(args, db) -> int:
    from relationapp.exchange.csv_import import commit_csv, preview_csv

    preview = preview_csv(db, path=args.file, kind=args.kind, mapping=args.mapping,
                          decimal_comma=args.decimal_comma, day_first=args.day_first)
    if args.dry_run:
        conv = preview.conventions
        print(
            f"{preview.path.name}: {preview.encoding}, delimiter {preview.delimiter!r}, "
            f"{'decimal comma' if conv.decimal_comma else 'decimal point'}, "
            f"{'day-month' if conv.day_first else 'month-day'} dates; {len(preview.rows)} rows, "
            f"{len(preview.bad_rows)} with problems.",
            file=sys.stderr,
        )
        if preview.ignored_columns:
            print(f"Columns not imported: {', '.join(preview.ignored_columns)}", file=sys.stderr)
        for problem in preview.problems:
            print(problem, file=sys.stderr)
        if args.json:
            print_json({"rows": len(preview.rows), "good": len(preview.inputs), "problems": preview.problems,
                        "mapping": preview.mapping})
        return 2 if preview.bad_rows else 0
    result = commit_csv(db, preview=preview, skip_bad_rows=args.skip_bad_rows)
    for problem in preview.problems:  # the rows that were skipped, and why
        print(problem, file=sys.stderr)
    _report(result, args)
    return 0


def _vcard(args, db) -> int:
    from relationapp.exchange.vcard import commit_vcards, preview_vcards

    preview = preview_vcards(args.file)
    if args.dry_run:
        for line in preview.notes + preview.problems:
            print(line, file=sys.stderr)
        print(f"{len(preview.cards)} cards, {sum(1 for c in preview.cards if c.problems)} with problems.", file=sys.stderr)
        return 2 if preview.problems else 0
    result = commit_vcards(db, preview=preview, skip_bad_cards=args.skip_bad_cards)
    for line in preview.notes + preview.problems:
        print(line, file=sys.stderr)
    _report(result, args)
    return 0


def _all(args, db) -> int:
    from relationapp.exchange.export import import_all

    counts = import_all(db, source=args.source)
    print(f"Imported {sum(counts.values())} rows in {sum(1 for n in counts.values() if n)} tables.")
    return 0
