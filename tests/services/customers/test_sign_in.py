"""Staff members with passwords: signing in as oneself, and who this session is."""

import pytest

from relationapp.errors import ValidationError
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
    update_staff(db, staff_id=anna.id, active=False)
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
    sign_in.set_password(db, staff_id=anna.id, password="battery staple")
    with pytest.raises(ValidationError):
        sign_in.sign_in(db, name_or_email="Anna de Vries", password="correct horse")
    sign_in.clear_password(db, staff_id=anna.id)
    assert not sign_in.has_passwords(db)
    with pytest.raises(ValidationError):
        sign_in.sign_in(db, name_or_email="Anna de Vries", password="battery staple")
