"""Read mails become e-mail touches: matched by address, logged once, unknown senders kept for review.

Rules (README "Mail", HACKING):
- A mail from one of our addresses (a staff member's, Settings > Mail > our
  own addresses, the IMAP user) is outgoing; its people are the recipients
  (To and Cc) we know. Any other mail is incoming; its people are the sender
  and whoever we know among the other recipients.
- The people are grouped by account: one touch per account the mail was
  with (a mail to two firms resets both cadences), with the staff member who
  sent or received it.
- Every Message-ID is logged once (``mail_message``), whichever file, folder
  or server brings it again.
- An address two people share at one account (a shop's info@) logs the
  touch with both of them, and the summary says so. An address of people at
  different accounts says nothing about which account the mail was with:
  that address is left out and reported (give one of them another address,
  or merge the duplicates, then import again).
- A mail with nobody we know: the sender (for an outgoing mail: the
  recipients) goes to the review list (``mail_sender``) unless that address
  was ignored, and the touch it would make waits there (``mail_waiting``):
  adding the sender as a person or a lead logs it (``services.mail.senders``).
  Dropped on an account, it is logged for that account instead (and the
  address still goes for review).
- Automatic mail (out-of-office replies, mailing lists, no-reply senders) and
  mail among ourselves only is counted, never logged.
- An old mail closes only the planned contacts made before it was sent.

Each batch is one write transaction; a dry run reads the same way and
writes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import Account, MailMessage, MailSender, MailWaiting
from relationapp.errors import ValidationError
from relationapp.services.common.settings import load as load_settings
from relationapp.services.mail.addresses import AddressBook, Known, address_book
from relationapp.services.mail.senders import log_waiting_in_session
from relationapp.services.touches.interactions import check_touch, log_many_in_session
from relationapp.text.catalogue import _

SUBJECT_LIMIT = 500  # interaction.subject
NAME_LIMIT = 300


@dataclass(frozen=True)
class ReadMail:
    """One message as a reader (exchange/mail) understood it; nothing of it is stored but the touch."""

    message_id: str
    occurred_on: dt.date
    sender: tuple[str, str] | None  # (address, display name), address case-folded
    to: tuple[tuple[str, str], ...] = ()
    cc: tuple[tuple[str, str], ...] = ()
    subject: str | None = None
    notes: str | None = None  # the text, the attachments' names below it
    source: str = ""  # the file, or the IMAP folder, it came from
    where: str = ""  # how a message line names it: "offer.eml", "mail.mbox, message 12"
    automatic: bool = False  # an auto-reply, a list mail, a no-reply sender
    remarks: tuple[str, ...] = ()  # what the reader noticed and decided (no date, an unknown charset ...)


@dataclass(frozen=True)
class MailTouch:
    """A touch a mail made (or, in a dry run, would make)."""

    where: str
    occurred_on: dt.date
    direction: str  # "in" or "out"
    account: str | None
    people: tuple[str, ...]
    subject: str | None


@dataclass(frozen=True)
class MailSummary:
    read: int  # messages looked at
    logged: int  # messages logged as touches
    touches: int  # touches made (a mail with two accounts makes two)
    duplicates: int  # seen before (the same Message-ID): logged, or waiting for its sender to be added
    unknown: int  # messages from addresses we do not know (on the review list; their touches wait)
    new_senders: int  # addresses added to the review list by this run
    skipped: int  # ignored addresses, automatic mail, mail among ourselves
    problems: tuple[str, ...]  # one line each: what was not read or not logged, and why
    remarks: tuple[str, ...]  # one line each: what was logged with a decision worth knowing
    dry_run: bool = False
    planned: tuple[MailTouch, ...] = ()  # a dry run: what would be logged


@dataclass
class MailRun:
    """One import or sync: the address book read once, the counts of every batch added up.

    ``add(batch)`` logs a batch in one transaction; ``summary()`` says what came of the whole run.
    """

    db: Database
    account_id: int | None = None  # the account mails were dropped on: mails with nobody we know go there
    dry_run: bool = False
    today: dt.date | None = None
    extra_own: tuple[str, ...] = ()  # the IMAP user's address
    book: AddressBook | None = None
    read: int = 0
    logged: int = 0
    touches: int = 0
    duplicates: int = 0
    unknown: int = 0
    new_senders: int = 0
    skipped: int = 0
    problems: list[str] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)
    planned: list[MailTouch] = field(default_factory=list)
    _seen: set[str] = field(default_factory=set)  # Message-IDs of this run (a file may hold one twice)
    _caught_up: bool = False
    _statuses: dict[str, str] = field(default_factory=dict)  # review-list status by address, as this run left it

    def __post_init__(self) -> None:
        self.today = self.today or dt.date.today()
        with self.db.read() as session:
            if self.account_id is not None and session.get(Account, self.account_id) is None:
                raise ValidationError(_("Account #{id} does not exist.").format(id=self.account_id), field="account_id")
            own = load_settings(session).mail_own_addresses
            self.book = address_book(session, own=own, extra_own=self.extra_own)

    def problem(self, line: str) -> None:
        self.problems.append(line)

    def add(self, mails: list[ReadMail], *, then=None) -> None:
        """Log one batch in one transaction. ``then(session)`` runs in it too (where a sync stopped)."""
        if self.dry_run:
            with self.db.read() as session:
                self._batch(session, mails)
            return
        with self.db.write() as session:
            if not self._caught_up:
                self._catch_up(session)
            self._batch(session, mails)
            if then is not None:
                then(session)

    def summary(self) -> MailSummary:
        return MailSummary(self.read, self.logged, self.touches, self.duplicates, self.unknown, self.new_senders,
                           self.skipped, tuple(self.problems), tuple(self.remarks), self.dry_run,
                           tuple(self.planned))

    def _catch_up(self, session) -> None:
        """Waiting mail whose address some person has now (given by hand since it came): logged first."""
        self._caught_up = True
        for address in list(session.execute(sa.select(MailWaiting.address).distinct()).scalars()):
            matches = self.book.people.get(address, ())
            accounts = {k.account_id for k in matches}
            if not matches or len(accounts) != 1:
                continue
            count = log_waiting_in_session(session, address=address, account_id=accounts.pop(),
                                           person_ids=tuple(k.person_id for k in matches), today=self.today)
            self.remarks.append(_("{count} mails from {address}, waiting until someone had that address, "
                                  "logged as touches.").format(count=count, address=address))

    # --- one batch ------------------------------------------------------------------
    def _batch(self, session, mails: list[ReadMail]) -> None:
        ids = list({m.message_id for m in mails} - self._seen)
        logged_before: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            for model in (MailMessage, MailWaiting):  # logged, or waiting for its sender to be added
                logged_before.update(session.execute(sa.select(model.message_id)
                                                     .where(model.message_id.in_(chunk))).scalars())
        batch = _Batch(session, self._review_statuses(session, mails))
        for mail in mails:
            self.read += 1
            if mail.message_id in self._seen or mail.message_id in logged_before:
                self.duplicates += 1
                continue
            self._seen.add(mail.message_id)
            self._one(batch, mail)
        if not self.dry_run:
            self._write(batch)

    def _review_statuses(self, session, mails: list[ReadMail]) -> dict[str, MailSender]:
        """The review-list rows of every address in the batch we know no person by (one query)."""
        book = self.book
        wanted = {a for m in mails for a, _n in ((m.sender,) if m.sender else ()) + m.to
                  if a not in book.people and not book.is_own(a)}
        rows: dict[str, MailSender] = {}
        wanted_list = list(wanted)
        for start in range(0, len(wanted_list), 500):
            for row in session.execute(sa.select(MailSender)
                                       .where(MailSender.address.in_(wanted_list[start:start + 500]))).scalars():
                rows[row.address] = row
        return rows

    def _one(self, batch: "_Batch", mail: ReadMail) -> None:
        book = self.book
        if mail.occurred_on > self.today + dt.timedelta(days=1):
            mail = replace(mail, occurred_on=self.today, remarks=(*mail.remarks, _(
                "{where}: dated {date}, in the future; logged on today's date.").format(
                where=mail.where, date=mail.occurred_on.isoformat())))
        self.remarks.extend(mail.remarks)
        if mail.automatic:
            self.skipped += 1
            return
        sender = mail.sender[0] if mail.sender else None
        outgoing = sender is not None and book.is_own(sender)
        others = [a for a in (*mail.to, *mail.cc) if not book.is_own(a[0])]
        if outgoing:
            counterparts = [a for a, _name in others]
            review = [a for a in mail.to if not book.is_own(a[0]) and a[0] not in book.people]
            staff_id = book.staff_of(sender)
        else:
            counterparts = ([sender] if sender else []) + [a for a, _name in others if a in book.people]
            review = [mail.sender] if sender and sender not in book.people else []
            staff_id = next((book.staff_of(a) for a, _name in (*mail.to, *mail.cc) if book.staff_of(a)), None)
        if not counterparts:  # among ourselves, or a mail without any address
            self.skipped += 1
            return
        people = self._people(mail, counterparts)
        if people is None:  # every address we know of was ambiguous: reported
            return
        reviewed = [address for address in review if self._review(batch, address, mail)]
        groups: dict[int | None, list[Known]] = {}
        for known in people:
            groups.setdefault(known.account_id, []).append(known)
        direction = "out" if outgoing else "in"
        if not groups:
            if not reviewed:  # an address the firm chose to ignore
                self.skipped += 1
                return
            self.unknown += 1
            if self.account_id is None:  # the touch waits for its sender to be added
                batch.waiting.append({
                    "message_id": mail.message_id, "address": reviewed[0][0], "occurred_on": mail.occurred_on,
                    "direction": direction, "staff_id": staff_id, "subject": mail.subject, "notes": mail.notes,
                    "source": (mail.source or None) and mail.source[:500]})
                return
            groups = {self.account_id: []}
        touches = []
        try:
            for account_id, group in groups.items():
                fields = check_touch(account_id=account_id, kind="email", occurred_on=mail.occurred_on,
                                     staff_id=staff_id, subject=mail.subject, notes=mail.notes, direction=direction)
                touches.append((fields, tuple(k.person_id for k in group)))
        except ValidationError as exc:
            self.problem(_("{where}: not logged: {reason}").format(where=mail.where, reason=exc))
            return
        self.logged += 1
        self.touches += len(touches)
        batch.mails.append((mail, len(touches)))
        batch.touches.extend(touches)
        if self.dry_run:
            for account_id, group in groups.items():
                account = next((k.account for k in group), None) or self._account_name(batch.session, account_id)
                self.planned.append(MailTouch(mail.where, mail.occurred_on, direction, account,
                                              tuple(k.name for k in group), mail.subject))

    def _write(self, batch: "_Batch") -> None:
        session = batch.session
        ids = log_many_in_session(session, batch.touches, only_planned_before=True)
        logged, at = [], 0
        for mail, count in batch.mails:
            logged.append({"message_id": mail.message_id, "interaction_id": ids[at], "seen_on": self.today,
                           "source": (mail.source or None) and mail.source[:500]})
            at += count
        if logged:
            session.execute(sa.insert(MailMessage), logged)
        for row in batch.senders.values():
            session.add(row)
        session.flush()
        if batch.waiting:
            session.execute(sa.insert(MailWaiting), batch.waiting)

    def _people(self, mail: ReadMail, addresses: list[str]) -> list[Known] | None:
        """The people of these addresses; None when the only known ones were ambiguous (then reported)."""
        found: dict[int, Known] = {}
        ambiguous = False
        for address in dict.fromkeys(addresses):
            matches = self.book.people.get(address, ())
            accounts = {k.account_id for k in matches}
            if len(accounts) > 1:
                ambiguous = True
                self.problem(_("{where}: {address} is the address of {people}, at different accounts; "
                               "not logged for them (give each their own address, or merge the duplicates, "
                               "and import again).").format(
                    where=mail.where, address=address,
                    people=", ".join(f"{k.name} ({k.account or _('no account')})" for k in matches)))
                continue
            if len(matches) > 1:
                self.remarks.append(_("{where}: {address} is the address of {people} at {account}; "
                                      "logged with all of them.").format(
                    where=mail.where, address=address, people=", ".join(k.name for k in matches),
                    account=matches[0].account or _("no account")))
            for known in matches:
                found[known.person_id] = known
        if not found and ambiguous:
            return None
        return list(found.values())

    def _account_name(self, session, account_id: int | None) -> str | None:
        if account_id is None:
            return None
        return session.execute(sa.select(Account.name).where(Account.id == account_id)).scalar()

    def _review(self, batch: "_Batch", address: tuple[str, str], mail: ReadMail) -> bool:
        """Put an unknown address on the review list; False if the firm chose to ignore it."""
        key, name = address
        row = batch.senders.get(key) or batch.known.get(key)
        status = self._statuses.get(key) or (row.status if row is not None else "new")
        if status == "ignored":
            self._statuses[key] = status
            return False
        if status == "new" and key not in self._statuses:
            self.new_senders += 1
        self._statuses[key] = "waiting"
        if self.dry_run:
            return True
        subject = (mail.subject or "")[:SUBJECT_LIMIT] or None
        name = (name or "")[:NAME_LIMIT] or None
        if row is None:
            row = MailSender(address=key, name=name, status="waiting", messages=0, first_on=mail.occurred_on,
                             last_on=mail.occurred_on, last_subject=subject)
        row.messages += 1
        row.name = row.name or name
        row.first_on = min(row.first_on, mail.occurred_on)
        if mail.occurred_on >= row.last_on:
            row.last_on, row.last_subject = mail.occurred_on, subject
        batch.senders[key] = row
        return True


@dataclass
class _Batch:
    """What one batch will write: the touches (with their people), the mails they came from, the review list."""

    session: object
    known: dict[str, MailSender]  # review-list rows already there, by address
    touches: list[tuple[dict, tuple[int, ...]]] = field(default_factory=list)
    mails: list[tuple[ReadMail, int]] = field(default_factory=list)  # each mail and how many touches it made
    senders: dict[str, MailSender] = field(default_factory=dict)  # rows to write
    waiting: list[dict] = field(default_factory=list)  # the touches of mail from unknown senders
