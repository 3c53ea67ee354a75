"""Content for nurturing: articles, videos, whitepapers, webinar recordings, case studies.

Nurturing is a steady conversation with useful content that helps a prospect
decide, never a product pitch; this is the library it draws from
(``services.leads.nurture`` sends it, never the same item twice to a person).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlalchemy as sa

from relationapp.data.db import Database
from relationapp.data.models import CONTENT_KINDS, ContentItem
from relationapp.errors import NotFound, ValidationError
from relationapp.services.common import validation
from relationapp.text.catalogue import N_, _

CONTENT_KIND_LABELS = {
    "article": N_("Article"),
    "video": N_("Video"),
    "whitepaper": N_("Whitepaper"),
    "webinar": N_("Webinar recording"),
    "case_study": N_("Case study"),
    "other": N_("Other content"),
}

# a web address a person can open: http(s)://host[...], nothing else (no javascript:, no file:)
_URL = re.compile(r"^https?://[^\s/?#@]+(\.[^\s/?#@]+)*(:[0-9]{1,5})?([/?#]\S*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class ContentRow:
    id: int
    title: str
    kind: str
    url: str | None
    file_path: str | None
    topics: str | None
    language: str | None
    notes: str | None


def _clean(fields: dict) -> dict:
    out: dict = {}
    for key, value in fields.items():
        if key == "title":
            out[key] = validation.text(value, field=key, label=_("Title"), required=True, max_length=300)
        elif key == "kind":
            out[key] = validation.choice(value or "article", CONTENT_KINDS, field=key, label=_("Kind"), required=True)
        elif key == "url":
            url = validation.text(value, field=key, label=_("Web address"), max_length=1000)
            if url is not None and not _URL.match(url):
                raise ValidationError(
                    _("'{value}' is not a web address; write it as https://... or http://...").format(
                        value=validation.shown(url)), field=key)
            out[key] = url
        elif key == "file_path":
            out[key] = validation.text(value, field=key, label=_("File"), max_length=1000)
        elif key == "topics":
            out[key] = validation.text(value, field=key, label=_("Topics"), max_length=500)
        elif key == "language":
            language = validation.text(value, field=key, label=_("Language"), max_length=10)
            out[key] = language.lower() if language else None
        elif key == "notes":
            out[key] = validation.long_text(value)
        else:
            raise ValidationError(_("Content has no field '{key}'.").format(key=key))
    return out


def _row(item: ContentItem) -> ContentRow:
    return ContentRow(id=item.id, title=item.title, kind=item.kind, url=item.url, file_path=item.file_path,
                      topics=item.topics, language=item.language, notes=item.notes)


def add_content(
    db: Database,
    *,
    title: str,
    kind: str = "article",
    url: str | None = None,
    file_path: str | None = None,
    topics: str | None = None,
    language: str | None = None,
    notes: str | None = None,
) -> ContentRow:
    """One item of the library; a title is required, the kind is one of ``CONTENT_KINDS``, a web
    address must start with http:// or https://."""
    cleaned = _clean({"title": title, "kind": kind, "url": url, "file_path": file_path, "topics": topics,
                      "language": language, "notes": notes})
    with db.write() as session:
        item = ContentItem(**cleaned)
        session.add(item)
        session.flush()
        return _row(item)


def update_content(db: Database, *, content_id: int, **changes) -> ContentRow:
    """Correct an item; only the given fields change (a title cannot be emptied)."""
    cleaned = _clean(changes)
    with db.write() as session:
        item = session.get(ContentItem, content_id)
        if item is None:
            raise NotFound(_("Content #{id} does not exist.").format(id=content_id))
        for key, value in cleaned.items():
            setattr(item, key, value)
        session.add(item)
        session.flush()
        return _row(item)


def get_content(db: Database, *, content_id: int) -> ContentRow:
    with db.read() as session:
        item = session.get(ContentItem, content_id)
        if item is None:
            raise NotFound(_("Content #{id} does not exist.").format(id=content_id))
        return _row(item)


def list_content(db: Database, *, search: str | None = None, kind: str | None = None) -> list[ContentRow]:
    """The library by title; ``search`` matches title or topics (any case), ``kind`` one kind."""
    kind = validation.choice(kind, CONTENT_KINDS, field="kind", label=_("Kind"))
    words = validation.text(search, field="search", label=_("Search"), max_length=300)
    query = sa.select(ContentItem)
    if kind:
        query = query.where(ContentItem.kind == kind)
    if words:
        pattern = "%" + words.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        query = query.where(sa.or_(sa.func.lower(ContentItem.title).like(pattern, escape="\\"),
                                   sa.func.lower(sa.func.coalesce(ContentItem.topics, "")).like(pattern, escape="\\")))
    query = query.order_by(sa.func.lower(ContentItem.title), ContentItem.id)
    with db.read() as session:
        return [_row(item) for item in session.execute(query).scalars()]
