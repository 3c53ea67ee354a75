"""Staff members with passwords: signing in as oneself, and who this session is."""

import pytest

from relationapp.errors import NotAllowed, ValidationError
from relationapp.services.common.change_log import log_entries
from relationapp.services.common.settings import update_settings
from relationapp.services.customers import accounts, sign_in
from relationapp.services.customers.staff import create_staff, current_staff, update_staff


@pytest.fixture
def team(db):
    anna = create_staff(db, name="Anna de Vries", email="anna@firma.nl")
    bram = create_staff(db, name="Bram Smit")
    return anna, bram


def test_without_passwords_nobody_signs_in_and_i_am_stays_the_setting(db, team):
    anna, _bram = team
    assert not sign_in.has_passwords(db)
    update_settings(db, current_staff_id=anna.id)
    assert current_staff(db).id == anna.id


def test_sign_in_by_name_or_email_makes_them_this_sessions_i_am(db, team):
    anna, bram = team
    sign_in.set_password(db, staff_id=anna.id, password="correct horse")
    assert sign_in.has_passwords(db)
    assert [s.name for s in sign_in.who_can_sign_in(db)] == ["Anna de Vries"]
    update_settings(db, current_staff_id=bram.id)  # the shared setting no longer decides who this session is
    signed = sign_in.sign_in(db, name_or_email="ANNA@firma.nl ", password="correct horse")
    assert signed.staff_id == anna.id and db.staff_id == anna.id
    assert current_staff(db).id == anna.id
    assert sign_in.sign_in(db, name_or_email="anna de vries", password="correct horse").name == "Anna de Vries"


def test_the_change_log_names_who_signed_in(db, team):
    anna, bram = team
    update_settings(db, current_staff_id=bram.id)
    sign_in.set_password(db, staff_id=anna.id, password="correct horse")
    sign_in.sign_in(db, name_or_email="Anna de Vries", password="correct horse")
    accounts.create_account(db, name="Bakkerij Jansen")
    assert log_entries(db, limit=1)[0].staff == "Anna de Vries"


@pytest.mark.parametrize("who, password", [
    ("Anna de Vries", "wrong password"),  # a wrong password
    ("Nobody Here", "correct horse"),  # nobody by that name
    ("Bram Smit", "correct horse"),  # somebody without a password
    ("Anna", "correct horse"),  # a part of the name is not enough to sign in
])
def test_a_wrong_name_or_password_gets_one_message_and_signs_nobody_in(db, team, who, password):
    anna, _bram = team
    sign_in.set_password(db, staff_id=anna.id, password="correct horse")
    with pytest.raises(ValidationError, match=r"^Wrong name or password\.$"):
        sign_in.sign_in(db, name_or_email=who, password=password)
    assert db.staff_id is None


def test_someone_who_left_cannot_sign_in(db, team):
    anna, _bram = team
    sign_in.set_password(db, staff_id=anna.id, password="correct horse")
    sign_in.sign_in(db, name_or_email="Anna de Vries", password="correct horse")
    update_staff(db, staff_id=anna.id, active=False)  # she manages staff (the first with a password)
    assert not sign_in.has_passwords(db)
    with pytest.raises(ValidationError, match="Wrong name or password"):
        sign_in.sign_in(db, name_or_email="Anna de Vries", password="correct horse")


def test_only_a_hash_is_stored_and_a_short_password_is_refused(db, team):
    from relationapp.data.models import Staff

    anna, _bram = team
    with pytest.raises(ValidationError, match="at least 8 characters"):
        sign_in.set_password(db, staff_id=anna.id, password="short")
    assert not sign_in.has_passwords(db)
    sign_in.set_password(db, staff_id=anna.id, password="correct horse")
    with db.read() as session:
        stored = session.get(Staff, anna.id).password_hash
    assert stored.startswith("$argon2id$") and "correct horse" not in stored


def test_a_cleared_password_no_longer_signs_in(db, team):
    anna, _bram = team
    sign_in.set_password(db, staff_id=anna.id, password="correct horse")
    sign_in.sign_in(db, name_or_email="Anna de Vries", password="correct horse")
    sign_in.set_password(db, staff_id=anna.id, password="battery staple")
    with pytest.raises(ValidationError):
        sign_in.sign_in(db, name_or_email="Anna de Vries", password="correct horse")
    sign_in.clear_password(db, staff_id=anna.id)
    assert not sign_in.has_passwords(db)
    with pytest.raises(ValidationError):
        sign_in.sign_in(db, name_or_email="Anna de Vries", password="battery staple")


