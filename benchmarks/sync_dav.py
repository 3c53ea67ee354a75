"""Phone sync at scale: the first sync of 5,000 people and 2,000 calendar items, then a sync with nothing changed.

    python benchmarks/sync_dav.py [--people 5000] [--items 2000] [--with-dates] [--json] [--stock-floor 1000]

Against the tests' Radicale on 127.0.0.1 (tests/exchange/sync/dav_server.py,
a separate process), on a fresh database. Targets (issue #20): the first sync
<= 60 s, the sync with nothing changed <= 1 s. Each row gives the wall time,
this process's CPU and Radicale's CPU (from /proc), since the server's share
is most of it. The floor: the same number of plain PUTs over http.client, one
after the other, no app code: what the server needs whatever a client does.

What was found (see tests/exchange/sync/radicale_storage.py): stock Radicale
reads every item of the collection on every new item (``has_uid``) and lists
its history folder each time; 1,000 plain PUTs took 31 s of its CPU, 5,000
about 775 s. ``--stock-floor N`` measures N plain PUTs on stock Radicale.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _proc_cpu(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as fh:
        parts = fh.read().rsplit(")", 1)[1].split()
    return (int(parts[11]) + int(parts[12])) / os.sysconf("SC_CLK_TCK")


def _measure(fn, server):
    wall, cpu, server_cpu = time.perf_counter(), time.process_time(), _proc_cpu(server.process.pid)
    value = fn()
    return value, {"wall_s": round(time.perf_counter() - wall, 2), "cpu_s": round(time.process_time() - cpu, 2),
                   "server_cpu_s": round(_proc_cpu(server.process.pid) - server_cpu, 2)}


def seed(db, *, people: int, items: int) -> None:
    from relationapp.data.models import Account, FollowUp, PlannedVisit
    from relationapp.services.data_care.bulk_import import PersonInput, add_people

    add_people(db, people=[PersonInput(name=f"Persoon {n:05d}", email=f"p{n}@voorbeeld.nl", phone=f"+31 6 {n:08d}",
                                       account=f"Firma {n % 800}", job_title="Inkoper", birthday_day=1 + n % 28,
                                       birthday_month=1 + n % 12, birthday_year=None if n % 3 else 1960 + n % 40)
                           for n in range(people)])
    today = dt.date.today()
    with db.write() as session:
        accounts = list(session.execute(sa.select(Account.id).limit(800)).scalars())
        for n in range(items // 2):
            session.add(FollowUp(account_id=accounts[n % len(accounts)], title=f"Bellen over offerte {n}",
                                 due_on=today + dt.timedelta(days=n % 60)))
            session.add(PlannedVisit(account_id=accounts[n % len(accounts)], planned_on=today + dt.timedelta(days=n % 90),
                                     start_time=dt.time(9 + n % 8, 0), duration_minutes=60))


def plain_puts(server, count: int, collection: str = "contacts") -> dict:
    def go():
        for i in range(count):
            server.put(collection, f"floor-{i}.vcf", f"BEGIN:VCARD\r\nVERSION:3.0\r\nUID:floor-{i}\r\nFN:Floor {i}\r\n"
                                                     f"N:{i};Floor;;;\r\nEND:VCARD\r\n")
    _value, figures = _measure(go, server)
    return figures


def token_reports(server, db) -> dict:
    """The floor of a sync with nothing changed: one sync-collection REPORT per collection with its token."""
    from xml.sax.saxutils import escape

    from relationapp.services.sync.store import sync_account

    def go():
        for col in sync_account(db).collections:
            body = ('<?xml version="1.0" encoding="utf-8"?><D:sync-collection xmlns:D="DAV:"><D:sync-token>'
                    f"{escape(col.sync_token or '')}</D:sync-token><D:sync-level>1</D:sync-level><D:prop><D:getetag/>"
                    "</D:prop></D:sync-collection>")
            status, _h, _b = server.request("REPORT", col.url.replace(server.url, "/"), body,
                                            {"Content-Type": "application/xml"})
            assert status == 207, status
    _value, figures = _measure(go, server)
    return figures


def measure(*, people: int = 5000, items: int = 2000, with_dates: bool = False, stock_floor: int = 0, floors: bool = True) -> dict:
    """The figures of one run (also benchmarks/run.py's ``sync_first`` and ``sync_nothing_changed`` rows)."""
    from relationapp.exchange.dav.run import sync_now
    from relationapp.services.data_care.opening import open_database
    from relationapp.services.sync.store import set_up_account
    from tests.exchange.sync import dav_server

    load_before = open("/proc/loadavg").read().split()[:3]
    results: dict = {"people": people, "items": items, "cores": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="relationapp-bench-dav-") as tmp:
        db = open_database(str(Path(tmp) / "sync.db"))
        seed(db, people=people, items=items)
        server = dav_server.start_server()
        try:
            base = f"{server.user}/"
            set_up_account(db, url=server.url, user=server.user,
                           collections={"contacts": server.url + base + "contacts/", "tasks": server.url + base + "tasks/",
                                        "visits": server.url + base + "visits/",
                                        "dates": server.url + base + "dates/" if with_dates else ""})
            summary, results["first_sync"] = _measure(lambda: sync_now(db, password=server.password), server)
            results["first_sync"]["ok"] = summary.ok
            results["first_sync"]["result"] = summary.text()
            results["first_sync"]["items_on_server"] = {c: len(server.names(c)) for c in
                                                        ("contacts", "tasks", "visits", "dates")}
            summary, results["nothing_changed"] = _measure(lambda: sync_now(db, password=server.password), server)
            results["nothing_changed"]["result"] = summary.text()
            summary, results["nothing_changed_again"] = _measure(lambda: sync_now(db, password=server.password), server)
            if floors:
                results["floor_nothing_changed"] = token_reports(server, db)
                server.reset()
                results["floor_plain_puts"] = plain_puts(server, people + items)
        finally:
            dav_server.stop_server(server)
        if stock_floor:
            stock = dav_server.start_server(storage="multifilesystem")
            try:
                results["stock_radicale_plain_puts"] = {"count": stock_floor, **plain_puts(stock, stock_floor)}
            finally:
                dav_server.stop_server(stock)
        db.dispose()
    results["load"] = {"before": load_before, "after": open("/proc/loadavg").read().split()[:3]}
    results["targets"] = {"first_sync_s": 60, "nothing_changed_s": 1}
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure the phone sync against a local Radicale.")
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--items", type=int, default=2000, help="follow-ups and planned visits, half each")
    parser.add_argument("--stock-floor", type=int, default=0, metavar="N",
                        help="also N plain PUTs on stock Radicale (quadratic: 1,000 take half a minute)")
    parser.add_argument("--with-dates", action="store_true",
                        help="also the birthdays calendar (one more event per person with a birthday)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    results = measure(people=args.people, items=args.items, with_dates=args.with_dates, stock_floor=args.stock_floor)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for key in ("first_sync", "nothing_changed", "nothing_changed_again", "floor_nothing_changed", "floor_plain_puts",
                    "stock_radicale_plain_puts"):
            if key in results:
                r = results[key]
                print(f"{key:28} wall {r['wall_s']:7.2f} s  cpu {r['cpu_s']:6.2f} s  radicale cpu {r['server_cpu_s']:6.2f} s"
                      f"  {r.get('result', '')}")
        print(f"load average before {' '.join(results['load']['before'])}, "
              f"after {' '.join(results['load']['after'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
