"""The window words Today's reasons itself (to translate them); in English they read as the CLI's."""

import datetime as dt

from relationapp.services.today import attention
from relationapp.ui.today.today_text import attention_reason, coming_up_reason, summary


def test_english_wording_matches_the_services(demo_db, qapp):
    agenda = attention.agenda(demo_db, today=dt.date(2026, 11, 22))
    plain = [i for i in agenda.needs_attention + agenda.prospects_to_nurture if "own cadence" not in i.reason]
    assert plain
    for item in plain:
        assert attention_reason(item) == item.reason.replace(f"since {attention.previous_quarter_end(agenda.today).isoformat()}", "since the last quarter")
    for item in agenda.coming_up:
        if item.kind in ("birthday", "customer_since"):
            assert coming_up_reason(item) == item.reason
    assert summary(agenda) == attention.summary_line(agenda)
