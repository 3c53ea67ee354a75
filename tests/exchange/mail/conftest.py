"""The real IMAP server (started once per session) and a keyring in memory."""

from __future__ import annotations

import os

import pytest

from tests.exchange.mail import imap_server as servers


@pytest.fixture(scope="session")
def imap_server_session():
    try:
        server = servers.start_server()
    except FileNotFoundError as exc:
        if os.environ.get(servers.REQUIRE_ENV) == "1":
            pytest.fail(f"{exc}; {servers.REQUIRE_ENV}=1 asks for the real server")
        pytest.skip(f"{exc}; these tests need a real IMAP server")
    yield server
    servers.stop_server(server)


@pytest.fixture
def imap(imap_server_session):
    """The server with INBOX empty and no other folder: every test starts clean."""
    imap_server_session.reset()
    return imap_server_session
