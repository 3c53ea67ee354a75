"""A firm that has not typed its own name or lead definition sees the defaults in its own language."""

from relationapp.services.common.settings import get_settings, update_settings


def test_default_texts_are_in_the_firms_language_until_the_firm_types_its_own(db):
    assert get_settings(db).language == "nl"  # the default firm speaks Dutch
    assert get_settings(db).company_name == "Mijn bedrijf"
    assert get_settings(db).lead_definition.startswith("Een persoon die ons iets vroeg")
    update_settings(db, language="en")
    assert get_settings(db).lead_definition.startswith("A person who asked us")
    update_settings(db, lead_definition="Wie een offerte vraagt.")
    update_settings(db, language="nl")
    assert get_settings(db).lead_definition == "Wie een offerte vraagt."
