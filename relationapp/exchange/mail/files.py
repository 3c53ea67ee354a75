"""Mail from files: .eml files, .mbox files and folders of them (a Maildir too), logged as touches.

    import_mail(db, paths=[...], progress=..., dry_run=False, account_id=None) -> MailSummary

The messages are read one at a time (an mbox of 10,000 mails is never in
memory at once) and logged in batches of ``BATCH``, one transaction each:
stopped half-way, the batches done stay done, and importing again logs only
the rest (each Message-ID once).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import mailbox
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from relationapp.data.db import Database
from relationapp.errors import ValidationError
from relationapp.exchange.mail.read import parse_mail
from relationapp.files.paths import user_file
from relationapp.services.common.validation import one_line
from relationapp.services.mail.record import MailRun, MailSummary, ReadMail
from relationapp.text.catalogue import _

BATCH = 500
MAIL_SUFFIXES = (".eml", ".mbox", ".mbx")
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class _Source:
    path: Path
    kind: str  # "eml", "mbox", "maildir"


def _sniff(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix == ".eml":
        return "eml"
    if suffix in (".mbox", ".mbx"):
        return "mbox"
    try:
        with open(path, "rb") as fh:
            head = fh.read(5)
    except OSError:
        return None
    return "mbox" if head == b"From " else None


def _is_maildir(path: Path) -> bool:
    return all((path / sub).is_dir() for sub in ("cur", "new"))


def mail_sources(paths, problems: list[str]) -> list[_Source]:
    """What the named files and folders hold, in a stable order; what cannot be read is a problem line."""
    out: list[_Source] = []
    for given in paths:
        path = user_file(given)
        if not path.exists():
            problems.append(_("{file}: no such file or folder.").format(file=str(path)))
        elif path.is_dir():
            if _is_maildir(path):
                out.append(_Source(path, "maildir"))
                continue
            for root, dirs, files in os.walk(path):
                dirs.sort()
                here = Path(root)
                if here != path and _is_maildir(here):
                    out.append(_Source(here, "maildir"))
                    dirs.clear()
                    continue
                for name in sorted(files):
                    kind = _sniff(here / name) if name.lower().endswith(MAIL_SUFFIXES) else None
                    if kind:
                        out.append(_Source(user_file(here / name), kind))
        elif path.suffix.lower() == ".msg":
            problems.append(_("{file}: Outlook .msg files are not read (no maintained reader with a licence that fits "
                              "this program); in Outlook save the mail as .eml, or drag it from Outlook on the web.")
                            .format(file=path.name))
        else:
            kind = _sniff(path)
            if kind is None:
                problems.append(_("{file}: not an .eml or .mbox file; left alone.").format(file=path.name))
            else:
                out.append(_Source(path, kind))
    return out


def _file_day(path: Path) -> dt.date | None:
    try:
        return dt.datetime.fromtimestamp(path.stat().st_mtime).date()
    except (OSError, OverflowError, ValueError):
        return None


def _from_line_day(line: bytes) -> dt.date | None:
    """The date on an mbox "From sender date" line."""
    parts = line.decode("ascii", "replace").split(None, 2)
    if len(parts) < 3:
        return None
    try:
        moment = email.utils.parsedate_to_datetime(parts[2].strip())
    except (TypeError, ValueError, IndexError):
        moment = None
    if moment is None:
        try:
            moment = dt.datetime.strptime(" ".join(parts[2].split()), "%a %b %d %H:%M:%S %Y")
        except ValueError:
            return None
    return moment.date()


# each message: (raw bytes or None when unreadable, where, the source, fallback day, what the day is, problem)
_Message = tuple[bytes | None, str, str, "dt.date | None", str, str | None]


class _Reader:
    """The messages of one source, counted before they are read (an mbox is scanned once)."""

    def __init__(self, source: _Source):
        self.source = source
        self.box = mailbox.mbox(source.path, create=False) if source.kind == "mbox" else None
        if source.kind == "maildir":
            self.files = [source.path / sub / name for sub in ("new", "cur")
                          for name in sorted(os.listdir(source.path / sub)) if not name.startswith(".")]
        self.count = 1 if source.kind == "eml" else len(self.box) if self.box is not None else len(self.files)

    def close(self) -> None:
        if self.box is not None:
            self.box.close()

    def messages(self) -> Iterator[_Message]:
        name = self.source.path.name
        if self.source.kind == "eml":
            yield self._file(self.source.path, name, name)
        elif self.source.kind == "maildir":
            for number, path in enumerate(self.files, start=1):
                yield self._file(path, _("{file}, message {number}").format(file=name, number=number), name)
        else:
            for number, key in enumerate(self.box.iterkeys(), start=1):
                where = _("{file}, message {number}").format(file=name, number=number)
                try:
                    first, _sep, raw = self.box.get_bytes(key, from_=True).partition(b"\n")
                except (OSError, KeyError) as exc:
                    yield None, where, name, None, "", one_line(str(exc))
                    continue
                yield raw, where, name, _from_line_day(first), _("the mbox's From line"), None

    @staticmethod
    def _file(path: Path, where: str, name: str) -> _Message:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            return None, where, name, None, "", one_line(exc.strerror or str(exc))
        return raw, where, name, _file_day(path), _("the file's date"), None


def import_mail(db: Database, *, paths, account_id: int | None = None, dry_run: bool = False,
                progress: Progress | None = None, stop: threading.Event | None = None,
                today: dt.date | None = None) -> MailSummary:
    """Log the mails in these files and folders as touches (see services.mail.record for the rules).

    ``account_id``: they were dropped on this account (mail with nobody we know is logged there).
    ``stop`` set: the batch under way is finished, the rest left for another time.
    """
    paths = list(paths)
    if not paths:
        raise ValidationError(_("Name one or more .eml or .mbox files, or a folder of them."), field="paths")
    run = MailRun(db, account_id=account_id, dry_run=dry_run, today=today)
    readers: list[_Reader] = []
    try:
        for source in mail_sources(paths, run.problems):
            try:
                readers.append(_Reader(source))
            except (OSError, mailbox.Error) as exc:
                run.problem(_("{file}: not read: {reason}").format(file=source.path.name, reason=one_line(str(exc))))
        return _import(run, readers, progress=progress, stop=stop, today=today)
    finally:
        for reader in readers:
            reader.close()


def _import(run: MailRun, readers: list[_Reader], *, progress, stop, today) -> MailSummary:
    total = sum(r.count for r in readers)
    batch: list[ReadMail] = []
    done = 0
    if progress:
        progress(0, total, _("Reading mail…"))
    for reader in readers:
        try:
            for raw, where, name, day, what, problem in reader.messages():
                if stop is not None and stop.is_set():
                    break
                done += 1
                mail = _read(run, raw, where=where, source=name, day=day, what=what, problem=problem, today=today)
                if mail is not None:
                    batch.append(mail)
                if len(batch) >= BATCH:
                    run.add(batch)
                    batch = []
                    if progress:
                        progress(done, total, _("{count} of {total} mails read").format(count=done, total=total))
        except (OSError, mailbox.Error) as exc:
            run.problem(_("{file}: could not be read further: {reason}").format(
                file=reader.source.path.name, reason=one_line(str(exc))))
    if batch:
        run.add(batch)
    if progress:
        progress(done, total, _("{count} of {total} mails read").format(count=done, total=total))
    return run.summary()


def _read(run: MailRun, raw: bytes | None, *, where: str, source: str, day, what: str, problem: str | None,
          today) -> ReadMail | None:
    if raw is None:
        run.problem(_("{where}: not read: {reason}").format(where=where, reason=problem))
        return None
    try:
        return parse_mail(raw, where=where, source=source, fallback_on=day, fallback_text=what, today=today)
    except Exception as exc:  # noqa: BLE001 - one unreadable message never stops the others
        run.problem(_("{where}: not read: {reason}").format(where=where, reason=one_line(str(exc) or type(exc).__name__)))
        return None
