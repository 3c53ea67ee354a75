"""An empty tab says what to do next, and its button does it."""

from relationapp.services.customers.accounts import create_account


def test_an_account_without_people_offers_to_add_one(ctx, qtbot, monkeypatch):
    from relationapp.ui.accounts import account_page
    from relationapp.ui.accounts.account_page import AccountPage

    account = create_account(ctx.db, name="Bakkerij Smit", stage="customer").id
    page = AccountPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    page.set_account(account)
    assert page.people_empty.isVisible()
    assert "No people" in page.people_empty.text.text()
    opened = []
    monkeypatch.setattr(account_page.AccountPage, "add_person", lambda self: opened.append(self.account.id))
    page.people_empty.button.click()
    assert opened == [account]
    page.tabs.setCurrentIndex(2)
    assert page.follow_ups_empty.isVisible() and page.follow_ups_empty.button.isVisible()
