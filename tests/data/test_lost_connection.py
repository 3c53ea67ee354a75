"""A lost connection to the PostgreSQL server: one line, nothing half-written, working again once it answers."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from relationapp.data.models import Account, Person
from relationapp.errors import ConnectionLost

pytestmark = pytest.mark.pg


def _end_sessions(pg_server, db) -> None:
    """What an administrator (or a server restart) does: every session of the app on that database ended."""
    name = sa.engine.make_url(db.url).database
    pg_server.admin(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' "
                    "AND pid <> pg_backend_pid()")


def test_a_connection_lost_mid_write_saves_nothing_of_it(pg_db, pg_server):
    with pytest.raises(ConnectionLost, match=r"^Lost the connection to the PostgreSQL server at 127\.0\.0\.1:\d+; "
                                             r"nothing was saved\.$"):
        with pg_db.write() as session:
            account = Account(name="Bakkerij Jansen")
            session.add(account)
            session.flush()  # the account is written inside the transaction ...
            _end_sessions(pg_server, pg_db)
            session.add(Person(first_name="Jan", last_name="Jansen", account_id=account.id))
            session.flush()  # ... and the connection is gone before the rest
    assert pg_db.server_answers()  # the server is still there: a new connection
    with pg_db.read() as session:
        assert session.execute(sa.select(sa.func.count()).select_from(Account)).scalar() == 0
        assert session.execute(sa.select(sa.func.count()).select_from(Person)).scalar() == 0


def test_a_database_that_stops_answering_is_one_line_until_it_answers_again(pg_db, pg_server):
    name = sa.engine.make_url(pg_db.url).database
    pg_server.admin(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
    try:
        _end_sessions(pg_server, pg_db)
        assert not pg_db.server_answers()
        with pytest.raises(ConnectionLost):
            with pg_db.write() as session:
                session.add(Account(name="Bakkerij Jansen"))
    finally:
        pg_server.admin(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
    assert pg_db.server_answers()
