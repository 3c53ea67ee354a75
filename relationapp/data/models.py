"""Tables for the whole domain model (DESIGN.md), designed once.

Money is stored as integer cents (exact sums in SQL on every backend) and
read back as ``Decimal``. Dates are ``date`` columns (ISO text in SQLite),
never midnight datetimes. Personal dates keep month and day apart from the
optional year, because a birthday without a year is normal.

The Alembic revisions in ``migrations/versions`` own the schema; these
classes must match it (a test compares them).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Optional

import sqlalchemy as sa
from sqlalchemy.orm import declared_attr
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel


class Money(TypeDecorator):
    """Decimal euros in Python, integer cents in the database."""

    impl = sa.BigInteger
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        cents = (Decimal(value) * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
        return int(cents)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return Decimal(int(value)) / 100

    def coerce_compared_value(self, op, value):
        return self


def cents_to_decimal(cents: int | None) -> Decimal:
    """For raw aggregate queries that sum the cents column directly."""
    return Decimal(int(cents or 0)).scaleb(-2)  # exact, two places: what / 100 and quantize gave, at half the cost


def utc_now() -> dt.datetime:
    """When a record was made or changed: UTC, to the second (never a local midnight)."""
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0, tzinfo=None)


# --- vocabularies (stored as plain text so a later value needs no migration) --

STAGES = ("suspect", "prospect", "mql", "sql", "customer", "inactive")
ACCOUNT_KINDS = ("organisation", "private")
DMU_ROLES = ("decision_maker", "budget_holder", "influencer", "user", "gatekeeper")
CHANNELS = ("email", "phone", "visit", "post", "message")
INTERACTION_KINDS = (
    "visit", "call", "email", "meeting", "event", "gift", "card", "content", "note",
)
IMPORTANT_DATE_KINDS = ("anniversary", "child_birthday", "wedding", "custom")
FOLLOW_UP_ORIGINS = ("manual", "detractor", "referral_thanks", "promoter_ask", "cadence", "visit")
REFERRAL_OUTCOMES = ("introduced", "customer", "no_fit")
LEAD_SOURCE_KINDS = (
    "trade_fair", "webinar", "search_engine", "social_media", "cold_call",
    "third_party", "referral", "colleague", "website", "other",
)
TIERS = ("top", "big", "medium", "small", "prospect", "suspect", "inactive")
JOURNEY_STAGES = ("consider", "evaluate", "buy", "enjoy", "advocate", "bond")
VISIT_STATUSES = ("planned", "done", "cancelled")
CONTENT_KINDS = ("article", "video", "whitepaper", "webinar", "case_study", "other")
NURTURE_STOP_REASONS = ("sql", "customer", "do_not_contact", "ended", "by_hand")
CONTACT_KINDS = ("phone", "email", "url", "social")
CONTACT_LABELS = ("work", "mobile", "home", "fax", "other")  # social: the service's name instead
MAIL_DIRECTIONS = ("in", "out")
MAIL_SENDER_STATUSES = ("waiting", "ignored")


class TableBase(SQLModel):
    """The base of every table: pydantic builds a model's validator when it is first used, not when the
    class is made (the app never validates rows through pydantic; this saves about 20 ms of every start)."""

    model_config = {**SQLModel.model_config, "defer_build": True}


class Versioned(TableBase):
    """A record a form edits: ``version`` goes up by one on every ORM update (revision 0016).

    SQLAlchemy's ``version_id_col`` makes each UPDATE say ``WHERE id = ? AND
    version = ?``, so two sessions saving the same record cannot both win
    (``StaleDataError`` for the second, on any backend). A Core ``UPDATE`` of
    such a table must bump it itself: ``.values(..., **bump(Model))``.
    """

    version: int = Field(default=1, sa_column_kwargs={"server_default": sa.text("1")})

    @declared_attr
    def __mapper_args__(cls):
        return {"version_id_col": cls.__table__.c.version}


def bump(target) -> dict:
    """What a Core UPDATE of ``target`` (a model or a table) adds to its ``values()`` so that open forms
    notice it: the version one up, for a versioned table (nothing for another)."""
    table = target if isinstance(target, sa.Table) else target.__table__
    return {"version": table.c.version + 1} if "version" in table.c else {}


# Tables whose rows are kept from the others (caches, the search index) or bookkeeping no page shows:
# a write to them alone is no change of its own (services.common.changes) and is not logged (change_log).
DERIVED_TABLES = frozenset({"tier_cache", "tier_cache_state", "search_index", "alembic_version", "mail_folder",
                            "change_log"})


def is_derived(table: str) -> bool:
    return table in DERIVED_TABLES or table.startswith("search_index")


class Staff(Versioned, table=True):
    __tablename__ = "staff"
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(max_length=200)
    email: Optional[str] = Field(default=None, max_length=320)
    hourly_cost: Optional[Decimal] = Field(default=None, sa_type=Money)
    active: bool = Field(default=True)
    # an Argon2id hash (services.customers.sign_in); None: no password, this staff member cannot sign in
    password_hash: Optional[str] = Field(default=None, max_length=200)
    # may set others' passwords, mark them as left and choose who else manages staff (sign_in)
    manages_staff: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})


class LeadSource(TableBase, table=True):
    __tablename__ = "lead_source"
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, unique=True)
    kind: str = Field(default="other", max_length=40)
    active: bool = Field(default=True)


def _name_type(length: int):
    """Names sort and compare case-insensitively in SQLite (indexed as such)."""
    return sa.String(length).with_variant(sa.String(length, collation="NOCASE"), "sqlite")


class Account(Versioned, table=True):
    __tablename__ = "account"
    __table_args__ = (
        sa.Index("ix_account_stage_archived", "stage", "archived"),
        sa.Index("ix_account_city", "city"),
        sa.Index("ix_account_postcode", "postcode"),
        sa.Index("ix_account_owner", "owner_id"),
        # the accounts list: ids in display order without touching the table
        sa.Index("ix_account_archived_name", "archived", "name"),
        sa.Index("ix_account_archived_city", "archived", "city"),
        sa.Index("ix_account_archived_stage", "archived", "stage"),
        # Today's overdue accounts: a range on the last touch, the rest read from the index (revision 0006)
        sa.Index("ix_account_attention", "archived", "stage", "last_touch_on", "cadence_days", "customer_since", "created_at"),
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(sa_type=_name_type(300), index=True)
    kind: str = Field(default="organisation", max_length=20)
    stage: str = Field(default="prospect", max_length=20)
    owner_id: Optional[int] = Field(default=None, foreign_key="staff.id", ondelete="SET NULL")
    street: Optional[str] = Field(default=None, max_length=300)
    postcode: Optional[str] = Field(default=None, max_length=20)
    city: Optional[str] = Field(default=None, max_length=200)
    region: Optional[str] = Field(default=None, max_length=200)
    country: Optional[str] = Field(default=None, max_length=100)
    latitude: Optional[float] = Field(default=None)
    longitude: Optional[float] = Field(default=None)
    phone: Optional[str] = Field(default=None, max_length=60)
    email: Optional[str] = Field(default=None, max_length=320)
    website: Optional[str] = Field(default=None, max_length=500)
    source_id: Optional[int] = Field(default=None, foreign_key="lead_source.id", ondelete="SET NULL")
    source_detail: Optional[str] = Field(default=None, max_length=500)
    brought_in_by_id: Optional[int] = Field(default=None, foreign_key="staff.id", ondelete="SET NULL")
    customer_since: Optional[dt.date] = Field(default=None)
    annual_budget: Optional[Decimal] = Field(default=None, sa_type=Money)
    cadence_days: Optional[int] = Field(default=None)
    journey_stage: Optional[str] = Field(default=None, max_length=20)
    next_steps: Optional[str] = Field(default=None)
    notes: Optional[str] = Field(default=None)
    archived: bool = Field(default=False)
    created_at: dt.datetime = Field(default_factory=utc_now, sa_type=sa.DateTime)
    updated_at: dt.datetime = Field(default_factory=utc_now, sa_type=sa.DateTime)
    # the latest interaction.occurred_on of this account; kept by SQLite triggers (revision 0006), never set by hand
    last_touch_on: Optional[dt.date] = Field(default=None)
    # a prospect its owner gives real attention now (at most Settings.focus_limit each); the rest are nurtured
    in_focus: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})


class Person(Versioned, table=True):
    __tablename__ = "person"
    __table_args__ = (
        sa.Index("ix_person_birthday", "birthday_month", "birthday_day"),
        sa.Index("ix_person_email", "email"),
        sa.Index("ix_person_archived_name", "archived", "name"),
        # Today: who asked not to be contacted, and birthdays coming, from the index alone (revision 0006)
        sa.Index("ix_person_contact", "do_not_contact", "archived", "account_id"),
        sa.Index("ix_person_birthday_contact", "birthday_month", "birthday_day", "archived", "do_not_contact",
                 "account_id", "birthday_year"),
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    account_id: Optional[int] = Field(
        default=None, foreign_key="account.id", ondelete="SET NULL", index=True
    )
    name: str = Field(sa_type=_name_type(300), index=True)
    job_title: Optional[str] = Field(default=None, max_length=200)
    dmu_role: Optional[str] = Field(default=None, max_length=30)
    email: Optional[str] = Field(default=None, max_length=320)
    phone: Optional[str] = Field(default=None, max_length=60)
    birthday_day: Optional[int] = Field(default=None)
    birthday_month: Optional[int] = Field(default=None)
    birthday_year: Optional[int] = Field(default=None)
    family_notes: Optional[str] = Field(default=None)
    personal_notes: Optional[str] = Field(default=None)
    preferred_channel: Optional[str] = Field(default=None, max_length=20)
    do_not_contact: bool = Field(default=False)
    consent_date: Optional[dt.date] = Field(default=None)
    archived: bool = Field(default=False)
    created_at: dt.datetime = Field(default_factory=utc_now, sa_type=sa.DateTime)
    updated_at: dt.datetime = Field(default_factory=utc_now, sa_type=sa.DateTime)


class ImportantDate(Versioned, table=True):
    """Dates to remember besides a person's own birthday (kept on Person)."""

    __tablename__ = "important_date"
    __table_args__ = (sa.Index("ix_important_date_month_day", "month", "day"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    person_id: Optional[int] = Field(default=None, foreign_key="person.id", ondelete="CASCADE", index=True)
    account_id: Optional[int] = Field(default=None, foreign_key="account.id", ondelete="CASCADE", index=True)
    kind: str = Field(default="custom", max_length=30)
    label: str = Field(max_length=200)
    month: int
    day: int
    year: Optional[int] = Field(default=None)
    notice_days: int = Field(default=14)


class Interaction(Versioned, table=True):
    __tablename__ = "interaction"
    __table_args__ = (
        sa.Index("ix_interaction_account_date", "account_id", "occurred_on"),
        sa.Index("ix_interaction_date", "occurred_on"),
        # the visit cadence: latest visit or meeting per account (revision 0004)
        sa.Index("ix_interaction_kind_account_date", "kind", "account_id", "occurred_on"),
        # time spent per account over a period: cost to serve (revision 0005)
        sa.Index("ix_interaction_date_account_time", "occurred_on", "account_id", "staff_id", "duration_minutes"),
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    account_id: Optional[int] = Field(default=None, foreign_key="account.id", ondelete="CASCADE")
    kind: str = Field(default="call", max_length=20)
    occurred_on: dt.date
    duration_minutes: int = Field(default=0)
    staff_id: Optional[int] = Field(default=None, foreign_key="staff.id", ondelete="SET NULL")
    subject: Optional[str] = Field(default=None, max_length=500)
    notes: Optional[str] = Field(default=None)
    gift_item: Optional[str] = Field(default=None, max_length=300)
    gift_cost: Optional[Decimal] = Field(default=None, sa_type=Money)
    created_at: dt.datetime = Field(default_factory=utc_now, sa_type=sa.DateTime)
    # where this touch came through, where known (a lead's path: the fair, then a webinar, then LinkedIn)
    source_id: Optional[int] = Field(default=None, foreign_key="lead_source.id", ondelete="SET NULL")
    content_item_id: Optional[int] = Field(default=None, foreign_key="content_item.id", ondelete="SET NULL")
    direction: Optional[str] = Field(default=None, max_length=3)  # MAIL_DIRECTIONS, for an e-mail touch


class ContactPoint(TableBase, table=True):
    """Every phone number, e-mail address, web page and social profile of a person, with its type.

    ``person.phone`` and ``person.email`` stay the main ones (shown in lists);
    this table keeps all of them as the address books wrote them, and finds
    the person a mail came from.
    """

    __tablename__ = "contact_point"
    __table_args__ = (sa.Index("ix_contact_point_kind_value", "kind", "value"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    kind: str = Field(max_length=10)  # CONTACT_KINDS
    label: Optional[str] = Field(default=None, max_length=60)  # CONTACT_LABELS, or "LinkedIn", "Twitter" ...
    value: str = Field(max_length=500)  # e-mail addresses in lower case
    position: int = Field(default=0)  # the order in the card


class MailMessage(TableBase, table=True):
    """A mail already logged as a touch (or looked at): never twice, whichever path brought it again."""

    __tablename__ = "mail_message"
    message_id: str = Field(primary_key=True, max_length=998)
    interaction_id: Optional[int] = Field(default=None, foreign_key="interaction.id", ondelete="SET NULL")
    seen_on: dt.date
    source: Optional[str] = Field(default=None, max_length=500)  # the file or the IMAP folder it came from


class MailSender(TableBase, table=True):
    """An address we got mail from but know no person by: to review (add as person or lead, or ignore)."""

    __tablename__ = "mail_sender"
    address: str = Field(primary_key=True, max_length=320)  # lower case
    name: Optional[str] = Field(default=None, max_length=300)
    status: str = Field(default="waiting", max_length=10)  # MAIL_SENDER_STATUSES
    messages: int = Field(default=0)
    first_on: dt.date
    last_on: dt.date
    last_subject: Optional[str] = Field(default=None, max_length=500)


class MailWaiting(TableBase, table=True):
    """The touch a mail from an unknown sender would make, logged when the sender is added (never the mail)."""

    __tablename__ = "mail_waiting"
    message_id: str = Field(primary_key=True, max_length=998)
    address: str = Field(foreign_key="mail_sender.address", ondelete="CASCADE", max_length=320, index=True)
    occurred_on: dt.date
    direction: str = Field(max_length=3)  # MAIL_DIRECTIONS
    staff_id: Optional[int] = Field(default=None, foreign_key="staff.id", ondelete="SET NULL")
    subject: Optional[str] = Field(default=None, max_length=500)
    notes: Optional[str] = Field(default=None)
    source: Optional[str] = Field(default=None, max_length=500)


class MailFolder(TableBase, table=True):
    """An IMAP folder we watch: where its last sync stopped (``services.mail.folders``)."""

    __tablename__ = "mail_folder"
    folder: str = Field(primary_key=True, max_length=700)  # "user@host:port/folder"
    uidvalidity: int = Field(sa_type=sa.BigInteger)
    last_uid: int = Field(sa_type=sa.BigInteger)  # the highest UID looked at; the next sync asks for the ones above
    synced_at: dt.datetime = Field(default_factory=utc_now, sa_type=sa.DateTime)


class InteractionPerson(TableBase, table=True):
    __tablename__ = "interaction_person"
    interaction_id: int = Field(foreign_key="interaction.id", ondelete="CASCADE", primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", primary_key=True, index=True)


class FollowUp(Versioned, table=True):
    __tablename__ = "follow_up"
    __table_args__ = (
        sa.Index("ix_follow_up_open_due", "done_on", "due_on"),
        sa.Index("ix_follow_up_origin", "origin", "origin_ref"),
        # Today's follow-ups due, ranked from the index alone (revision 0006)
        sa.Index("ix_follow_up_due", "done_on", "due_on", "snoozed_until", "account_id"),
        # Today: accounts whose contact is planned (open follow-ups made from Today), from the index alone
        sa.Index("ix_follow_up_open_origin", "origin", "done_on", "account_id"),
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    account_id: Optional[int] = Field(default=None, foreign_key="account.id", ondelete="CASCADE", index=True)
    person_id: Optional[int] = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    staff_id: Optional[int] = Field(default=None, foreign_key="staff.id", ondelete="SET NULL")
    title: str = Field(max_length=500)
    notes: Optional[str] = Field(default=None)
    due_on: dt.date
    snoozed_until: Optional[dt.date] = Field(default=None)
    done_on: Optional[dt.date] = Field(default=None)
    origin: str = Field(default="manual", max_length=30)
    # the record a rule made this from (an NPS response, a referral ...), so a
    # rule never makes the same follow-up twice
    origin_ref: Optional[int] = Field(default=None)
    created_at: dt.datetime = Field(default_factory=utc_now, sa_type=sa.DateTime)


class Order(Versioned, table=True):
    __tablename__ = "orders"
    __table_args__ = (
        # an account's orders by day, amounts included (a lead's first 12 months: services/leads/sources_report)
        sa.Index("ix_orders_account_date_amount", "account_id", "ordered_on", "amount"),
        # covering index for revenue and margin over a period (the pyramid, the value table; revision 0021)
        sa.Index("ix_orders_date_account_amount", "ordered_on", "account_id", "amount", "cost_of_goods"),
        sa.Index("ix_orders_account_reference", "account_id", "reference"),
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", ondelete="CASCADE")
    ordered_on: dt.date
    amount: Decimal = Field(sa_type=Money)
    cost_of_goods: Optional[Decimal] = Field(default=None, sa_type=Money)
    reference: Optional[str] = Field(default=None, max_length=100)
    description: Optional[str] = Field(default=None, max_length=500)


class Referral(TableBase, table=True):
    __tablename__ = "referral"
    id: Optional[int] = Field(default=None, primary_key=True)
    referrer_person_id: Optional[int] = Field(default=None, foreign_key="person.id", ondelete="SET NULL", index=True)
    referrer_account_id: Optional[int] = Field(default=None, foreign_key="account.id", ondelete="SET NULL", index=True)
    # an account is introduced once
    referred_account_id: int = Field(foreign_key="account.id", ondelete="CASCADE", unique=True)
    referred_on: dt.date
    outcome: str = Field(default="introduced", max_length=20)
    note: Optional[str] = Field(default=None)
    thanked_on: Optional[dt.date] = Field(default=None)


class NpsResponse(TableBase, table=True):
    __tablename__ = "nps_response"
    __table_args__ = (
        sa.Index("ix_nps_date", "responded_on"),
        sa.CheckConstraint("score BETWEEN 0 AND 10", name="ck_nps_score_range"),
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    # the person's account at the time of the answer
    account_id: Optional[int] = Field(default=None, foreign_key="account.id", ondelete="SET NULL", index=True)
    responded_on: dt.date
    score: int
    comment: Optional[str] = Field(default=None)


class StageChange(TableBase, table=True):
    __tablename__ = "stage_change"
    # registrations by day: the leads of a year (services/leads/sources_report.py)
    __table_args__ = (sa.Index("ix_stage_change_first", "from_stage", "changed_on", "account_id"),
                      # an account's path through the stages without reading the rows
                      sa.Index("ix_stage_change_path", "account_id", "from_stage", "changed_on", "to_stage"))
    id: Optional[int] = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", ondelete="CASCADE", index=True)
    from_stage: Optional[str] = Field(default=None, max_length=20)
    to_stage: str = Field(max_length=20)
    changed_on: dt.date
    staff_id: Optional[int] = Field(default=None, foreign_key="staff.id", ondelete="SET NULL")
    reason: Optional[str] = Field(default=None)


class Qualification(Versioned, table=True):
    """BANT, one row per account."""

    __tablename__ = "qualification"
    account_id: int = Field(foreign_key="account.id", ondelete="CASCADE", primary_key=True)
    budget: bool = Field(default=False)
    authority: bool = Field(default=False)
    need: bool = Field(default=False)
    timeline: bool = Field(default=False)
    notes: Optional[str] = Field(default=None)
    updated_on: Optional[dt.date] = Field(default=None)
    # what each letter rests on (the booleans say whether it is met)
    budget_amount: Optional[Decimal] = Field(default=None, sa_type=Money)
    authority_person_id: Optional[int] = Field(default=None, foreign_key="person.id", ondelete="SET NULL")
    need_text: Optional[str] = Field(default=None)
    timeline_on: Optional[dt.date] = Field(default=None)
    not_ready_reason: Optional[str] = Field(default=None)


class ContentItem(TableBase, table=True):
    __tablename__ = "content_item"
    id: Optional[int] = Field(default=None, primary_key=True)
    title: str = Field(max_length=300)
    kind: str = Field(default="article", max_length=30)
    url: Optional[str] = Field(default=None, max_length=1000)
    notes: Optional[str] = Field(default=None)
    file_path: Optional[str] = Field(default=None, max_length=1000)
    topics: Optional[str] = Field(default=None, max_length=500)
    language: Optional[str] = Field(default=None, max_length=10)


class NurtureTrack(TableBase, table=True):
    __tablename__ = "nurture_track"
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(max_length=200, unique=True)
    description: Optional[str] = Field(default=None)


class NurtureStep(TableBase, table=True):
    __tablename__ = "nurture_step"
    id: Optional[int] = Field(default=None, primary_key=True)
    track_id: int = Field(foreign_key="nurture_track.id", ondelete="CASCADE", index=True)
    position: int
    content_item_id: Optional[int] = Field(default=None, foreign_key="content_item.id", ondelete="SET NULL")
    wait_days: int = Field(default=30)


class NurtureEnrolment(TableBase, table=True):
    __tablename__ = "nurture_enrolment"
    __table_args__ = (sa.Index("ix_nurture_enrolment_open_due", "stopped_on", "next_due_on"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    track_id: int = Field(foreign_key="nurture_track.id", ondelete="CASCADE", index=True)
    account_id: Optional[int] = Field(default=None, foreign_key="account.id", ondelete="CASCADE", index=True)
    person_id: Optional[int] = Field(default=None, foreign_key="person.id", ondelete="CASCADE")
    started_on: dt.date
    next_position: int = Field(default=1)
    next_due_on: Optional[dt.date] = Field(default=None)
    stopped_on: Optional[dt.date] = Field(default=None)
    stop_reason: Optional[str] = Field(default=None, max_length=40)  # NURTURE_STOP_REASONS
    reason: Optional[str] = Field(default=None)  # why they were sent to nurturing ("budget next year")


class ContentSent(TableBase, table=True):
    """Which content a person has had: never the same item twice."""

    __tablename__ = "content_sent"
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", primary_key=True)
    content_item_id: int = Field(foreign_key="content_item.id", ondelete="CASCADE", primary_key=True)
    sent_on: dt.date
    interaction_id: Optional[int] = Field(default=None, foreign_key="interaction.id", ondelete="SET NULL")


class Campaign(TableBase, table=True):
    """What a source cost in a year (a fair's stand, an ad campaign): cost per lead in the sources report."""

    __tablename__ = "campaign"
    __table_args__ = (sa.UniqueConstraint("source_id", "year", "name"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="lead_source.id", ondelete="CASCADE")
    year: int
    name: str = Field(default="", max_length=500)  # "" = the whole source that year; else matches source_detail
    cost: Decimal = Field(sa_type=Money)


class Tag(TableBase, table=True):
    __tablename__ = "tag"
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(max_length=100, unique=True)


class AccountTag(TableBase, table=True):
    __tablename__ = "account_tag"
    account_id: int = Field(foreign_key="account.id", ondelete="CASCADE", primary_key=True)
    tag_id: int = Field(foreign_key="tag.id", ondelete="CASCADE", primary_key=True, index=True)


class Setting(TableBase, table=True):
    """One typed setting (declared in relationapp.config), its value as JSON."""

    __tablename__ = "setting"
    key: str = Field(primary_key=True, max_length=100)
    value: str


class TierSnapshot(TableBase, table=True):
    """The pyramid tier of every account at a quarter end."""

    __tablename__ = "tier_snapshot"
    __table_args__ = (sa.Index("ix_tier_snapshot_account", "account_id", "quarter_end"),)
    quarter_end: dt.date = Field(primary_key=True)
    account_id: int = Field(foreign_key="account.id", ondelete="CASCADE", primary_key=True)
    tier: str = Field(max_length=20)
    revenue_12m: Decimal = Field(sa_type=Money)


class TierCache(TableBase, table=True):
    """The current pyramid tier of every active account, for the day in TierCacheState.

    Derived from orders, stages and the tier settings; SQLite triggers clear
    TierCacheState.valid when any of them changes (revision 0006), and
    services/pyramid.current_tiers recomputes it.
    """

    __tablename__ = "tier_cache"
    __table_args__ = (sa.Index("ix_tier_cache_dropped", "dropped_from", sqlite_where=sa.text("dropped_from IS NOT NULL")),)
    account_id: int = Field(foreign_key="account.id", ondelete="CASCADE", primary_key=True, sa_type=sa.Integer,
                            sa_column_kwargs={"autoincrement": False})
    tier: str = Field(max_length=20)
    revenue_12m: Decimal = Field(sa_type=Money)
    rank: Optional[int] = Field(default=None)
    # a customer tier at TierCacheState.quarter_end above the tier now (the account fell), and the revenue then
    dropped_from: Optional[str] = Field(default=None, max_length=20)
    revenue_before: Optional[Decimal] = Field(default=None, sa_type=Money)


class TierCacheState(TableBase, table=True):
    """One row (id 1): the day tier_cache was computed for, the quarter end its drops compare with,
    and whether it still holds."""

    __tablename__ = "tier_cache_state"
    id: Optional[int] = Field(default=None, primary_key=True)
    as_of: Optional[dt.date] = Field(default=None)
    quarter_end: Optional[dt.date] = Field(default=None)
    valid: bool = Field(default=False)


class PlannedVisit(TableBase, table=True):
    __tablename__ = "planned_visit"
    __table_args__ = (sa.Index("ix_planned_visit_date", "planned_on", "position"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", ondelete="CASCADE", index=True)
    staff_id: Optional[int] = Field(default=None, foreign_key="staff.id", ondelete="SET NULL")
    planned_on: dt.date
    start_time: Optional[dt.time] = Field(default=None)
    duration_minutes: int = Field(default=60)
    position: int = Field(default=0)
    status: str = Field(default="planned", max_length=20)
    interaction_id: Optional[int] = Field(default=None, foreign_key="interaction.id", ondelete="SET NULL")
    notes: Optional[str] = Field(default=None)


class SyncAccount(TableBase, table=True):
    """A CardDAV/CalDAV server and user we sync with, by name (the password is in the system keyring)."""

    __tablename__ = "sync_account"
    __table_args__ = (sa.Index("ix_sync_account_name", "name", unique=True),)
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(max_length=100, sa_column_kwargs={"server_default": "default"})  # the user's word for it
    url: str = Field(max_length=1000)
    user: str = Field(max_length=300)
    last_sync_at: Optional[dt.datetime] = Field(default=None, sa_type=sa.DateTime)
    last_result: Optional[str] = Field(default=None)
    last_ok: bool = Field(default=True, sa_column_kwargs={"server_default": sa.true()})


class SyncCollection(TableBase, table=True):
    """The address book or a calendar of a sync account, with the server's last sync token."""

    __tablename__ = "sync_collection"
    __table_args__ = (sa.UniqueConstraint("account_id", "kind", name="uq_sync_collection_kind"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="sync_account.id", ondelete="CASCADE")
    kind: str = Field(max_length=20)  # SYNC_KINDS
    url: str = Field(max_length=1000)
    sync_token: Optional[str] = Field(default=None, max_length=1000)


class SyncItem(TableBase, table=True):
    """One server item and the local record it is, with the field values both sides had at the last sync."""

    __tablename__ = "sync_item"
    __table_args__ = (
        sa.UniqueConstraint("collection_id", "href", name="uq_sync_item_href"),
        sa.UniqueConstraint("collection_id", "uid", name="uq_sync_item_uid"),
        sa.Index("ix_sync_item_local", "collection_id", "local_id"),
    )
    id: Optional[int] = Field(default=None, primary_key=True)
    collection_id: int = Field(foreign_key="sync_collection.id", ondelete="CASCADE")
    href: str = Field(max_length=1000)
    uid: str = Field(max_length=500)
    etag: Optional[str] = Field(default=None, max_length=200)  # None: written, the server's answer not yet seen
    local_id: Optional[int] = Field(default=None)  # a person, follow-up, planned visit or date id (by kind)
    base: Optional[str] = Field(default=None)  # JSON: {field: value} at the last sync
    pending: Optional[str] = Field(default=None, max_length=20)  # SYNC_PENDING: a deletion awaiting the user


class SyncConflict(TableBase, table=True):
    """A field the app and the server both changed, differently: the user picks one."""

    __tablename__ = "sync_conflict"
    __table_args__ = (sa.UniqueConstraint("item_id", "field", name="uq_sync_conflict_field"),)
    id: Optional[int] = Field(default=None, primary_key=True)
    item_id: int = Field(foreign_key="sync_item.id", ondelete="CASCADE")
    field: str = Field(max_length=40)
    app_value: Optional[str] = Field(default=None)
    server_value: Optional[str] = Field(default=None)
    found_at: dt.datetime = Field(default_factory=utc_now, sa_type=sa.DateTime)


class ChangeLog(TableBase, table=True):
    """One row per committed write transaction: when, who ("I am" then), the tables it changed (comma-separated).

    Written by ``data.db.Database.write`` in the same transaction; other windows read the rows after the
    last one they saw (``services.common.change_log.changes_since``). Kept 30 days, at most 100,000 rows.
    """

    __tablename__ = "change_log"
    seq: Optional[int] = Field(default=None, primary_key=True)
    at: dt.datetime = Field(sa_type=sa.DateTime)
    staff_id: Optional[int] = Field(default=None, foreign_key="staff.id", ondelete="SET NULL")
    tables: str
