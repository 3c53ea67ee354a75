"""The review list: addresses we got mail from but know no person by.

Each can become a person on an account or a new lead: the mail that waited
(``mail_waiting``) is logged as touches then, and what comes after it too.
Or it is ignored: an ignored address never comes back on the list, however
much mail it sends (its waiting mail is kept, so the ignore can be taken
back). An address someone gave a person by hand since leaves the list by
itself, and its waiting mail is logged at the next import or sync.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import ContactPoint, MailMessage, MailSender, MailWaiting, Person
from relationapp.errors import NotFound, ValidationError
from relationapp.services.customers import people
from relationapp.services.leads.register import register_lead
from relationapp.services.common.validation import shown
from relationapp.services.mail.addresses import address_key
from relationapp.services.touches.interactions import check_touch, log_many_in_session
from relationapp.text.catalogue import _

# addresses at these domains are people's own, not a firm's: no organisation is guessed from them
FREE_MAIL_DOMAINS = frozenset({
    "gmail.com", "googlemail.com", "hotmail.com", "hotmail.nl", "outlook.com", "outlook.nl", "live.com", "live.nl",
    "msn.com", "yahoo.com", "yahoo.nl", "icloud.com", "me.com", "mac.com", "aol.com", "gmx.net", "gmx.de",
    "proton.me", "protonmail.com", "ziggo.nl", "kpnmail.nl", "kpnplanet.nl", "planet.nl", "home.nl", "hetnet.nl",
    "xs4all.nl", "casema.nl", "chello.nl", "quicknet.nl", "telfort.nl", "tele2.nl", "upcmail.nl", "zeelandnet.nl",
    "skynet.be", "telenet.be", "web.de", "t-online.de", "freenet.de", "orange.fr", "free.fr", "wanadoo.fr",
})


@dataclass(frozen=True)
class SenderRow:
    address: str
    name: str | None
    status: str  # "waiting" or "ignored"
    messages: int
    first_on: dt.date
    last_on: dt.date
    last_subject: str | None

    @property
    def suggested_name(self) -> str:
        """The name the mail gave, else the address's local part in words ("jan.de.vries" -> "Jan de Vries")."""
        if self.name:
            return self.name
        local = self.address.partition("@")[0].replace(".", " ").replace("_", " ").replace("-", " ")
        words = [w for w in local.split() if w]
        small = {"de", "van", "der", "den", "het", "ten", "ter", "la", "le", "von"}
        return " ".join(w if (i and w in small) else w.capitalize() for i, w in enumerate(words)) or self.address

    @property
    def suggested_organisation(self) -> str | None:
        """The firm the address's domain suggests ("info@bakker-bouw.nl" -> "Bakker Bouw"); None for free mail."""
        domain = self.address.rpartition("@")[2]
        if domain in FREE_MAIL_DOMAINS or "." not in domain:
            return None
        name = domain.rsplit(".", 1)[0].rsplit(".", 1)[-1]
        return " ".join(w.capitalize() for w in name.replace("-", " ").replace("_", " ").split()) or None


@dataclass(frozen=True)
class SenderAdded:
    """A sender added as a person (or a lead), and how many of their waiting mails were logged."""

    person_id: int
    name: str
    account_id: int | None
    account: str | None
    logged: int


def _row(s: MailSender) -> SenderRow:
    return SenderRow(s.address, s.name, s.status, s.messages, s.first_on, s.last_on, s.last_subject)


def _known_addresses():
    """Addresses some person has now (added by hand since the mail came)."""
    return sa.union(
        sa.select(sa.func.lower(sa.func.trim(Person.email))).where(Person.email.is_not(None)),
        sa.select(ContactPoint.value).where(ContactPoint.kind == "email"),
    )


def list_senders(db: Database, *, status: str = "waiting", limit: int | None = None) -> list[SenderRow]:
    """The review list (or the ignored addresses), the most recent mail first."""
    if status not in ("waiting", "ignored"):
        raise ValidationError(_("Status must be waiting or ignored."), field="status")
    query = (sa.select(MailSender).where(MailSender.status == status)
             .order_by(MailSender.last_on.desc(), MailSender.address))
    if status == "waiting":
        query = query.where(MailSender.address.not_in(_known_addresses()))
    if limit is not None:
        query = query.limit(limit)
    with db.read() as session:
        return [_row(s) for s in session.execute(query).scalars()]


