"""The real server fixtures (``dav_server_session``, ``dav``) live in tests/conftest.py: the window's tests use them too."""

import pytest


@pytest.fixture
def synced(db, dav, memory_keyring):
    """The test database set up to sync with the server's address book and calendars."""
    from relationapp.exchange.dav.run import set_up

    set_up(db, url=dav.url, user=dav.user, password=dav.password, address_book=f"{dav.user}/contacts/",
           tasks=f"{dav.user}/tasks/", visits=f"{dav.user}/visits/", dates=f"{dav.user}/dates/")
    return db
