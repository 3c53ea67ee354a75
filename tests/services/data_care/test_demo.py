"""The demo firm a new user tries first: what it shows must look like a real firm's data."""

import re

import sqlalchemy as sa

from relationapp.data import models as m

# what a mail server accepts without SMTPUTF8: ASCII letters, digits and dots before the @
PLAIN_ADDRESS = re.compile(r"[a-z0-9.]+@[a-z0-9.-]+\.[a-z]{2,}")


def test_every_demo_address_is_plain_ascii_even_for_turkish_and_polish_names(demo_db):
    with demo_db.read() as s:
        people = s.execute(sa.select(m.Person.name, m.Person.email)).all()
        accounts = s.execute(sa.select(m.Account.name, m.Account.email)).all()
    named = [(name, email) for name, email in people + accounts if email]
    odd = [(name, email) for name, email in named if not PLAIN_ADDRESS.fullmatch(email)]
    assert odd == []
    # the names themselves keep their letters: only the addresses are folded
    assert any("ı" in name or "Ł" in name or "é" in name for name, _ in named)
