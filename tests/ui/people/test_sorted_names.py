"""The people and accounts lists sort names as people read them, both ways, with the header."""

from PySide6.QtCore import Qt

from relationapp.services.customers import accounts, people

NAMES = ["Zeeman", "Öztürk", "Łukasz Brouwer", "Böcker", "Bakker", "Lukas", "Şahin"]


def _names(model):
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def test_the_people_list_puts_accented_names_among_their_letters(ctx, qtbot):
    from relationapp.ui.people.people_view import PeopleView

    account = accounts.create_account(ctx.db, name="Relatie")
    for name in NAMES:
        people.create_person(ctx.db, name=name, account_id=account.id)
    view = PeopleView(ctx)
    qtbot.addWidget(view)
    view.show()
    assert _names(view.model) == ["Bakker", "Böcker", "Lukas", "Łukasz Brouwer", "Öztürk", "Şahin", "Zeeman"]
    view.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    assert _names(view.model) == ["Zeeman", "Şahin", "Öztürk", "Łukasz Brouwer", "Lukas", "Böcker", "Bakker"]


def test_the_accounts_list_too(ctx, qtbot):
    from relationapp.ui.accounts.accounts_view import AccountsView

    for name in NAMES:
        accounts.create_account(ctx.db, name=name)
    view = AccountsView(ctx)
    qtbot.addWidget(view)
    view.show()
    assert _names(view.model) == ["Bakker", "Böcker", "Lukas", "Łukasz Brouwer", "Öztürk", "Şahin", "Zeeman"]
