"""relationapp report account|portfolio|reviews: the quarterly PDFs."""

from __future__ import annotations

import sys

from relationapp.commands.cli import add_noun
from relationapp.text.catalogue import N_, _

AUDIENCES = ("internal", "client")


def register(sub) -> None:
    report, verbs = add_noun(sub, "report", help=N_("quarterly PDF reports: account reviews and the portfolio report"))

    account = verbs.add_parser("account", help=N_("the review of one account for one quarter"))
    account.add_argument("account", metavar="NAME_OR_ID")
    account.add_argument("--quarter", required=True, metavar="YYYYQn", help=N_("e.g. 2026Q3"))
    account.add_argument("--audience", choices=AUDIENCES, default="internal",
                         help=N_("client leaves out personal notes, costs, profit and other customers' names"))
    account.add_argument("-o", "--output", metavar="OUT.pdf",
                         help=N_("file or folder to write (default: e.g. 'Account review Name Q3 2026.pdf' here)"))
    account.set_defaults(handler=_account)

    portfolio = verbs.add_parser("portfolio", help=N_("the portfolio report for one quarter"))
    portfolio.add_argument("--quarter", required=True, metavar="YYYYQn")
    portfolio.add_argument("-o", "--output", metavar="OUT.pdf",
                           help=N_("file or folder to write (default: e.g. 'Portfolio report Q3 2026.pdf' here)"))
    portfolio.set_defaults(handler=_portfolio)

    reviews = verbs.add_parser("reviews", help=N_("reviews of many accounts plus the portfolio report, into a folder"))
    reviews.add_argument("--quarter", required=True, metavar="YYYYQn")
    reviews.add_argument("--tier", metavar="TIERS", help=N_("comma-separated, e.g. top,big (default: all customers)"))
    reviews.add_argument("--owner", metavar="NAME", help=N_("one account manager's accounts (name or id)"))
    reviews.add_argument("--audience", choices=AUDIENCES, default="internal")
    reviews.add_argument("--no-portfolio", action="store_true", help=N_("only the account reviews"))
    reviews.add_argument("--workers", type=int, metavar="N", help=N_("processes to use (default: one per core)"))
    reviews.add_argument("--out", required=True, metavar="DIR")
    reviews.set_defaults(handler=_reviews)


def _quarter(text: str):
    from relationapp.services.value.quarters import parse

    return parse(text)


def _words(quarter) -> str:
    """The quarter as a person reads it: "3e kwartaal 2026" / "Q3 2026" (the argument stays 2026Q3)."""
    from relationapp.text import formatting

    return formatting.current().quarter(quarter)


def _output(given: str | None, default_name: str):
    """Where to write: the file given, the default name inside a folder given, or the default name here."""
    from pathlib import Path

    if not given:
        return Path.cwd() / default_name
    path = Path(given).expanduser()
    return path / default_name if path.is_dir() else path


def _account(args, db) -> int:
    from relationapp.reports.reporting.account_review import write_account_review
    from relationapp.reports.reporting.file_names import formatter_for, review_file_name
    from relationapp.services.customers.accounts import find_account

    quarter = _quarter(args.quarter)
    account = find_account(db, name_or_id=args.account)
    output = _output(args.output, review_file_name(formatter_for(db), quarter, account.name, audience=args.audience))
    path = write_account_review(db, account_id=account.id, quarter=quarter, path=output, audience=args.audience)
    print(_("Review of {account} for {quarter} written to {path}").format(account=account.name, quarter=_words(quarter),
                                                                          path=path),
          file=sys.stderr)
    return 0


def _portfolio(args, db) -> int:
    from relationapp.reports.reporting.file_names import (
        formatter_for,
        portfolio_file_name,
    )
    from relationapp.reports.reporting.portfolio import write_portfolio

    quarter = _quarter(args.quarter)
    path = write_portfolio(db, quarter=quarter, path=_output(args.output, portfolio_file_name(formatter_for(db), quarter)))
    print(_("Portfolio report for {quarter} written to {path}").format(quarter=_words(quarter), path=path), file=sys.stderr)
    return 0


def _tiers(text: str | None) -> tuple[str, ...]:
    from relationapp.commands.cli import CliError
    from relationapp.services.value.pyramid import CUSTOMER_TIERS

    if not text:
        return ()
    tiers = tuple(t.strip().lower() for t in text.split(",") if t.strip())
    unknown = [t for t in tiers if t not in CUSTOMER_TIERS]
    if unknown or not tiers:
        raise CliError(_("--tier: '{given}' is not a tier; choose from {tiers}.").format(
            given=",".join(unknown) or text, tiers=",".join(CUSTOMER_TIERS)))
    return tiers


def _reviews(args, db) -> int:
    from relationapp.commands.cli import CliError
    from relationapp.reports.reporting.batch import Scope, run_batch
    from relationapp.services.customers.staff import find_staff

    quarter = _quarter(args.quarter)
    if args.workers is not None and args.workers < 1:
        raise CliError(_("--workers must be at least 1."))
    owner_id = find_staff(db, name_or_id=args.owner).id if args.owner else None
    scope = Scope(tiers=_tiers(args.tier), owner_id=owner_id)
    interactive = sys.stderr.isatty()

    def progress(p) -> None:
        line = f"{p.done}/{p.total} {p.last_file}"
        if interactive:
            print(f"\r\033[K{line}", end="", file=sys.stderr, flush=True)
        else:
            print(line, file=sys.stderr, flush=True)

    result = run_batch(db, quarter=quarter, folder=args.out, scope=scope, audience=args.audience,
                       include_portfolio=not args.no_portfolio, workers=args.workers, progress=progress)
    if interactive:
        print(file=sys.stderr)
    if result.portfolio:
        line = _("{count} reviews and the portfolio report for {quarter} written to {folder}")
    else:
        line = _("{count} reviews for {quarter} written to {folder}")
    print(line.format(count=len(result.files), quarter=_words(quarter), folder=result.folder), file=sys.stderr)
    return 0
