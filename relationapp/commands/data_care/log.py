"""relationapp log [--since DATE] [--json]: who changed what, newest first (the change log, kept 30 days)."""

from __future__ import annotations

from relationapp.text.catalogue import N_, _

# the kinds of records in words (services.common.changes.Kind values are the JSON)
KIND_WORDS = {
    "accounts": N_("accounts"), "people": N_("people"), "important dates": N_("personal dates"),
    "interactions": N_("touches"), "follow-ups": N_("follow-ups"), "orders": N_("orders"),
    "referrals": N_("referrals"), "NPS scores": N_("NPS scores"), "planned visits": N_("planned visits"),
    "settings": N_("settings"), "staff": N_("staff"), "leads": N_("leads"), "pyramid snapshots": N_("pyramid snapshots"),
    "phone sync": N_("phone sync"),
}


def register(sub) -> None:
    log = sub.add_parser("log", help=N_("who changed what, newest first (kept 30 days)"))
    log.add_argument("--since", metavar="DATE", help=N_("only changes from this day on (YYYY-MM-DD, UTC)"))
    log.add_argument("--limit", type=int, default=200, metavar="N", help=N_("at most this many (default 200; 0: all)"))
    log.add_argument("--json", action="store_true", help=N_("machine-readable output"))
    log.set_defaults(handler=_log)


def _log(args, db) -> int:
    import datetime as dt

    from relationapp.commands.output import print_json, print_table
    from relationapp.services.common import validation
    from relationapp.services.common.change_log import log_entries
    from relationapp.text import formatting

    since = validation.parse_date(args.since, field="since", label="--since")
    entries = log_entries(db, since=since, limit=args.limit or None)
    if args.json:
        print_json([{"seq": e.seq, "at": e.at.isoformat() + "Z", "staff_id": e.staff_id, "staff": e.staff,
                     "kinds": sorted(k.value for k in e.changes.kinds), "tables": list(e.tables)} for e in entries])
        return 0
    if not entries:
        print(_("No changes logged since {day}.").format(day=formatting.current().date(since)) if since
              else _("No changes logged yet."))
        return 0
    fmt = formatting.current()
    rows = []
    for e in entries:
        local = e.at.replace(tzinfo=dt.timezone.utc).astimezone()  # as the clock on the wall read it
        what = ", ".join(sorted(_(KIND_WORDS.get(k.value, k.value)) for k in e.changes.kinds)) or ", ".join(e.tables)
        rows.append([f"{fmt.date(local.date())} {local:%H:%M}", e.staff or "—", what])
    print_table([_("when"), _("who"), _("what")], rows)
    return 0
