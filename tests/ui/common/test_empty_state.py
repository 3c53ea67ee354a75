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


def test_an_empty_accounts_list_offers_a_first_account_and_a_filter_that_matches_nothing_offers_to_clear_it(ctx, qtbot, monkeypatch):
    from relationapp.ui.accounts import accounts_view
    from relationapp.ui.accounts.accounts_view import AccountsView

    view = AccountsView(ctx)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    assert view.empty_state.isVisible() and "No accounts yet" in view.empty_state.text.text()
    opened = []
    monkeypatch.setattr(accounts_view.AccountsView, "new_account", lambda self: opened.append(True))
    view.empty_state.button.click()
    assert opened == [True]

    create_account(ctx.db, name="Bakkerij Smit", stage="customer")
    view.refresh()
    assert not view.empty_state.isVisible()
    view.search.setText("zzz")
    view.apply_filter()
    assert view.empty_state.isVisible() and "match this filter" in view.empty_state.text.text()
    view.empty_state.button.click()
    assert view.search.text() == "" and view.model.rowCount() == 1 and not view.empty_state.isVisible()


def test_an_empty_people_list_says_how_to_add_people(ctx, qtbot):
    from relationapp.ui.people.people_view import PeopleView

    view = PeopleView(ctx)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    assert view.empty_state.isVisible() and "No people yet" in view.empty_state.text.text()
    assert view.empty_state.button.text() == "New person…"
