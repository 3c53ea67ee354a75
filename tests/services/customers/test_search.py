"""Finding anyone by any word, as the toolbar search box does."""

from relationapp.services.customers import accounts, people
from relationapp.services.customers.search import match_expression, search


def test_words_match_as_prefixes_across_accounts_and_people(db):
    a = accounts.create_account(db, name="Bakkerij Jansen", city="Utrecht")
    people.create_person(db, name="Jan de Vries", account_id=a.id, email="jan@jansen.nl")
    people.create_person(db, name="Özlem Yılmaz")
    hits = search(db, text="jans")
    assert [(h.kind, h.name) for h in hits][0] == ("account", "Bakkerij Jansen")
    assert ("person", "Jan de Vries") in [(h.kind, h.name) for h in hits]  # by e-mail
    assert [h.name for h in search(db, text="vries jan")] == ["Jan de Vries"]
    assert [h.name for h in search(db, text="ozlem")] == ["Özlem Yılmaz"]  # diacritics ignored
    assert [h.name for h in search(db, text="utre")] == ["Bakkerij Jansen"]
    person_hit = search(db, text="vries")[0]
    assert person_hit.account_id == a.id and person_hit.detail == "Bakkerij Jansen"


def test_edits_and_archiving_are_reflected(db):
    a = accounts.create_account(db, name="Oude Naam")
    accounts.update_account(db, account_id=a.id, name="Nieuwe Naam")
    assert search(db, text="oude") == []
    assert [h.name for h in search(db, text="nieuwe")] == ["Nieuwe Naam"]
    accounts.archive_account(db, account_id=a.id)
    assert search(db, text="nieuwe") == []
    assert [h.name for h in search(db, text="nieuwe", include_archived=True)] == ["Nieuwe Naam"]


def test_search_operators_in_user_text_are_just_words(db):
    accounts.create_account(db, name='De "Beste" Bakker OR NOT')
    assert match_expression('" OR NEAR(') == '"OR"* "NEAR"*'
    assert search(db, text='"beste" NOT') and search(db, text="*") == []
    assert search(db, text="   ") == []


def test_list_filters_match_words_by_prefix_and_single_letters_by_name(db):
    from relationapp.services.customers.accounts import list_account_ids
    from relationapp.services.customers.people import list_person_ids

    for name, city in [("Bakkerij Jansen", "Utrecht"), ("Jansen Bouw", "Amsterdam"), ("Visser & Zn.", "Jutphaas")]:
        accounts.create_account(db, name=name, city=city)
    people.create_person(db, name="Jan Bakker", email="jan@visser.nl")
    names = lambda ids: sorted(accounts.get_account(db, account_id=i).name for i in ids)
    assert names(list_account_ids(db, search="jans")) == ["Bakkerij Jansen", "Jansen Bouw"]
    assert names(list_account_ids(db, search="jansen utr")) == ["Bakkerij Jansen"]  # every word, any field
    assert names(list_account_ids(db, search="j")) == ["Jansen Bouw"]  # one letter: the name starts with it
    assert [people.get_person(db, person_id=i).name for i in list_person_ids(db, search="visser")] == ["Jan Bakker"]


def test_a_list_filter_gives_the_same_pages_and_count_for_a_broad_word_as_for_a_narrow_one(db, monkeypatch):
    from relationapp.services.customers import search as search_module
    from relationapp.services.customers.accounts import count_account_ids, list_account_ids
    from relationapp.services.customers.people import count_person_ids, list_person_ids

    for i, (name, city) in enumerate([("Van Dam", "Venlo"), ("Bakkerij van Os", "Utrecht"), ("Vandenberg", "Ede"),
                                      ("Zeeman", "Vaals"), ("De Vries", "Venray"), ("Vanille & Co", "Assen")]):
        account = accounts.create_account(db, name=name, city=city)
        people.create_person(db, name=f"Anna van Dijk {i}", account_id=account.id)
        if i == 2:
            accounts.archive_account(db, account_id=account.id)
    people.create_person(db, name="Piet Jansen")

    def listed():
        return (list_account_ids(db, search="van"), count_account_ids(db, search="van"),
                [list_account_ids(db, search="van", limit=2, offset=o) for o in (0, 2, 4)],
                list_account_ids(db, search="van", include_archived=True, sort="city", descending=True),
                list_person_ids(db, search="van dij"), count_person_ids(db, search="van dij"),
                [list_person_ids(db, search="van dij", limit=4, offset=o) for o in (0, 4)])

    few = listed()  # every match handed over as ids
    monkeypatch.setattr(search_module, "BROAD", 2)  # now 'van' is broad: the list's own order is walked
    monkeypatch.setattr(search_module, "walks", lambda *_, **__: True)  # PostgreSQL: the page walked too
    assert listed() == few
    names = [accounts.get_account(db, account_id=i).name for i in few[0]]
    assert names == ["Bakkerij van Os", "Van Dam", "Vanille & Co"]  # by name; archived Vandenberg left out
    assert few[1] == 3 and sum(few[2], []) == few[0]
    assert len(few[4]) == few[5] == 6 and sum(few[6], []) == few[4]


def test_postgresql_walks_a_list_for_a_word_most_rows_hold_and_reads_the_matches_of_a_rare_one(pg_db):
    import sqlalchemy as sa

    from relationapp.services.customers.search import walks

    db = pg_db  # SQLite's FTS5 decides by the number of matches (BROAD)
    for i in range(40):
        accounts.create_account(db, name=f"Van Dijk {i}", city="Venlo" if i else "Bakkum")
    with db.write() as session:
        session.execute(sa.text("ANALYZE account"))
    with db.read() as session:
        assert walks(session, "van", parity=0, page=2, table="account")
        assert not walks(session, "bakkum", parity=0, page=2, table="account")  # one match: read it
        assert not walks(session, "van", parity=1, page=2, table="person")  # no person holds it
        assert not walks(session, "__", parity=0, page=2, table="account")  # no word to look for
