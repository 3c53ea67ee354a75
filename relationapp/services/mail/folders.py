"""Where the sync of each watched IMAP folder stopped: its UIDVALIDITY and the last UID looked at."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from relationapp.data.db import Database
from relationapp.data.models import MailFolder, utc_now


@dataclass(frozen=True)
class FolderState:
    folder: str  # "user@host:port/folder"
    uidvalidity: int
    last_uid: int
    synced_at: dt.datetime


def folder_state(db: Database, *, folder: str) -> FolderState | None:
    with db.read() as session:
        row = session.get(MailFolder, folder)
        return None if row is None else FolderState(row.folder, row.uidvalidity, row.last_uid, row.synced_at)


def save_in_session(session, *, folder: str, uidvalidity: int, last_uid: int) -> None:
    """Inside the transaction that logged the mails up to ``last_uid``: a sync cut off resumes there."""
    row = session.get(MailFolder, folder)
    if row is None:
        row = MailFolder(folder=folder, uidvalidity=uidvalidity, last_uid=last_uid)
    row.uidvalidity, row.last_uid, row.synced_at = uidvalidity, last_uid, utc_now()
    session.add(row)
