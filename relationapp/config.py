"""Where files live, and every user setting declared in one place.

Settings are stored in the ``setting`` table (see services/settings.py);
this module only declares them: key, type, default, label, allowed values.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from decimal import Decimal
from pathlib import Path

import platformdirs

APP_NAME = "relationapp"
DB_ENV = "RELATIONAPP_DB_URL"


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """This computer's own preferences (the window's place), not the firm's settings."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / "relationapp.db"


def backup_dir() -> Path:
    return data_dir() / "backups"


def resolve_db(cli_value: str | None) -> str:
    """--db wins, then RELATIONAPP_DB_URL, then the file in the user data dir."""
    return cli_value or os.environ.get(DB_ENV) or str(default_db_path())


def _spec(default, label: str, *, choices: tuple = (), minimum=None, maximum=None, group="General"):
    return field(
        default=default,
        metadata={"label": label, "choices": choices, "min": minimum, "max": maximum, "group": group},
    )


@dataclass(frozen=True)
class Settings:
    company_name: str = _spec("My firm", "Company name")
    language: str = _spec("nl", "Language", choices=("nl", "en"))
    currency: str = _spec("EUR", "Currency", choices=("EUR", "USD", "GBP", "CHF"))
    # light or dark window; "system" follows the desktop's colour scheme as it changes
    appearance: str = _spec("system", "Appearance", choices=("system", "light", "dark"))
    hourly_cost: Decimal = _spec(Decimal("60.00"), "Hourly cost of staff time", minimum=Decimal(0))
    # who uses relationapp on this database: the planner shows that person's own day (0: not set, everyone's)
    current_staff_id: int = _spec(0, "I am", minimum=0, maximum=2**31 - 1)
    lead_definition: str = _spec(
        "A person who asked us something about what we sell and agreed to be contacted.",
        "What we call a lead", group="Leads",
    )
    # a short focus list: real attention for a handful of prospects each, the others are nurtured
    focus_limit: int = _spec(15, "Prospects in each manager's focus (at most)", minimum=1, maximum=200, group="Leads")
    # BANT: how many of budget, authority, need and timeline make a lead sales-qualified (need always counts)
    sql_bant_score: int = _spec(3, "BANT letters in place for a sales-qualified lead", minimum=1, maximum=4, group="Leads")
    # keep-in-touch cadence in days, by pyramid tier and for prospects
    cadence_top: int = _spec(30, "Cadence Top (days)", minimum=1, maximum=3650, group="Cadence")
    cadence_big: int = _spec(45, "Cadence Big (days)", minimum=1, maximum=3650, group="Cadence")
    cadence_medium: int = _spec(90, "Cadence Medium (days)", minimum=1, maximum=3650, group="Cadence")
    cadence_small: int = _spec(180, "Cadence Small (days)", minimum=1, maximum=3650, group="Cadence")
    cadence_prospect: int = _spec(60, "Cadence prospects and leads (days)", minimum=1, maximum=3650, group="Cadence")
    cadence_hot_lead: int = _spec(14, "Cadence sales-qualified (hot) leads (days)", minimum=1, maximum=3650, group="Cadence")
    # visits and meetings only (visit planning)
    visit_cadence_top: int = _spec(90, "Visit every Top customer (days)", minimum=1, maximum=3650, group="Visits")
    visit_cadence_big: int = _spec(180, "Visit every Big customer (days)", minimum=1, maximum=3650, group="Visits")
    visit_cadence_medium: int = _spec(365, "Visit every Medium customer (days)", minimum=1, maximum=3650, group="Visits")
    visit_cadence_small: int = _spec(730, "Visit every Small customer (days)", minimum=1, maximum=3650, group="Visits")
    # where "Save briefing" saved last: the save dialog opens there next time ("" = the home folder)
    briefing_folder: str = _spec("", "Folder for visit briefings", group="Visits")
    # the customer pyramid (Jay Curry): shares of customers by revenue rank
    tier_top_pct: Decimal = _spec(Decimal("1"), "Top tier (% of customers)", minimum=Decimal("0.1"), maximum=Decimal(100), group="Pyramid")
    tier_big_pct: Decimal = _spec(Decimal("4"), "Big tier (% of customers)", minimum=Decimal(0), maximum=Decimal(100), group="Pyramid")
    tier_medium_pct: Decimal = _spec(Decimal("15"), "Medium tier (% of customers)", minimum=Decimal(0), maximum=Decimal(100), group="Pyramid")
    feb29_birthdays_on: str = _spec("feb28", "Feb 29 birthdays in other years fall on", choices=("feb28", "mar1"))
    coming_up_days: int = _spec(14, "Show personal dates this many days ahead", minimum=1, maximum=90)
    page_size: str = _spec("A4", "Paper size", choices=("A4", "Letter"), group="Reports")
    logo_path: str = _spec("", "Logo for reports (PNG or JPEG)", group="Reports")
    backups_keep: int = _spec(10, "Backups to keep", minimum=1, maximum=1000, group="Backups")
    # one IMAP folder watched for mail to log as touches (relationapp mail sync); the password is in the keyring
    mail_host: str = _spec("", "IMAP server", group="Mail")
    mail_port: int = _spec(993, "IMAP port", minimum=1, maximum=65535, group="Mail")
    mail_security: str = _spec("ssl", "Connection security", choices=("ssl", "starttls", "none"), group="Mail")
    mail_user: str = _spec("", "IMAP user name", group="Mail")
    mail_folder: str = _spec("relationapp", "Folder to watch", group="Mail")
    mail_sync_minutes: int = _spec(15, "Check every (minutes; 0: only by hand)", minimum=0, maximum=1440,
                                   group="Mail")
    # the two-way sync with the phone's server (relationapp sync, the Sync page); 0: only by hand
    phone_sync_minutes: int = _spec(30, "Sync with the phone every (minutes; 0: only by hand)", minimum=0,
                                    maximum=1440, group="Phone sync")
    # besides the staff's e-mail addresses: a mail from one of these is ours (outgoing)
    mail_own_addresses: str = _spec("", "Our own addresses and domains", group="Mail")

    @classmethod
    def specs(cls):
        return fields(cls)

    def cadence_for_tier(self, tier: str) -> int:
        return {
            "top": self.cadence_top,
            "big": self.cadence_big,
            "medium": self.cadence_medium,
            "small": self.cadence_small,
        }.get(tier, self.cadence_prospect)
