"""Registries: the sidebar pages and the tabs of the account page.

Each entry names a class by "module:Class"; the class takes ``(ctx, parent=None)``.
Pages have ``refresh()``; account tabs have ``set_account(account_id)``.
Capabilities add their entries here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageEntry:
    key: str
    title: str
    target: str  # "module:Class"
    shortcut: str | None = None


PAGES: list[PageEntry] = [
    PageEntry("today", "Today", "relationapp.ui.today_view:TodayView", "Ctrl+1"),
    PageEntry("accounts", "Accounts", "relationapp.ui.accounts_view:AccountsView", "Ctrl+2"),
    PageEntry("people", "People", "relationapp.ui.people_view:PeopleView", "Ctrl+3"),
    PageEntry("relationships", "Relationships", "relationapp.ui.relationships_view:RelationshipsView"),
    PageEntry("visits", "Visits", "relationapp.ui.visits_view:VisitsView"),
    PageEntry("value", "Customer value", "relationapp.ui.value_view:CustomerValueView"),
    PageEntry("reports", "Reports", "relationapp.ui.reports_view:ReportsView", "Ctrl+4"),
    PageEntry("settings", "Settings", "relationapp.ui.settings_view:SettingsView", "Ctrl+5"),
]


@dataclass(frozen=True)
class AccountTab:
    title: str
    target: str  # "module:Class"


# Built-in tabs (people, timeline, follow-ups, notes) come first; these follow.
ACCOUNT_TABS: list[AccountTab] = [
    AccountTab("Referrals", "relationapp.ui.relationship_tabs:ReferralsTab"),
    AccountTab("NPS", "relationapp.ui.relationship_tabs:NpsTab"),
    AccountTab("Orders", "relationapp.ui.orders_tab:OrdersTab"),
    AccountTab("Visits", "relationapp.ui.visit_tabs:AccountVisitsTab"),
]


@dataclass(frozen=True)
class AccountAction:
    title: str
    target: str  # "module:function", called as function(ctx, account_page, account_id)


# Buttons on the account page beside Log interaction / Edit.
ACCOUNT_ACTIONS: list[AccountAction] = [
    AccountAction("Print review…", "relationapp.ui.reports_view:print_review"),
]


def load(target: str):
    import importlib

    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


@dataclass(frozen=True)
class MenuAction:
    menu: str  # "File", "Edit", "Go", "Tools", "Help"
    title: str
    target: str  # "module:function", called as function(ctx, window)
    shortcut: str | None = None


# Capabilities add their menu entries here (import, export, backups, calendar ...).
MENU_ACTIONS: list[MenuAction] = [
    MenuAction("File", "Export &calendar…", "relationapp.ui.today_view:export_calendar"),
    MenuAction("File", "&Import…", "relationapp.ui.import_wizard:open_import_wizard", "Ctrl+I"),
    MenuAction("File", "Export &everything…", "relationapp.ui.data_actions:export_everything"),
    MenuAction("File", "Export people as &vCards…", "relationapp.ui.data_actions:export_people_vcards"),
    MenuAction("File", "&Backup now", "relationapp.ui.data_actions:backup_now"),
    MenuAction("File", "&Restore backup…", "relationapp.ui.data_actions:restore_from_backup"),
    MenuAction("Tools", "Find &duplicates…", "relationapp.ui.data_actions:find_duplicates"),
    MenuAction("Tools", "&Privacy of a person…", "relationapp.ui.data_actions:privacy_of_a_person"),
]
