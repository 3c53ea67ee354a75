"""Registries: the sidebar pages and the tabs of the account page.

Each entry names a class by "module:Class"; the class takes ``(ctx, parent=None)``.
Pages have ``refresh()``; account tabs have ``set_account(account_id)``.
Capabilities add their entries here.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TR_NOOP


@dataclass(frozen=True)
class PageEntry:
    key: str
    title: str  # QT_TR_NOOP(...); shown through i18n.tr
    target: str  # "module:Class"
    shortcut: str | None = None


PAGES: list[PageEntry] = [
    PageEntry("today", QT_TR_NOOP("Today"), "relationapp.ui.today.today_view:TodayView", "Ctrl+1"),
    PageEntry("accounts", QT_TR_NOOP("Accounts"), "relationapp.ui.accounts.accounts_view:AccountsView", "Ctrl+2"),
    PageEntry("people", QT_TR_NOOP("People"), "relationapp.ui.people.people_view:PeopleView", "Ctrl+3"),
    PageEntry("relationships", QT_TR_NOOP("Relationships"), "relationapp.ui.relationships.relationships_view:RelationshipsView", "Ctrl+4"),
    PageEntry("visits", QT_TR_NOOP("Visits"), "relationapp.ui.visits.visits_view:VisitsView", "Ctrl+5"),
    PageEntry("value", QT_TR_NOOP("Customer value"), "relationapp.ui.value.value_view:CustomerValueView", "Ctrl+6"),
    PageEntry("leads", QT_TR_NOOP("Leads"), "relationapp.ui.leads.leads_view:LeadsView", "Ctrl+9"),
    PageEntry("sync", QT_TR_NOOP("Sync"), "relationapp.ui.sync.sync_view:SyncView"),
    PageEntry("reports", QT_TR_NOOP("Reports"), "relationapp.ui.reports.reports_view:ReportsView", "Ctrl+7"),
    PageEntry("settings", QT_TR_NOOP("Settings"), "relationapp.ui.data.settings_view:SettingsView", "Ctrl+8"),
]


@dataclass(frozen=True)
class AccountTab:
    title: str  # QT_TR_NOOP(...); shown through i18n.tr
    target: str  # "module:Class"


# Built-in tabs (people, timeline, follow-ups, notes) come first; these follow.
ACCOUNT_TABS: list[AccountTab] = [
    AccountTab(QT_TR_NOOP("Referrals"), "relationapp.ui.relationships.relationship_tabs:ReferralsTab"),
    AccountTab(QT_TR_NOOP("NPS"), "relationapp.ui.relationships.relationship_tabs:NpsTab"),
    AccountTab(QT_TR_NOOP("Orders"), "relationapp.ui.value.orders_tab:OrdersTab"),
    AccountTab(QT_TR_NOOP("Visits"), "relationapp.ui.visits.visit_tabs:AccountVisitsTab"),
    AccountTab(QT_TR_NOOP("Lead"), "relationapp.ui.leads.lead_tab:LeadTab"),
]


@dataclass(frozen=True)
class AccountAction:
    title: str  # QT_TR_NOOP(...); shown through i18n.tr
    target: str  # "module:function", called as function(ctx, account_page, account_id)


# Buttons on the account page beside Log interaction / Edit.
ACCOUNT_ACTIONS: list[AccountAction] = [
    AccountAction(QT_TR_NOOP("Print review…"), "relationapp.ui.reports.reports_view:print_review"),
    AccountAction(QT_TR_NOOP("Import mail…"), "relationapp.ui.mail.mail_import:import_for_account"),
]


def load(target: str):
    import importlib

    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


@dataclass(frozen=True)
class MenuAction:
    menu: str  # "File", "Edit", "Go", "Tools", "Help"
    title: str  # QT_TR_NOOP(...); shown through i18n.tr
    target: str  # "module:function", called as function(ctx, window)
    shortcut: str | None = None


# Capabilities add their menu entries here (import, export, backups, calendar ...).
MENU_ACTIONS: list[MenuAction] = [
    MenuAction("File", QT_TR_NOOP("New &lead…"), "relationapp.ui.leads.lead_dialog:open_lead_dialog", "Ctrl+Shift+L"),
    MenuAction("File", QT_TR_NOOP("Export &calendar…"), "relationapp.ui.today.today_view:export_calendar"),
    MenuAction("File", QT_TR_NOOP("&Import…"), "relationapp.ui.data.import_wizard:open_import_wizard", "Ctrl+I"),
    MenuAction("File", QT_TR_NOOP("Import &mail…"), "relationapp.ui.mail.mail_import:choose_and_import"),
    MenuAction("File", QT_TR_NOOP("Export &everything…"), "relationapp.ui.data.data_actions:export_everything"),
    MenuAction("File", QT_TR_NOOP("Export people as &vCards…"), "relationapp.ui.data.data_actions:export_people_vcards"),
    MenuAction("File", QT_TR_NOOP("&Backup now"), "relationapp.ui.data.data_actions:backup_now"),
    MenuAction("File", QT_TR_NOOP("&Restore backup…"), "relationapp.ui.data.data_actions:restore_from_backup"),
    MenuAction("Tools", QT_TR_NOOP("Find &duplicates…"), "relationapp.ui.data.data_actions:find_duplicates"),
    MenuAction("Tools", QT_TR_NOOP("&Privacy of a person…"), "relationapp.ui.data.data_actions:privacy_of_a_person"),
    MenuAction("Tools", QT_TR_NOOP("Unknown &senders…"), "relationapp.ui.mail.senders_dialog:open_senders"),
    MenuAction("Tools", QT_TR_NOOP("Check &mail now"), "relationapp.ui.mail.background:check_mail_now"),
]
