"""Backups and a privacy erase of a firm on PostgreSQL: how long pg_dump, the export fallback and erase take.

    python benchmarks/server_care.py --db M.db      # a COPY of a generated firm (it is migrated)

Starts a throwaway cluster (tests/pg_server.py), copies the file onto it with
migrate-to's service, then times a pg_dump backup, the app's export (the
fallback without pg_dump), a pg_restore into a new database, and the erase
of one person with their touches' mentions (its VACUUM FULL included). Each
figure is wall and CPU seconds of this process (pg_dump and the server work
in other processes: their CPU is not in the CPU column).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def timed(label: str, fn):
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    print(f"{label:<40} wall {time.perf_counter() - wall:8.2f} s   cpu {time.process_time() - cpu:8.2f} s",
          flush=True)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="a copy of a generated firm (SQLite)")
    args = parser.parse_args(argv)

    import sqlalchemy as sa

    from relationapp.exchange.server_backup import backup_server, restore_server
    from relationapp.files import pg_tools
    from relationapp.services.data_care.move_to_server import move_to_server
    from relationapp.services.data_care.opening import open_database
    from relationapp.services.data_care.privacy import erase_person
    from tests import pg_server

    server = pg_server.start_server()
    try:
        source = open_database(args.db)
        target = open_database(server.create_database("firm"))
        moved = timed("migrate-to (copy onto the server)", lambda: move_to_server(source, target=target))
        print(f"  {moved.total} records")
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            made = timed("backup: pg_dump -Fc", lambda: backup_server(target, backup_dir=folder, keep=5))
            print(f"  {made.path.stat().st_size / 1e6:.1f} MB")
            restored_url = server.create_database("restored")
            timed("restore: pg_restore into a new database", lambda: restore_server(restored_url, source=made.path))
            real = pg_tools.DEBIAN_FOLDERS
            path = os.environ.get("PATH", "")
            pg_tools.DEBIAN_FOLDERS = os.environ["PATH"] = str(folder / "none")  # a machine without pg_dump
            try:
                made = timed("backup without pg_dump: the export", lambda: backup_server(target, backup_dir=folder, keep=5))
            finally:
                pg_tools.DEBIAN_FOLDERS = real
                os.environ["PATH"] = path
            print(f"  {made.message}; {made.path.stat().st_size / 1e6:.1f} MB")
        with target.read() as session:
            busiest = session.execute(sa.text(
                "SELECT person_id FROM interaction_person GROUP BY person_id ORDER BY count(*) DESC LIMIT 1")).scalar()
        result = timed("erase the person with the most touches", lambda: erase_person(target, person_id=busiest))
        print(f"  {result}")
        source.dispose()
        target.dispose()
    finally:
        pg_server.stop_server(server)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
