"""Register a lead in seconds: who, at which organisation, through which source, brought in by whom.

Everyone brings leads, not only marketing: the technician, the installer,
the service desk. So a lead records its source (the firm's list plus a new
one typed in), the detail (which fair, which campaign), the colleague who
brought it in, and its first need in a sentence. One transaction writes the
account, the person, the stage change and the need.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import Account, LeadSource, Person, Qualification, Staff, StageChange
from relationapp.errors import ValidationError
from relationapp.services.common import validation
from relationapp.services.customers import accounts, people
from relationapp.text.catalogue import _

REGISTER_STAGES = ("suspect", "prospect", "mql", "sql")


@dataclass(frozen=True)
class RegisteredLead:
    account_id: int
    account: str
    person_id: int | None
    person: str | None
    source_id: int | None
    stage: str


def register_lead(db: Database, *, person: str | None = None, organisation: str | None = None,
                  email: str | None = None, phone: str | None = None, job_title: str | None = None,
                  source_id: int | None = None, new_source: str | None = None, source_detail: str | None = None,
                  brought_in_by_id: int | None = None, need: str | None = None, owner_id: int | None = None,
                  stage: str = "prospect", city: str | None = None, staff_id: int | None = None,
                  consent_on: dt.date | None = None, today: dt.date | None = None) -> RegisteredLead:
    """A new lead: its account (the organisation, or the person as a private account) and its person.

    ``new_source`` names a source the firm's list does not have yet (added
    as kind "other"); an existing name is reused. A lead needs a person or
    an organisation. ``consent_on``: the day the person agreed to hear from us (nurturing needs it).
    """
    name = validation.text(person, field="person", label=_("Name"), max_length=300)
    org = validation.text(organisation, field="organisation", label=_("Organisation"), max_length=300)
    if not name and not org:
        raise ValidationError(_("Give the lead's name or organisation (or both)."), field="person")
    validation.choice(stage, REGISTER_STAGES, field="stage", label=_("Stage"), required=True)
    source_name = validation.text(new_source, field="source", label=_("Lead source"), max_length=200)
    account_fields = accounts.clean_fields({
        "name": org or name, "kind": "organisation" if org else "private", "stage": stage,
        "source_detail": source_detail, "brought_in_by_id": brought_in_by_id, "owner_id": owner_id, "city": city,
        **({} if org else {"email": email, "phone": phone}),
    })
    person_fields = people.clean_fields({"name": name, "email": email, "phone": phone, "job_title": job_title,
                                         "consent_date": consent_on}) if name else None
    need_text = validation.text(need, field="need", label=_("Need"), max_length=1000)
    day = today or dt.date.today()
    with db.write() as session:
        _check(session, source_id=source_id, brought_in_by_id=brought_in_by_id, owner_id=owner_id)
        if source_name:
            source_id = _source_named(session, source_name)
        account = Account(**account_fields, source_id=source_id)
        session.add(account)
        session.flush()
        session.add(StageChange(account_id=account.id, from_stage=None, to_stage=stage, changed_on=day,
                                staff_id=staff_id, reason=_("Registered as a lead")))
        contact = None
        if person_fields is not None:
            contact = Person(**person_fields, account_id=account.id)
            session.add(contact)
        if need_text:
            session.add(Qualification(account_id=account.id, need=True, need_text=need_text, updated_on=day))
        session.flush()
        return RegisteredLead(account.id, account.name, contact.id if contact else None,
                              contact.name if contact else None, source_id, stage)


def _source_named(session, name: str) -> int:
    existing = session.execute(sa.select(LeadSource.id).where(sa.func.lower(LeadSource.name) == name.lower())).first()
    if existing is not None:
        return existing[0]
    source = LeadSource(name=name, kind="other")
    session.add(source)
    session.flush()
    return source.id


def _check(session, **ids) -> None:
    labels = {"source_id": (LeadSource, _("Lead source")), "brought_in_by_id": (Staff, _("Brought in by")),
              "owner_id": (Staff, _("Account manager"))}
    for key, value in ids.items():
        model, label = labels[key]
        if value is not None and session.get(model, value) is None:
            raise ValidationError(_("{label} #{id} does not exist.").format(label=label, id=value), field=key)
