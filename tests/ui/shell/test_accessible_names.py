"""Every control a screen reader meets has a name it can say: on every page, the account page and the dialogs."""

import pytest

from relationapp.services.customers.accounts import list_accounts
from relationapp.services.customers.people import list_person_ids
from relationapp.ui.common.accessibility import unnamed_controls


def _describe(widgets):
    return [f"{type(w).__name__} in {type(w.parentWidget()).__name__}" for w in widgets]


def test_every_page_and_the_account_page_name_every_control(window, qtbot):
    from relationapp.ui.shell import pages

    for entry in pages.PAGES:
        window.show_page(entry.key)
        page = window.stack.currentWidget()
        assert _describe(unnamed_controls(page)) == [], entry.key
    window.show_account(list_accounts(window.ctx.db, limit=1)[0].id)
    assert _describe(unnamed_controls(window)) == []


def _dialogs(ctx):
    from relationapp.ui.accounts.account_dialog import AccountDialog
    from relationapp.ui.data.privacy_dialog import PrivacyDialog
    from relationapp.ui.leads.bant_panel import BantDialog
    from relationapp.ui.leads.lead_dialog import LeadDialog
    from relationapp.ui.leads.nurture_view import ContentDialog, TrackDialog
    from relationapp.ui.people.person_dialog import PersonDialog
    from relationapp.ui.relationships.referral_widgets import RecordReferralDialog
    from relationapp.ui.touches.follow_up_dialog import FollowUpDialog
    from relationapp.ui.touches.log_interaction import LogInteractionDialog

    account = list_accounts(ctx.db, limit=1)[0].id
    return [LogInteractionDialog(ctx, account), AccountDialog(ctx, account), AccountDialog(ctx),
            PersonDialog(ctx, list_person_ids(ctx.db)[0]), LeadDialog(ctx), FollowUpDialog(ctx, account),
            RecordReferralDialog(ctx, account), BantDialog(ctx, account), ContentDialog(ctx), TrackDialog(ctx),
            PrivacyDialog(ctx)]


@pytest.mark.parametrize("number", range(11))
def test_every_everyday_dialog_names_every_control(demo_ctx, qtbot, number):
    dialog = _dialogs(demo_ctx)[number]
    qtbot.addWidget(dialog)
    dialog.show()
    assert _describe(unnamed_controls(dialog)) == [], type(dialog).__name__
