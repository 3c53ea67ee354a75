"""The content library nurturing draws from: titles required, kinds and web addresses checked."""

from __future__ import annotations

import pytest

from relationapp.data.models import CONTENT_KINDS
from relationapp.errors import NotFound, ValidationError
from relationapp.services.leads import content


def test_add_list_and_update_content(db):
    paper = content.add_content(db, title="  Energy savings in cold stores ", kind="whitepaper",
                                url="https://example.com/paper.pdf", topics="energy, cooling", language="NL")
    content.add_content(db, title="A visit to Bakkerij Vos", kind="case_study")
    assert paper.title == "Energy savings in cold stores" and paper.language == "nl"
    assert [c.title for c in content.list_content(db)] == ["A visit to Bakkerij Vos", "Energy savings in cold stores"]
    assert [c.id for c in content.list_content(db, kind="whitepaper")] == [paper.id]
    assert [c.id for c in content.list_content(db, search="COOLING")] == [paper.id]
    assert content.list_content(db, search="100%") == []
    changed = content.update_content(db, content_id=paper.id, kind="webinar", url=None)
    assert changed.kind == "webinar" and changed.url is None and changed.title == paper.title
    assert content.get_content(db, content_id=paper.id) == changed


def test_content_without_a_title_is_refused_and_nothing_is_written(db):
    with pytest.raises(ValidationError, match="Title cannot be empty") as caught:
        content.add_content(db, title="   ", kind="article")
    assert caught.value.field == "title"
    with pytest.raises(ValidationError, match="Title cannot be empty"):
        content.add_content(db, title=None)
    assert content.list_content(db) == []
    item = content.add_content(db, title="Ten questions before you buy")
    with pytest.raises(ValidationError, match="Title cannot be empty"):
        content.update_content(db, content_id=item.id, title="")


@pytest.mark.parametrize("url", ["example.com", "javascript:alert(1)", "ftp://example.com/x", "https://", "http://a b"])
def test_a_web_address_must_be_http_or_https(db, url):
    with pytest.raises(ValidationError, match="not a web address") as caught:
        content.add_content(db, title="Video", kind="video", url=url)
    assert caught.value.field == "url" and content.list_content(db) == []


def test_kind_must_be_known_and_every_kind_has_a_label(db):
    with pytest.raises(ValidationError, match="Kind must be one of") as caught:
        content.add_content(db, title="Brochure", kind="brochure")
    assert caught.value.field == "kind"
    assert set(content.CONTENT_KIND_LABELS) == set(CONTENT_KINDS)
    with pytest.raises(ValidationError):
        content.list_content(db, kind="pitch")
    with pytest.raises(NotFound):
        content.update_content(db, content_id=999, title="x")
