"""A first start on an empty database welcomes the user with what to do next; it goes once there is data."""

from relationapp.services.customers.accounts import create_account


def _today(ctx, qtbot):
    from relationapp.ui.today.today_view import TodayView

    view = TodayView(ctx)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(view.is_filled, timeout=10000)
    return view


def test_an_empty_database_offers_import_and_the_demo_and_an_import_hides_it(ctx, qtbot, monkeypatch):
    from relationapp.ui.data import import_wizard
    from relationapp.ui.today import welcome

    view = _today(ctx, qtbot)
    assert view.welcome.isVisible()
    kinds = []
    monkeypatch.setattr(import_wizard.ImportWizard, "exec",
                        lambda wizard: kinds.append(wizard.kind()) or create_account(ctx.db, name="Smit") and 1)
    view.welcome.contacts_button.click()
    view.welcome.orders_button.click()
    assert kinds == ["people", "orders"]
    started = []
    monkeypatch.setattr(welcome.subprocess, "Popen", lambda args, **kw: started.append(args))
    view.welcome.demo_button.click()
    [args] = started
    assert args[-4:] == ["--db", str(ctx.db.path.parent / "demo.db"), "demo", "--open"]
    assert "demo firm opens in a new window" in view.welcome.status.text()
    from relationapp.services.common.changes import Changes, Kind

    ctx.broadcast(Changes.of(Kind.ACCOUNTS))  # as the import's operation does
    qtbot.waitUntil(lambda: view.is_filled() and not view.welcome.isVisible(), timeout=10000)


def test_a_firm_with_data_sees_no_welcome(ctx, qtbot):
    create_account(ctx.db, name="Smit")
    view = _today(ctx, qtbot)
    assert not view.welcome.isVisible()
