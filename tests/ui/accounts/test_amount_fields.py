"""Every amount field reads typed text the same way (relationapp.text.parsing): the account dialog's
budget, the Orders tab, the gift cost of a logged touch and the Settings page."""

from __future__ import annotations

from decimal import Decimal

import pytest

pytest.importorskip("PySide6")

from relationapp.services.common.settings import get_settings  # noqa: E402
from relationapp.services.customers import accounts  # noqa: E402
from relationapp.services.touches import interactions  # noqa: E402
from relationapp.services.value import orders  # noqa: E402
from relationapp.text import catalogue  # noqa: E402

# (typed, what Dutch makes of it, what English makes of it); None: refused
TYPED = [
    ("1.234,56", "1234.56", None),
    ("1,234.56", None, "1234.56"),
    ("1.5", "1.50", "1.50"),
    ("1,5", "1.50", "1.50"),
    ("1.500", "1500.00", "1.50"),
    ("1,500", "1.50", "1500.00"),
    ("€ 12,50", "12.50", "12.50"),
    ("1234.56", "1234.56", "1234.56"),
    ("12,3,4", None, None),
    ("1e5", None, None),
    ("12,345", None, "12345.00"),
    ("12.345", "12345.00", None),
    ("honderd", None, None),
]


@pytest.fixture(params=["nl", "en"])
def language(request, monkeypatch):
    """Typed values are read in the catalogue's language (the words stay English: no Dutch .mo in the tests)."""
    monkeypatch.setattr(catalogue, "current_language", lambda: request.param)
    return request.param


def _budget(ctx, qtbot, name: str, text: str):
    """What the new-account dialog does with ``text`` in its budget field: (amount saved or None, error shown)."""
    from relationapp.ui.accounts.account_dialog import AccountDialog

    dialog = AccountDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.name.setText(name)
    dialog.budget.setText(text)
    dialog.accept()
    if dialog.result() == 1:
        return accounts.get_account(ctx.db, account_id=dialog.result_value.id).annual_budget, ""
    assert dialog.budget.text() == text  # what was typed is kept
    assert accounts.list_accounts(ctx.db, search=name) == []
    return None, dialog.error.text()


def test_the_budget_field_and_the_orders_tab_accept_and_refuse_the_same_text(ctx, qtbot, language):
    from relationapp.ui.value.orders_tab import OrdersTab

    account = accounts.create_account(ctx.db, name="Bakkerij Smit", stage="customer").id
    tab = OrdersTab(ctx)
    qtbot.addWidget(tab)
    tab.set_account(account)
    assert tab.amount.placeholderText() == {"nl": "1.234,56", "en": "1,234.56"}[language]
    for number, (text, dutch, english) in enumerate(TYPED):
        expected = dutch if language == "nl" else english
        budget, budget_error = _budget(ctx, qtbot, f"Klant {number}", text)
        tab.amount.setText(text)
        tab.reference.setText(f"F-{number}")
        tab.add_button.click()
        added = [o.amount for o in orders.list_orders(ctx.db, account_id=account) if o.reference == f"F-{number}"]
        if expected is None:
            assert budget is None and added == [], text
            assert tab.amount.text() == text and not tab.error.isHidden()
            # one message, one line, quoting the text, in both places (each with its own label)
            problem = tab.error.text().split(": ", 1)[1]
            assert f"'{text}'" in problem and "\n" not in problem
            assert budget_error.endswith(problem), (budget_error, problem)
        else:
            assert budget == Decimal(expected) and added == [Decimal(expected)], text
            assert tab.error.isHidden() and tab.amount.text() == ""


def test_a_bad_budget_is_shown_with_the_example_of_the_language(ctx, qtbot, language):
    _saved, error = _budget(ctx, qtbot, "Klant", "12,3,4")
    example = {"nl": "1.234,56", "en": "1,234.56"}[language]
    assert error == f"Estimated annual budget: '12,3,4' is not an amount; write it like {example}"


def test_an_account_budget_is_shown_for_editing_in_the_language_and_saved_unchanged(ctx, qtbot, language):
    from relationapp.ui.accounts.account_dialog import AccountDialog

    account = accounts.create_account(ctx.db, name="Hotel Vos", annual_budget=Decimal("12500.50")).id
    dialog = AccountDialog(ctx, account)
    qtbot.addWidget(dialog)
    assert dialog.budget.text() == {"nl": "12.500,50", "en": "12,500.50"}[language]
    dialog.accept()
    assert dialog.result() == 1, dialog.error.text()
    assert accounts.get_account(ctx.db, account_id=account).annual_budget == Decimal("12500.50")


def test_a_gift_cost_is_read_in_the_language_and_a_bad_one_keeps_the_dialog_open(ctx, qtbot, language):
    from relationapp.ui.touches.edit_interaction import EditInteractionDialog

    account = accounts.create_account(ctx.db, name="Hotel Vos").id
    row = interactions.log_interaction(ctx.db, account_id=account, kind="gift", gift_item="Wijn", gift_cost="0.10")
    dialog = EditInteractionDialog(ctx, row.id)
    qtbot.addWidget(dialog)
    assert dialog.gift_cost.text() == {"nl": "0,10", "en": "0.10"}[language]
    dialog.gift_cost.setText("1.500")
    dialog.accept()
    assert dialog.result() == 1, dialog.error.text()
    assert interactions.get_interaction(ctx.db, interaction_id=row.id).gift_cost == Decimal(
        {"nl": "1500.00", "en": "1.50"}[language])
    dialog = EditInteractionDialog(ctx, row.id)
    qtbot.addWidget(dialog)
    dialog.gift_cost.setText("12,3,4")
    dialog.accept()
    assert dialog.result() == 0 and "Gift cost: '12,3,4' is not an amount" in dialog.error.text()
    assert dialog.gift_cost.text() == "12,3,4"


def test_the_settings_page_reads_amounts_and_percentages_in_the_language(ctx, qtbot, language):
    from relationapp.ui.data.settings_view import SettingsForm

    form = SettingsForm(ctx)
    qtbot.addWidget(form)
    dutch = language == "nl"
    assert form.editors["hourly_cost"].text() == ("60,00" if dutch else "60.00")
    assert form.editors["tier_top_pct"].text() == "1"
    form.editors["hourly_cost"].setText("1.072,50" if dutch else "1,072.50")
    form.editors["tier_top_pct"].setText("2,5 %" if dutch else "2.5%")
    assert form.save(), form.error.text()
    saved = get_settings(ctx.db)
    assert (saved.hourly_cost, saved.tier_top_pct) == (Decimal("1072.50"), Decimal("2.5"))
    form.load()
    assert form.editors["hourly_cost"].text() == ("1.072,50" if dutch else "1,072.50")
    assert form.editors["tier_top_pct"].text() == ("2,5" if dutch else "2.5")
    form.editors["tier_top_pct"].setText("2,5,0")
    assert not form.save()
    assert "'2,5,0' is not a percentage" in form.error.text()
    assert get_settings(ctx.db).tier_top_pct == Decimal("2.5")
