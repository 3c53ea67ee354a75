"""Referrals and NPS as a user meets them: introduced-by while creating an account,
the account tabs, the Ctrl+L score, the Relationships page."""

from __future__ import annotations

import datetime as dt

import pytest

from relationapp.services.customers import accounts, people
from relationapp.services.relationships import nps, referrals
from relationapp.services.touches import follow_ups, interactions
from relationapp.services.value import orders
from tests.ui.conftest import run_modal


@pytest.fixture
def firm(ctx):
    db = ctx.db
    alpha = accounts.create_account(db, name="Alpha Bakkerij", stage="customer").id
    beta = accounts.create_account(db, name="Beta Bouw", stage="customer").id
    anna = people.create_person(db, name="Anna Aarts", account_id=alpha).id
    bram = people.create_person(db, name="Bram Bos", account_id=beta).id
    return {"alpha": alpha, "beta": beta, "anna": anna, "bram": bram}


def _pick(qtbot, picker, text):
    qtbot.keyClicks(picker, text)
    qtbot.waitUntil(lambda: picker.person_id() is not None)


def test_record_a_referral_while_creating_an_account(ctx, firm, qtbot):
    from relationapp.ui.accounts.account_dialog import AccountDialog

    dialog = AccountDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Gamma Glas")
    _pick(qtbot, dialog.introduced_by, "Anna")
    dialog.accept()
    assert dialog.result() == 1, dialog.error.text()
    (row,) = referrals.referral_ledger(ctx.db)
    assert (row.referred_account, row.referrer_person, row.referrer_account) == ("Gamma Glas", "Anna Aarts", "Alpha Bakkerij")


def test_an_unknown_introducer_keeps_the_dialog_open_and_saves_nothing(ctx, firm, qtbot):
    from relationapp.ui.accounts.account_dialog import AccountDialog

    dialog = AccountDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Gamma Glas")
    dialog.introduced_by.setText("Nobody we know")
    dialog.accept()
    assert dialog.result() == 0 and "Pick who introduced it" in dialog.error.text()
    assert accounts.list_accounts(ctx.db, search="Gamma") == []
    assert dialog.name.text() == "Gamma Glas"


def test_edit_dialog_has_no_introduced_by(ctx, firm, qtbot):
    from relationapp.ui.accounts.account_dialog import AccountDialog

    dialog = AccountDialog(ctx, firm["alpha"])
    qtbot.addWidget(dialog)
    assert dialog.introduced_by is None
    dialog.accept()
    assert dialog.result() == 1


def test_referrals_tab_records_and_refuses_a_circle(ctx, firm, qtbot, qtmodeltester):
    from relationapp.ui.relationships.referral_widgets import RecordReferralDialog
    from relationapp.ui.relationships.relationship_tabs import ReferralsTab

    referrals.record_referral(ctx.db, referred_account_id=firm["beta"], referrer_person_id=firm["anna"])
    tab = ReferralsTab(ctx)
    qtbot.addWidget(tab)
    tab.set_account(firm["beta"])
    assert tab.introduced_by.text().startswith("Introduced by Anna Aarts (Alpha Bakkerij) on")
    assert tab.record_button.isHidden()
    tab.set_account(firm["alpha"])
    assert tab.model.rowCount() == 1 and tab.model.data(tab.model.index(0, 1)) == "Beta Bouw"
    qtmodeltester.check(tab.model)

    dialog = RecordReferralDialog(ctx, firm["alpha"])  # Bram (Beta) cannot have introduced Alpha
    qtbot.addWidget(dialog)
    _pick(qtbot, dialog.referrer, "Bram")
    dialog.accept()
    assert dialog.result() == 0 and "circle" in dialog.error.text()
    assert len(referrals.referral_ledger(ctx.db)) == 1


def test_nps_tab_quick_entry_makes_the_call_back(ctx, firm, qtbot, qtmodeltester):
    from relationapp.ui.relationships.relationship_tabs import NpsTab

    tab = NpsTab(ctx)
    qtbot.addWidget(tab)
    tab.set_account(firm["alpha"])
    assert "no scores yet" in tab.summary.text()
    tab.record()  # no score chosen
    assert "score from 0 to 10" in tab.error.text()
    assert nps.list_responses(ctx.db) == []
    tab.score.setCurrentIndex(tab.score.findData(3))
    qtbot.keyClicks(tab.comment, "Monteur kwam niet")
    tab.record()
    tab.set_account(firm["alpha"])  # the account page does this on notify
    assert tab.model.rowCount() == 1 and tab.model.data(tab.model.index(0, 2)) == "3"
    qtmodeltester.check(tab.model)
    titles = [f.title for f in follow_ups.list_follow_ups(ctx.db) if f.origin == "detractor"]
    assert titles == ["Call back Anna Aarts"]


