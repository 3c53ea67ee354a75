"""Mails as mail programs write them, for the mail tests (services, exchange, commands, window)."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage
from email.utils import format_datetime


def mail(*, sender: str = "Jan Bakker <jan@bakker.nl>", to: str = "Eva de Wit <eva@ourfirm.nl>",
         cc: str | None = None, subject: str = "Offerte", body: str = "Hallo Eva,\n\nhierbij de offerte.\n",
         when: dt.datetime | None = dt.datetime(2026, 11, 20, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
         message_id: str | None = "<offerte-1@bakker.nl>", html: str | None = None,
         attachments: tuple[tuple[str, bytes], ...] = (), headers: dict[str, str] | None = None) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    if cc:
        message["Cc"] = cc
    message["Subject"] = subject
    if when is not None:
        message["Date"] = format_datetime(when)
    if message_id:
        message["Message-ID"] = message_id
    for key, value in (headers or {}).items():
        message[key] = value
    if html is not None and body is None:
        message.set_content(html, subtype="html")
    else:
        message.set_content(body)
        if html is not None:
            message.add_alternative(html, subtype="html")
    for name, data in attachments:
        message.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    return bytes(message)


def mbox(mails: list[bytes]) -> bytes:
    """An mbox file: each mail after its "From " line, lines starting with "From " quoted."""
    out = []
    for raw in mails:
        body = raw.replace(b"\r\n", b"\n")
        body = b"\n".join(b">" + line if line.startswith(b"From ") else line for line in body.split(b"\n"))
        out.append(b"From sender@example.nl Fri Nov 20 10:30:00 2026\n" + body.rstrip(b"\n") + b"\n\n")
    return b"".join(out)


def firm(db) -> dict:
    """A small firm: our Eva, Jan at Bakker BV (two addresses), two people sharing the shop's info@ at
    Winkel, and info@dubbel.nl on people at two different accounts."""
    from relationapp.data.models import ContactPoint
    from relationapp.services.customers import accounts, people, staff

    eva = staff.create_staff(db, name="Eva de Wit", email="Eva@OurFirm.nl")
    bakker = accounts.create_account(db, name="Bakker BV", stage="customer")
    jan = people.create_person(db, name="Jan Bakker", email="Jan@Bakker.nl", account_id=bakker.id)
    winkel = accounts.create_account(db, name="Winkel De Hoek")
    ans = people.create_person(db, name="Ans de Hoek", email="info@winkel.nl", account_id=winkel.id)
    kees = people.create_person(db, name="Kees de Hoek", email="INFO@winkel.nl", account_id=winkel.id)
    one = accounts.create_account(db, name="Dubbel Een")
    two = accounts.create_account(db, name="Dubbel Twee")
    p1 = people.create_person(db, name="Lies Een", email="info@dubbel.nl", account_id=one.id)
    p2 = people.create_person(db, name="Lies Twee", email="info@dubbel.nl", account_id=two.id)
    with db.write() as session:
        session.add(ContactPoint(person_id=jan.id, kind="email", label="home", value="j.bakker@gmail.com", position=1))
    return {"eva": eva, "bakker": bakker, "jan": jan, "winkel": winkel, "ans": ans, "kees": kees,
            "one": one, "two": two, "lies1": p1, "lies2": p2}
