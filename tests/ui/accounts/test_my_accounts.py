"""The accounts list opens on one's own accounts ("I am"), with everyone's one click away."""

from relationapp.services.common.settings import update_settings
from relationapp.services.customers.accounts import create_account
from relationapp.services.customers.staff import create_staff


def _names(view) -> list[str]:
    return sorted(view.model.data(view.model.index(row, 0)) for row in range(view.model.rowCount()))


def test_the_list_opens_on_my_accounts_and_everyone_is_one_choice_away(ctx, qtbot):
    from relationapp.ui.accounts.accounts_view import AccountsView

    anna = create_staff(ctx.db, name="Anna Jansen")
    bram = create_staff(ctx.db, name="Bram de Vries")
    create_account(ctx.db, name="Bakkerij Smit", stage="customer", owner_id=anna.id)
    create_account(ctx.db, name="Garage Öztürk", stage="customer", owner_id=bram.id)
    create_account(ctx.db, name="Nobody's Firm", stage="prospect")
    update_settings(ctx.db, current_staff_id=anna.id)

    view = AccountsView(ctx)
    qtbot.addWidget(view)
    view.show()
    assert view.manager.currentText() == "Anna Jansen (me)"
    assert _names(view) == ["Bakkerij Smit"]

    view.manager.setCurrentIndex(view.manager.findData(None))
    assert _names(view) == ["Bakkerij Smit", "Garage Öztürk", "Nobody's Firm"]
    view.manager.setCurrentIndex(view.manager.findData(bram.id))
    assert _names(view) == ["Garage Öztürk"]


def test_without_i_am_the_list_shows_everyone(ctx, qtbot):
    from relationapp.ui.accounts.accounts_view import AccountsView

    anna = create_staff(ctx.db, name="Anna Jansen")
    create_account(ctx.db, name="Bakkerij Smit", stage="customer", owner_id=anna.id)
    create_account(ctx.db, name="Nobody's Firm", stage="prospect")
    view = AccountsView(ctx)
    qtbot.addWidget(view)
    view.show()
    assert view.manager.currentData() is None
    assert _names(view) == ["Bakkerij Smit", "Nobody's Firm"]