def test_ctrl_l_records_an_nps_score_for_the_one_person_ticked(ctx, firm, qtbot):
    from PySide6.QtCore import Qt

    from relationapp.ui.touches.log_interaction import LogInteractionDialog

    dialog = LogInteractionDialog(ctx, firm["alpha"])
    qtbot.addWidget(dialog)
    dialog.nps_score.setCurrentIndex(dialog.nps_score.findData(10))
    dialog.accept()  # nobody ticked: refused before anything is saved
    assert dialog.result() == 0 and "one person" in dialog.error.text()
    assert interactions.list_interactions(ctx.db, account_id=firm["alpha"]) == []
    dialog.people.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.accept()
    assert dialog.result() == 1, dialog.error.text()
    (score,) = nps.list_responses(ctx.db, person_id=firm["anna"])
    assert score.score == 10 and len(interactions.list_interactions(ctx.db, account_id=firm["alpha"])) == 1


def test_thank_you_follow_up_marked_done_records_the_card(ctx, firm, qtbot):
    from relationapp.ui.accounts.account_page import AccountPage

    referrals.record_referral(ctx.db, referred_account_id=firm["beta"], referrer_person_id=firm["anna"])
    orders.create_order(ctx.db, account_id=firm["beta"], ordered_on=dt.date.today(), amount="250.00")
    page = AccountPage(ctx)
    qtbot.addWidget(page)
    page.set_account(firm["alpha"])
    assert page.follow_ups_model.row_object(0).title == "Thank Anna Aarts for introducing Beta Bouw"
    page.follow_ups_table.selectRow(0)

    def thank(dialog):
        assert dialog.kind.currentData() == "card"
        dialog.accept()

    run_modal(qtbot, page._mark_done, thank)
    (touch,) = interactions.list_interactions(ctx.db, account_id=firm["alpha"])
    assert touch.kind == "card" and touch.people == ("Anna Aarts",)
    assert referrals.referral_ledger(ctx.db)[0].thanked_on == dt.date.today()
    assert follow_ups.list_follow_ups(ctx.db, account_id=firm["alpha"]) == []


def test_relationships_page_shows_ambassadors_nps_ledger_and_tree(ctx, firm, qtbot, qtmodeltester):
    from relationapp.ui.relationships.relationships_view import RelationshipsView

    referrals.record_referral(ctx.db, referred_account_id=firm["beta"], referrer_person_id=firm["anna"])
    orders.create_order(ctx.db, account_id=firm["beta"], ordered_on=dt.date.today(), amount="1234.00")
    nps.record_score(ctx.db, person_id=firm["anna"], score=10)
    view = RelationshipsView(ctx)
    qtbot.addWidget(view)
    view.refresh()
    qtbot.waitUntil(lambda: not view.loading)
    assert view.ambassadors_model.rowCount() == 1
    assert view.ambassadors_model.data(view.ambassadors_model.index(0, 0)) == "Anna Aarts"
    assert "1.234" in view.ambassadors_model.data(view.ambassadors_model.index(0, 6)) or \
        "1,234" in view.ambassadors_model.data(view.ambassadors_model.index(0, 6))
    assert view.headline.text().startswith("NPS 12 months to") and "+100" in view.headline.text()
    assert view.ledger_model.rowCount() == 1
    root = view.tree.topLevelItem(0)
    assert (root.text(0), root.child(0).text(0), root.child(0).text(1)) == ("Alpha Bakkerij", "Beta Bouw", "Anna Aarts")
    for model in (view.ambassadors_model, view.by_quarter_model, view.by_tier_model, view.by_manager_model,
                  view.ledger_model, view.credit_model):
        qtmodeltester.check(model)


