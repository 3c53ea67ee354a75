"""The count under the accounts and people lists reads as a sentence: "1 account", "2 accounts"."""

from relationapp.services.customers import accounts, people


def test_one_account_and_one_person_are_counted_in_the_singular(ctx, qtbot):
    from relationapp.ui.accounts.accounts_view import AccountsView
    from relationapp.ui.people.people_view import PeopleView

    made = accounts.create_account(ctx.db, name="Bakkerij Jansen")
    people.create_person(ctx.db, name="Anna Jansen", account_id=made.id)
    account_list, people_list = AccountsView(ctx), PeopleView(ctx)
    for view in (account_list, people_list):
        qtbot.addWidget(view)
        view.show()
    qtbot.waitUntil(lambda: account_list.count.text() == "1 account" and people_list.count.text() == "1 person")

    accounts.create_account(ctx.db, name="Garage Öztürk")
    account_list.refresh()
    qtbot.waitUntil(lambda: account_list.count.text() == "2 accounts")