def count_waiting(db: Database) -> int:
    with db.read() as session:
        return session.execute(sa.select(sa.func.count()).select_from(MailSender)
                               .where(MailSender.status == "waiting",
                                      MailSender.address.not_in(_known_addresses()))).scalar_one()


def _get(session, address: str) -> MailSender:
    key = address_key(address)
    sender = session.get(MailSender, key) if key else None
    if sender is None:
        raise NotFound(_("{address} is not on the list of unknown senders.").format(address=address))
    return sender


def get_sender(db: Database, *, address: str) -> SenderRow:
    with db.read() as session:
        return _row(_get(session, address))


def ignore_sender(db: Database, *, address: str, today: dt.date | None = None) -> SenderRow:
    """Mail from this address is never logged nor asked about again (``review_again`` takes it back).
    An address that has not written yet can be ignored beforehand (a newsletter's)."""
    key = address_key(address)
    if key is None:
        raise ValidationError(_("'{value}' is not an e-mail address.").format(value=shown(address)), field="address")
    with db.write() as session:
        sender = session.get(MailSender, key)
        if sender is None:
            day = today or dt.date.today()
            sender = MailSender(address=key, messages=0, first_on=day, last_on=day)
        sender.status = "ignored"
        session.add(sender)
        return _row(sender)


def review_again(db: Database, *, address: str) -> SenderRow:
    """An ignored address back on the review list (the undo of ``ignore_sender``)."""
    with db.write() as session:
        sender = _get(session, address)
        sender.status = "waiting"
        session.add(sender)
        return _row(sender)


def add_sender_as_person(db: Database, *, address: str, account_id: int, name: str | None = None,
                         job_title: str | None = None, today: dt.date | None = None) -> SenderAdded:
    """A person with this address on an existing account; their waiting mail is logged, the address leaves
    the list."""
    sender = get_sender(db, address=address)
    person = people.create_person(db, name=name if name is not None else sender.suggested_name,
                                  email=sender.address, account_id=account_id, job_title=job_title)
    logged = _log_and_forget(db, sender.address, account_id=person.account_id, person_id=person.id, today=today)
    return SenderAdded(person.id, person.name, person.account_id, person.account, logged)


def add_sender_as_lead(db: Database, *, address: str, person: str | None = None, today: dt.date | None = None,
                       **lead) -> SenderAdded:
    """A new lead (its account and person, ``services.leads.register.register_lead`` with ``lead`` as its
    fields) with this address; their waiting mail is logged, the address leaves the list."""
    sender = get_sender(db, address=address)
    registered = register_lead(db, person=person if person is not None else sender.suggested_name,
                               email=sender.address, **lead)
    logged = _log_and_forget(db, sender.address, account_id=registered.account_id, person_id=registered.person_id,
                             today=today)
    return SenderAdded(registered.person_id, registered.person, registered.account_id, registered.account, logged)


def _log_and_forget(db: Database, address: str, *, account_id: int | None, person_id: int | None,
                    today: dt.date | None) -> int:
    with db.write() as session:
        return log_waiting_in_session(session, address=address, account_id=account_id,
                                      person_ids=(person_id,) if person_id else (), today=today)


def log_waiting_in_session(session, *, address: str, account_id: int | None, person_ids: tuple[int, ...],
                           today: dt.date | None = None) -> int:
    """The waiting mail of ``address`` logged as touches with these people (each Message-ID once, as every
    mail); the address leaves the review list. Returns how many were logged."""
    rows = list(session.execute(sa.select(MailWaiting).where(MailWaiting.address == address)
                                .order_by(MailWaiting.occurred_on)).scalars())
    touches = [(check_touch(account_id=account_id, kind="email", occurred_on=w.occurred_on, staff_id=w.staff_id,
                            subject=w.subject, notes=w.notes, direction=w.direction), tuple(person_ids))
               for w in rows]
    ids = log_many_in_session(session, touches, only_planned_before=True)
    if rows:
        session.execute(sa.insert(MailMessage), [
            {"message_id": w.message_id, "interaction_id": iid, "seen_on": today or dt.date.today(), "source": w.source}
            for w, iid in zip(rows, ids)])
    session.execute(sa.delete(MailWaiting).where(MailWaiting.address == address))
    session.execute(sa.delete(MailSender).where(MailSender.address == address))
    return len(rows)