def test_relationships_page_with_nothing_recorded(ctx, qtbot):
    from relationapp.ui.relationships.relationships_view import RelationshipsView

    view = RelationshipsView(ctx)
    qtbot.addWidget(view)
    view.refresh()
    qtbot.waitUntil(lambda: not view.loading)
    assert "no scores yet" in view.headline.text()
    assert view.ambassadors_model.rowCount() == 0 and "No ambassadors yet" in view.ambassadors_note.text()
    assert view.tree.topLevelItemCount() == 0


def test_user_text_shows_literally(ctx, qtbot):
    from relationapp.ui.relationships.relationship_tabs import ReferralsTab

    a = accounts.create_account(ctx.db, name="<b>Bold</b> & Co").id
    b = accounts.create_account(ctx.db, name="Plain").id
    p = people.create_person(ctx.db, name="<i>Ivo</i>", account_id=a).id
    referrals.record_referral(ctx.db, referred_account_id=b, referrer_person_id=p, note="<script>x</script>")
    tab = ReferralsTab(ctx)
    qtbot.addWidget(tab)
    tab.set_account(b)
    assert "<i>Ivo</i> (<b>Bold</b> & Co)" in tab.introduced_by.text()
    from PySide6.QtCore import Qt

    assert tab.introduced_by.textFormat() == Qt.TextFormat.PlainText


def test_people_list_shows_the_ambassador_badge(ctx, firm, qtbot):
    from relationapp.ui.people.people_view import PeopleView

    referrals.record_referral(ctx.db, referred_account_id=firm["beta"], referrer_person_id=firm["anna"])
    nps.record_score(ctx.db, person_id=firm["anna"], score=9)
    nps.record_score(ctx.db, person_id=firm["bram"], score=10)  # a promoter who introduced nobody
    view = PeopleView(ctx)
    qtbot.addWidget(view)
    view.show()
    model = view.model
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    badge = [c.title for c in model.columns].index("Ambassador")
    shown = {model.data(model.index(r, 0)): model.data(model.index(r, badge)) for r in range(2)}
    assert shown == {"Anna Aarts": "★ Ambassador", "Bram Bos": ""}


def test_closing_the_relationships_page_while_it_loads_breaks_nothing(ctx, firm, qtbot):
    from PySide6.QtWidgets import QApplication

    from relationapp.ui.relationships.relationships_view import RelationshipsView

    view = RelationshipsView(ctx)
    view.refresh()
    view.deleteLater()
    QApplication.processEvents()
    ctx.tasks.wait()
    QApplication.processEvents()  # the result arrives for a page that is gone: ignored


def test_changing_the_period_shows_that_quarter(ctx, firm, qtbot):
    from relationapp.ui.relationships.relationships_view import RelationshipsView

    nps.record_score(ctx.db, person_id=firm["anna"], score=2)
    view = RelationshipsView(ctx)
    qtbot.addWidget(view)
    view.refresh()
    qtbot.waitUntil(lambda: not view.loading)
    assert "-100" in view.headline.text()
    view.period.setCurrentIndex(view.period.count() - 1)  # a quarter three years back
    qtbot.waitUntil(lambda: not view.loading)
    assert view.headline.text().endswith("no scores yet") and view.period.currentText() in view.headline.text()


def test_today_marks_a_thank_you_done_through_the_thank_you_dialog(ctx, firm, qtbot):
    from relationapp.ui.relationships.referral_widgets import thank_referrer_for

    manual = follow_ups.create_follow_up(ctx.db, title="Send the quote", due_on=dt.date.today(), account_id=firm["alpha"])
    assert thank_referrer_for(ctx, None, manual.id) is False  # any other follow-up: the caller marks it done
    referrals.record_referral(ctx.db, referred_account_id=firm["beta"], referrer_person_id=firm["anna"])
    orders.create_order(ctx.db, account_id=firm["beta"], ordered_on=dt.date.today(), amount="10.00")
    (thanks,) = [f for f in follow_ups.list_follow_ups(ctx.db) if f.origin == "referral_thanks"]

    def gift(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData("gift"))
        qtbot.keyClicks(dialog.gift_item, "Tulpen")
        dialog.accept()

    run_modal(qtbot, lambda: thank_referrer_for(ctx, None, thanks.id), gift)
    (touch,) = interactions.list_interactions(ctx.db, account_id=firm["alpha"])
    assert (touch.kind, touch.gift_item) == ("gift", "Tulpen")
    assert [f.title for f in follow_ups.list_follow_ups(ctx.db)] == ["Send the quote"]