def test_once_people_sign_in_only_a_manager_changes_anothers_sign_in(db, team):
    anna, bram = team
    carla = create_staff(db, name="Carla Jansen")
    sign_in.set_password(db, staff_id=anna.id, password="correct horse")  # the first: she manages staff
    with pytest.raises(NotAllowed, match="^Sign in first"):
        sign_in.set_password(db, staff_id=bram.id, password="bram's own")
    sign_in.sign_in(db, name_or_email="Anna de Vries", password="correct horse")
    sign_in.set_password(db, staff_id=bram.id, password="bram's own")
    sign_in.set_password(db, staff_id=carla.id, password="carla's own")
    assert [(s.name, s.manages_staff) for s in sign_in_roles(db)] == [
        ("Anna de Vries", True), ("Bram Smit", False), ("Carla Jansen", False)]

    sign_in.sign_in(db, name_or_email="Bram Smit", password="bram's own")
    sign_in.set_password(db, staff_id=bram.id, password="bram's new one")  # his own: yes
    for refused, match in (
            (lambda: sign_in.set_password(db, staff_id=carla.id, password="taken over"), "set another's password"),
            (lambda: sign_in.clear_password(db, staff_id=anna.id), "clear another's password"),
            (lambda: sign_in.set_manages_staff(db, staff_id=bram.id, manages=True), "choose who manages staff"),
            (lambda: update_staff(db, staff_id=anna.id, active=False), "mark someone as left")):
        with pytest.raises(NotAllowed, match=match):
            refused()
    update_staff(db, staff_id=carla.id, email="carla@firma.nl")  # an e-mail address is anyone's to correct
    assert sign_in.sign_in(db, name_or_email="Carla Jansen", password="carla's own").name == "Carla Jansen"

    sign_in.sign_in(db, name_or_email="Anna de Vries", password="correct horse")
    with pytest.raises(NotAllowed, match="last one who manages staff"):
        sign_in.set_manages_staff(db, staff_id=anna.id, manages=False)
    with pytest.raises(NotAllowed, match="last one who manages staff"):
        update_staff(db, staff_id=anna.id, active=False)
    sign_in.set_manages_staff(db, staff_id=bram.id, manages=True)
    sign_in.set_manages_staff(db, staff_id=anna.id, manages=False)  # now Bram does
    assert [s.name for s in sign_in_roles(db) if s.manages_staff] == ["Bram Smit"]


def test_the_owner_of_the_database_resets_a_forgotten_password_without_signing_in(db, team):
    anna, _bram = team
    sign_in.set_password(db, staff_id=anna.id, password="correct horse")
    assert sign_in.database_owner(db)  # the test database's owner (on SQLite: whoever holds the file)
    sign_in.reset_password(db, staff_id=anna.id, password="new and remembered")
    assert sign_in.sign_in(db, name_or_email="Anna de Vries", password="new and remembered").staff_id == anna.id


def sign_in_roles(db):
    from relationapp.services.customers.staff import list_staff

    return [s for s in list_staff(db) if s.has_password]


@pytest.mark.pg
def test_on_a_server_only_the_owner_of_the_database_resets_a_password(pg_db, pg_server):
    import sqlalchemy as sa

    from relationapp.data.db import Database
    from relationapp.errors import NotAllowed

    anna = create_staff(pg_db, name="Anna de Vries")
    sign_in.set_password(pg_db, staff_id=anna.id, password="correct horse")
    clerk = pg_server.unique_name("clerk")
    grants = [f"CREATE ROLE {clerk} LOGIN PASSWORD 'clerk password'", f"GRANT USAGE ON SCHEMA public TO {clerk}",
              f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {clerk}",
              f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {clerk}"]
    with pg_db.write() as session:
        for statement in grants:
            session.execute(sa.text(statement))
    as_clerk = Database(sa.engine.make_url(pg_db.url).set(username=clerk, password="clerk password")
                        .render_as_string(hide_password=False))
    try:
        assert sign_in.database_owner(pg_db) and not sign_in.database_owner(as_clerk)
        with pytest.raises(NotAllowed, match="^Only the owner of the database"):
            sign_in.reset_password(as_clerk, staff_id=anna.id, password="taken over")
    finally:
        as_clerk.dispose()
        with pg_db.write() as session:
            session.execute(sa.text(f"DROP OWNED BY {clerk}"))
            session.execute(sa.text(f"DROP ROLE {clerk}"))
    assert sign_in.sign_in(pg_db, name_or_email="Anna de Vries", password="correct horse").staff_id == anna.id
