"""Faults on a real server: a 500, no answer in time, the server killed mid-sync, the app killed mid-sync.

Each is reported in one line; the next sync resumes, and nothing is lost or doubled on either side.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import sqlalchemy as sa

from relationapp.data.models import Person
from relationapp.exchange.dav.run import sync_now
from relationapp.services.data_care.bulk_import import PersonInput, add_people


def add_many(db, count: int) -> None:
    add_people(db, people=[PersonInput(name=f"Person {n:04d}", email=f"p{n}@example.nl") for n in range(count)])


def person_count(db) -> int:
    with db.read() as session:
        return session.execute(sa.select(sa.func.count(Person.id))).scalar()


def uids(dav) -> list[str]:
    return sorted(line for text in dav.items("contacts").values() for line in text.splitlines()
                  if line.startswith("UID:"))


def test_a_server_that_answers_500_is_reported_and_the_next_sync_resumes(synced, dav):
    db = synced
    add_many(db, 5)
    marker = dav.root / "storage" / ".fail-writes"
    marker.touch()

    failed = sync_now(db, kinds=("contacts",))

    assert not failed.ok and "answered 500" in failed.failures[0]
    marker.unlink()
    assert sync_now(db, kinds=("contacts",)).ok
    assert len(set(uids(dav))) == len(uids(dav)) == 5 and person_count(db) == 5


def test_a_server_that_does_not_answer_in_time(synced, dav):
    db = synced
    add_many(db, 2)
    (dav.root / "storage" / ".slow-writes").touch()

    failed = sync_now(db, kinds=("contacts",), timeout=1)

    assert not failed.ok and "no answer in time" in failed.failures[0]
    (dav.root / "storage" / ".slow-writes").unlink()
    assert sync_now(db, kinds=("contacts",)).ok
    assert len(uids(dav)) == 2 and person_count(db) == 2


def test_the_server_killed_mid_sync(synced, dav):
    db = synced
    add_many(db, 450)  # three batches of writes
    seen = []

    def progress(done, total, text):
        seen.append(done)
        if total and done >= 200 and dav.process is not None:
            dav.kill()  # kill -9 between two batches

    failed = sync_now(db, kinds=("contacts",), progress=progress)

    assert not failed.ok and "Cannot reach the server" in failed.failures[0]
    dav.start_again()
    assert sync_now(db, kinds=("contacts",)).ok
    assert len(set(uids(dav))) == len(uids(dav)) == 450 and person_count(db) == 450
    assert not any(k.changed_anything for k in sync_now(db).kinds)


def test_the_app_killed_mid_sync(synced, dav, db_path):
    db = synced
    add_many(db, 450)
    # a sync in another process, killed -9 once its first batch of cards is on the server
    script = textwrap.dedent(f"""
        import os, signal
        import keyring
        from keyring.backend import KeyringBackend

        class Memory(KeyringBackend):
            priority = 1
            def get_password(self, service, user): return {dav.password!r}
            def set_password(self, *a): pass
            def delete_password(self, *a): pass

        keyring.set_keyring(Memory())
        from relationapp.services.data_care.opening import open_database
        from relationapp.exchange.dav.run import sync_now

        def progress(done, total, text):
            if total and done >= 200:
                os.kill(os.getpid(), signal.SIGKILL)

        sync_now(open_database({str(db_path)!r}), kinds=("contacts",), progress=progress)
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert run.returncode == -9, run.stderr.decode()[-2000:]
    assert 0 < len(uids(dav)) < 450

    assert sync_now(db, kinds=("contacts",)).ok
    assert len(set(uids(dav))) == len(uids(dav)) == 450 and person_count(db) == 450
    assert not any(k.changed_anything for k in sync_now(db).kinds)
