"""Mail from .eml and .mbox files and folders: logged as touches once, bad input reported, never a crash."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from relationapp.errors import ValidationError
from relationapp.exchange.mail.files import import_mail
from relationapp.services.mail.senders import list_senders
from relationapp.services.touches.interactions import list_interactions
from tests.mail_samples import firm, mail, mbox

TODAY = dt.date(2026, 12, 1)


@pytest.fixture
def people(db):
    return firm(db)


def _emails(db, account_id):
    return [t for t in list_interactions(db, account_id=account_id) if t.kind == "email"]


def test_an_eml_file_becomes_an_incoming_touch_with_text_and_attachment_names(db, people, tmp_path):
    path = tmp_path / "offerte.eml"
    path.write_bytes(mail(attachments=(("offerte.pdf", b"%PDF" * 1250),)))

    summary = import_mail(db, paths=[path], today=TODAY)

    assert (summary.read, summary.logged, summary.touches, summary.problems) == (1, 1, 1, ())
    (touch,) = _emails(db, people["bakker"].id)
    assert (touch.occurred_on, touch.direction, touch.subject, touch.staff, touch.people) == (
        dt.date(2026, 11, 20), "in", "Offerte", "Eva de Wit", ("Jan Bakker",))
    assert touch.notes.startswith("Hallo Eva,\n\nhierbij de offerte.")
    assert "Attachments: offerte.pdf (5 kB)" in touch.notes


def test_a_mail_from_us_is_outgoing_and_counts_for_every_account_written_to(db, people, tmp_path):
    path = tmp_path / "uit.eml"
    path.write_bytes(mail(sender="Eva <EVA@ourfirm.nl>", to="Jan <j.bakker@gmail.com>, Ans <info@winkel.nl>",
                          subject="Nieuwjaarsactie", message_id="<out@ourfirm.nl>"))

    summary = import_mail(db, paths=[path], today=TODAY)

    assert (summary.logged, summary.touches) == (1, 2)
    (bakker,) = _emails(db, people["bakker"].id)
    (winkel,) = _emails(db, people["winkel"].id)
    assert (bakker.direction, bakker.people, bakker.staff) == ("out", ("Jan Bakker",), "Eva de Wit")
    assert winkel.people == ("Ans de Hoek", "Kees de Hoek")
    assert any("info@winkel.nl is the address of Ans de Hoek, Kees de Hoek at Winkel De Hoek" in r
               for r in summary.remarks)


def test_own_addresses_from_settings_make_a_mail_outgoing(db, people, tmp_path):
    from relationapp.services.common.settings import update_settings

    update_settings(db, mail_own_addresses="@ourfirm.nl, verkoop@andere-naam.nl")
    path = tmp_path / "uit.eml"
    path.write_bytes(mail(sender="verkoop@andere-naam.nl", to="jan@bakker.nl", message_id="<o2@x>"))

    import_mail(db, paths=[path], today=TODAY)

    (touch,) = _emails(db, people["bakker"].id)
    assert touch.direction == "out" and touch.staff is None


def test_importing_again_logs_nothing_twice(db, people, tmp_path):
    (tmp_path / "a.eml").write_bytes(mail())
    (tmp_path / "all.mbox").write_bytes(mbox([mail(), mail(subject="Tweede", message_id="<two@bakker.nl>")]))

    first = import_mail(db, paths=[tmp_path], today=TODAY)
    second = import_mail(db, paths=[tmp_path], today=TODAY)

    assert (first.read, first.logged, first.duplicates) == (3, 2, 1)
    assert (second.read, second.logged, second.duplicates) == (3, 0, 3)
    assert sorted(t.subject for t in _emails(db, people["bakker"].id)) == ["Offerte", "Tweede"]


def test_logging_resets_the_cadence_and_an_old_mail_closes_no_plan_made_after_it(db, people, tmp_path):
    from relationapp.services.touches.follow_ups import (
        create_follow_up,
        list_follow_ups,
    )

    def last_touch(account_id):
        with db.read() as session:
            from relationapp.data.models import Account

            return session.get(Account, account_id).last_touch_on  # kept by the triggers of revision 0006

    plan = create_follow_up(db, account_id=people["bakker"].id, title="Bellen", due_on=TODAY, origin="cadence")
    (tmp_path / "old.eml").write_bytes(mail(when=dt.datetime(2019, 5, 1, 9, 0, tzinfo=dt.timezone.utc),
                                            message_id="<old@x>"))
    import_mail(db, paths=[tmp_path / "old.eml"])
    assert last_touch(people["bakker"].id) == dt.date(2019, 5, 1)
    assert [f.id for f in list_follow_ups(db, account_id=people["bakker"].id) if f.done_on is None] == [plan.id]

    (tmp_path / "new.eml").write_bytes(mail(when=dt.datetime.now(dt.timezone.utc), message_id="<new@x>"))
    import_mail(db, paths=[tmp_path / "new.eml"])
    assert last_touch(people["bakker"].id) >= dt.date.today() - dt.timedelta(days=1)
    assert [f.id for f in list_follow_ups(db, account_id=people["bakker"].id) if f.done_on is None] == []


def test_unknown_senders_go_to_the_review_list_and_ignored_ones_never_come_back(db, people, tmp_path):
    from relationapp.services.mail.senders import ignore_sender

    (tmp_path / "a.eml").write_bytes(mail(sender="Piet Nieuw <piet@nieuw.nl>", message_id="<n1@x>"))
    (tmp_path / "b.eml").write_bytes(mail(sender="spam@reclame.nl", message_id="<n2@x>"))
    first = import_mail(db, paths=[tmp_path], today=TODAY)
    assert (first.logged, first.unknown, first.new_senders) == (0, 2, 2)
    ignore_sender(db, address="spam@reclame.nl")
    (tmp_path / "c.eml").write_bytes(mail(sender="spam@reclame.nl", message_id="<n3@x>", subject="Weer"))

    again = import_mail(db, paths=[tmp_path / "c.eml"], today=TODAY)

    assert (again.unknown, again.skipped, again.new_senders) == (0, 1, 0)
    waiting = list_senders(db)
    assert [(s.address, s.name, s.messages) for s in waiting] == [("piet@nieuw.nl", "Piet Nieuw", 1)]
    assert [s.address for s in list_senders(db, status="ignored")] == ["spam@reclame.nl"]


def test_mails_dropped_on_an_account_with_nobody_we_know_are_logged_there(db, people, tmp_path):
    (tmp_path / "a.eml").write_bytes(mail(sender="Nieuw <nieuw@bakker-bouw.nl>", message_id="<d1@x>"))

    summary = import_mail(db, paths=[tmp_path / "a.eml"], account_id=people["bakker"].id, today=TODAY)

    assert (summary.logged, summary.unknown) == (1, 1)
    (touch,) = _emails(db, people["bakker"].id)
    assert touch.people == () and touch.direction == "in"
    assert [s.address for s in list_senders(db)] == ["nieuw@bakker-bouw.nl"]


def test_an_address_of_people_at_two_accounts_is_reported_not_guessed(db, people, tmp_path):
    (tmp_path / "a.eml").write_bytes(mail(sender="info@dubbel.nl", message_id="<amb@x>"))

    summary = import_mail(db, paths=[tmp_path / "a.eml"], today=TODAY)

    assert summary.logged == 0 and summary.new_senders == 0
    (problem,) = summary.problems
    assert "info@dubbel.nl is the address of Lies Een (Dubbel Een), Lies Twee (Dubbel Twee)" in problem
    assert _emails(db, people["one"].id) == [] and _emails(db, people["two"].id) == []


def test_automatic_mail_and_mail_among_ourselves_are_left_out(db, people, tmp_path):
    (tmp_path / "ooo.eml").write_bytes(mail(subject="Afwezig", message_id="<ooo@x>",
                                            headers={"Auto-Submitted": "auto-replied"}))
    (tmp_path / "list.eml").write_bytes(mail(sender="noreply@bakker.nl", message_id="<nr@x>"))
    (tmp_path / "intern.eml").write_bytes(mail(sender="eva@ourfirm.nl", to="eva@ourfirm.nl", message_id="<in@x>"))

    summary = import_mail(db, paths=[tmp_path], today=TODAY)

    assert (summary.read, summary.logged, summary.skipped, summary.new_senders) == (3, 0, 3, 0)


def test_a_dry_run_shows_what_would_be_logged_and_writes_nothing(db, people, tmp_path):
    (tmp_path / "a.eml").write_bytes(mail())
    (tmp_path / "b.eml").write_bytes(mail(sender="nieuw@elders.nl", message_id="<b@x>"))

    summary = import_mail(db, paths=[tmp_path], dry_run=True, today=TODAY)

    assert summary.dry_run and (summary.logged, summary.unknown, summary.new_senders) == (1, 1, 1)
    (planned,) = summary.planned
    assert (planned.account, planned.people, planned.direction, planned.subject) == (
        "Bakker BV", ("Jan Bakker",), "in", "Offerte")
    assert _emails(db, people["bakker"].id) == [] and list_senders(db) == []


def test_progress_is_reported_per_batch(db, people, tmp_path, monkeypatch):
    from relationapp.exchange.mail import files

    monkeypatch.setattr(files, "BATCH", 2)
    (tmp_path / "all.mbox").write_bytes(mbox([mail(message_id=f"<p{i}@x>") for i in range(5)]))
    seen = []

    import_mail(db, paths=[tmp_path / "all.mbox"], today=TODAY, progress=lambda d, t, text: seen.append((d, t)))

    assert seen == [(0, 5), (2, 5), (4, 5), (5, 5)]


# --- bad input: logged or reported with a clear reason, never a crash -------------------------


def test_a_mail_without_a_date_takes_the_files_date_and_says_so(db, people, tmp_path):
    path = tmp_path / "nodate.eml"
    path.write_bytes(mail(when=None))
    stamp = dt.datetime(2026, 10, 5, 12, 0).timestamp()
    os.utime(path, (stamp, stamp))

    summary = import_mail(db, paths=[path], today=TODAY)

    (touch,) = _emails(db, people["bakker"].id)
    assert touch.occurred_on == dt.date(2026, 10, 5)
    assert summary.remarks == ("nodate.eml: no readable date; dated 2026-10-05 (the file's date).",)


def test_a_mail_without_a_date_in_an_mbox_takes_its_from_line(db, people, tmp_path):
    (tmp_path / "m.mbox").write_bytes(mbox([mail(when=None)]))

    import_mail(db, paths=[tmp_path / "m.mbox"], today=TODAY)

    assert _emails(db, people["bakker"].id)[0].occurred_on == dt.date(2026, 11, 20)


def test_a_mail_without_message_id_is_logged_once(db, people, tmp_path):
    raw = mail(message_id=None)
    (tmp_path / "a.eml").write_bytes(raw)
    (tmp_path / "copy.eml").write_bytes(raw)

    summary = import_mail(db, paths=[tmp_path], today=TODAY)

    assert (summary.logged, summary.duplicates) == (1, 1)


def test_an_unknown_charset_is_read_as_utf8_and_said(db, people, tmp_path):
    raw = (b"From: jan@bakker.nl\r\nTo: eva@ourfirm.nl\r\nSubject: Tekens\r\nMessage-ID: <cs@x>\r\n"
           b"Date: Fri, 20 Nov 2026 10:00:00 +0100\r\nContent-Type: text/plain; charset=x-mystery\r\n"
           b"Content-Transfer-Encoding: 8bit\r\n\r\nCaf\xc3\xa9 om tien uur\r\n")
    (tmp_path / "cs.eml").write_bytes(raw)

    summary = import_mail(db, paths=[tmp_path / "cs.eml"], today=TODAY)

    assert _emails(db, people["bakker"].id)[0].notes == "Café om tien uur"
    assert summary.remarks == ("cs.eml: unknown character set x-mystery; the text is read as UTF-8.",)


def test_a_broken_mime_part_is_logged_with_what_could_be_read(db, people, tmp_path):
    raw = (b"From: jan@bakker.nl\r\nTo: eva@ourfirm.nl\r\nSubject: Kapot\r\nMessage-ID: <br@x>\r\n"
           b"Date: Fri, 20 Nov 2026 10:00:00 +0100\r\nMIME-Version: 1.0\r\n"
           b"Content-Type: multipart/mixed; boundary=\"B\"\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nDe tekst\r\n"
           b"--B\r\nContent-Type: application/pdf; name=\"x.pdf\"\r\nContent-Transfer-Encoding: base64\r\n"
           b"Content-Disposition: attachment; filename=\"x.pdf\"\r\n\r\n!!!not base64 at all")
    (tmp_path / "broken.eml").write_bytes(raw)

    summary = import_mail(db, paths=[tmp_path / "broken.eml"], today=TODAY)

    (touch,) = _emails(db, people["bakker"].id)
    assert touch.notes.startswith("De tekst") and "x.pdf" in touch.notes
    assert summary.remarks == ("broken.eml: the mail's structure is broken; what could be read is logged.",)


def test_a_30_mb_attachment_is_named_not_stored(db, people, tmp_path):
    (tmp_path / "big.eml").write_bytes(mail(attachments=(("bouwtekening.pdf", os.urandom(30 * 1024 * 1024)),)))

    summary = import_mail(db, paths=[tmp_path / "big.eml"], today=TODAY)

    assert summary.logged == 1
    (touch,) = _emails(db, people["bakker"].id)
    assert "bouwtekening.pdf (31.5 MB)" in touch.notes and len(touch.notes) < 500


def test_an_html_only_mail_is_kept_as_text_and_a_long_one_cut(db, people, tmp_path):
    html = ("<html><head><style>p {color: red}</style></head><body><p>Beste Eva,</p><p>Prijs: &euro; 12 &amp; "
            "meer</p><ul><li>een</li><li>twee</li></ul><script>alert(1)</script>" + "<p>bla</p>" * 3000
            + "</body></html>")
    (tmp_path / "h.eml").write_bytes(mail(body=None, html=html))

    import_mail(db, paths=[tmp_path / "h.eml"], today=TODAY)

    note = _emails(db, people["bakker"].id)[0].notes
    assert note.startswith("Beste Eva,\n\nPrijs: € 12 & meer\n\n- een\n- twee")
    assert "color" not in note and "alert" not in note
    assert len(note) == 4000 and note.endswith("…")


def test_the_quoted_history_of_a_reply_is_left_out(db, people, tmp_path):
    body = "Prima, tot dinsdag.\n\nOp 19 nov. 2026 om 10:00 schreef Eva de Wit <eva@ourfirm.nl>:\n> Past dinsdag?\n"
    (tmp_path / "r.eml").write_bytes(mail(body=body))

    import_mail(db, paths=[tmp_path / "r.eml"], today=TODAY)

    assert _emails(db, people["bakker"].id)[0].notes == "Prima, tot dinsdag."


def test_files_that_are_no_mail_are_reported_and_the_rest_logged(db, people, tmp_path):
    (tmp_path / "good.eml").write_bytes(mail())
    (tmp_path / "empty.eml").write_bytes(b"")
    (tmp_path / "picture.eml").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(200))
    (tmp_path / "notes.txt").write_text("not looked at")
    (tmp_path / "outlook.msg").write_bytes(b"\xd0\xcf\x11\xe0")

    summary = import_mail(db, paths=[tmp_path, tmp_path / "outlook.msg", tmp_path / "missing.eml"], today=TODAY)

    assert summary.logged == 1
    problems = "\n".join(summary.problems)
    assert "empty.eml: not read: the file is empty" in problems
    assert "picture.eml: not read: this is not an e-mail" in problems
    assert "outlook.msg: Outlook .msg files are not read" in problems
    assert "missing.eml: no such file or folder" in problems
    assert "notes.txt" not in problems


def test_a_mail_dated_in_the_future_is_logged_today(db, people, tmp_path):
    (tmp_path / "f.eml").write_bytes(mail(when=dt.datetime(2031, 1, 1, tzinfo=dt.timezone.utc)))

    summary = import_mail(db, paths=[tmp_path / "f.eml"], today=dt.date.today())

    assert _emails(db, people["bakker"].id)[0].occurred_on == dt.date.today()
    assert "in the future" in summary.remarks[0]


def test_control_characters_and_a_huge_subject_do_not_stop_the_import(db, people, tmp_path):
    (tmp_path / "c.eml").write_bytes(mail(subject="Hallo\x07 " + "x" * 900, body="Regel\x00een\x1b\n"))

    summary = import_mail(db, paths=[tmp_path / "c.eml"], today=TODAY)

    (touch,) = _emails(db, people["bakker"].id)
    assert summary.problems == () and len(touch.subject) == 500 and touch.notes == "Regeleen"


def test_a_maildir_folder_is_read(db, people, tmp_path):
    for sub in ("cur", "new", "tmp"):
        (tmp_path / "Maildir" / sub).mkdir(parents=True)
    (tmp_path / "Maildir" / "cur" / "1700000000.M1P1.host:2,S").write_bytes(mail())

    assert import_mail(db, paths=[tmp_path / "Maildir"], today=TODAY).logged == 1


def test_no_paths_and_the_database_itself_are_refused(db, db_path):
    with pytest.raises(ValidationError):
        import_mail(db, paths=[])
    with pytest.raises(ValidationError, match="database in use"):
        import_mail(db, paths=[db_path])
