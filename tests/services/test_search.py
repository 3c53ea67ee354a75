"""Finding anyone by any word, as the toolbar search box does."""

from relationapp.services import accounts, people
from relationapp.services.search import match_expression, search


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
