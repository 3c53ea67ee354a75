"""relationapp demo [--force] [--open]"""

from __future__ import annotations

import sys

from relationapp.text.catalogue import N_, _


def register(sub) -> None:
    demo = sub.add_parser("demo", help=N_("fill the database with a realistic demo firm"))
    demo.add_argument("--force", action="store_true", help=N_("replace what the database holds"))
    demo.add_argument("--open", action="store_true", help=N_("open the window afterwards"))
    demo.add_argument("--seed", type=int, default=2026, help=N_("random seed (the same seed builds the same firm)"))
    demo.set_defaults(handler=_demo)



def _demo(args, db) -> int:
    from relationapp.services.data_care.demo import build_demo, holds_data

    if args.open and not args.force and holds_data(db):  # the README's command, run a second time
        print(_("This database holds data already; opening it as it is (--force rebuilds the demo)."), file=sys.stderr)
        return _open(args, db)
    summary = build_demo(db, force=args.force, seed=args.seed)
    print(
        _("Demo firm ready: {accounts} accounts, {people} people, {orders} orders, "
          "{interactions} interactions, {referrals} referrals, {scores} NPS scores.").format(
            accounts=summary.accounts, people=summary.people, orders=summary.orders,
            interactions=summary.interactions, referrals=summary.referrals, scores=summary.nps_responses),
        file=sys.stderr,
    )
    return _open(args, db) if args.open else 0


def _open(args, db) -> int:
    args.open_window_after = True  # the entry point opens it once this database is closed
    return 0
