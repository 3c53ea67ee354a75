"""The account page on a narrow window: its rows of buttons wrap (ui.common.flow_layout)."""


def test_the_account_pages_buttons_wrap_on_a_narrow_window_instead_of_widening_it(ctx, qtbot):
    """At 200 % text a 1920-pixel screen is 960 logical pixels wide: the page must fit in less."""
    from relationapp.services.customers.accounts import create_account
    from relationapp.ui.accounts.account_page import AccountPage

    account = create_account(ctx.db, name="Bakkerij Smit", stage="customer", phone="020 123 4567",
                             email="info@smit.nl", website="smit.nl", city="Utrecht").id
    page = AccountPage(ctx)
    qtbot.addWidget(page)
    page.set_account(account)
    page.resize(1400, 700)
    page.show()
    qtbot.waitExposed(page)
    wide_top = page.archive_button.geometry().top()
    assert page.log_button.geometry().top() == wide_top  # one row when there is room

    page.resize(560, 700)
    qtbot.waitUntil(lambda: page.width() == 560)
    assert page.minimumSizeHint().width() <= 560
    assert page.archive_button.geometry().top() > page.log_button.geometry().top()  # wrapped
    assert page.archive_button.geometry().right() <= page.width()
