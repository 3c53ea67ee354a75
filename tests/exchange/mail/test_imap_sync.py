"""Syncing one IMAP folder against a real Dovecot on 127.0.0.1 (tests/exchange/mail/imap_server.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from relationapp.exchange.mail import imap
from relationapp.exchange.mail.imap import MailServer, MailServerError, sync_mail
from relationapp.services.common.settings import update_settings
from relationapp.services.mail.folders import folder_state
from relationapp.services.mail.senders import list_senders
from relationapp.services.touches.interactions import list_interactions
from tests.exchange.mail.imap_server import free_port
from tests.mail_samples import firm, mail

TODAY = dt.date(2026, 12, 1)


@pytest.fixture
def setup(db, imap, memory_keyring):
    people = firm(db)
    imap.make_folder("relationapp")
    update_settings(db, mail_host=imap.host, mail_port=imap.port, mail_security="none", mail_user=imap.user,
                    mail_folder="relationapp")
    from relationapp.exchange.mail.password import store_password

    store_password(host=imap.host, user=imap.user, password=imap.password)
    return people


def _touches(db, account_id):
    return [t for t in list_interactions(db, account_id=account_id) if t.kind == "email"]


def test_first_sync_logs_every_mail_and_remembers_where_it_stopped(db, imap, setup):
    imap.append("relationapp", mail(subject="Offerte", message_id="<m1@bakker.nl>"))
    imap.append("relationapp", mail(sender="Eva de Wit <eva@ourfirm.nl>", to="Jan <jan@bakker.nl>",
                                    subject="Re: Offerte", message_id="<m2@ourfirm.nl>"))
    imap.append("relationapp", mail(sender="Nieuw Iemand <nieuw@elders.nl>", subject="Kennismaking",
                                    message_id="<m3@elders.nl>"))
    seen = []

    summary = sync_mail(db, today=TODAY, progress=lambda done, total, text: seen.append((done, total)))

    assert (summary.read, summary.logged, summary.unknown, summary.new_senders) == (3, 2, 1, 1)
    touches = _touches(db, setup["bakker"].id)
    assert sorted((t.subject, t.direction, t.staff) for t in touches) == [
        ("Offerte", "in", "Eva de Wit"), ("Re: Offerte", "out", "Eva de Wit")]
    assert [s.address for s in list_senders(db)] == ["nieuw@elders.nl"]
    state = folder_state(db, folder=MailServer.from_settings(_settings(db)).key)
    assert state.last_uid == 3
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)


def _settings(db):
    from relationapp.services.common.settings import get_settings

    return get_settings(db)


def test_incremental_sync_fetches_only_the_new_mail(db, imap, setup):
    imap.append("relationapp", mail(subject="Eerste", message_id="<a1@bakker.nl>"))
    assert sync_mail(db, today=TODAY).logged == 1
    imap.append("relationapp", mail(subject="Tweede", message_id="<a2@bakker.nl>"))

    second = sync_mail(db, today=TODAY)
    third = sync_mail(db, today=TODAY)

    assert (second.read, second.logged) == (1, 1)  # only the new UID was fetched
    assert (third.read, third.logged) == (0, 0)
    assert sorted(t.subject for t in _touches(db, setup["bakker"].id)) == ["Eerste", "Tweede"]


def test_a_mail_moved_out_and_back_or_into_the_watched_folder_is_not_logged_twice(db, imap, setup):
    imap.make_folder("Archief")
    imap.append("relationapp", mail(subject="Verplaatst", message_id="<moved@bakker.nl>"))
    assert sync_mail(db, today=TODAY).logged == 1

    imap.move("relationapp", "Archief", subject="Verplaatst")
    imap.move("Archief", "relationapp", subject="Verplaatst")  # back, with a new UID
    again = sync_mail(db, today=TODAY)
    update_settings(db, mail_folder="Archief")
    imap.append("Archief", mail(subject="Verplaatst", message_id="<moved@bakker.nl>"))  # a copy elsewhere
    other_folder = sync_mail(db, today=TODAY)

    assert (again.read, again.duplicates, again.logged) == (1, 1, 0)
    assert (other_folder.read, other_folder.duplicates, other_folder.logged) == (1, 1, 0)
    assert [t.subject for t in _touches(db, setup["bakker"].id)] == ["Verplaatst"]


def test_the_same_mail_twice_in_the_folder_is_logged_once(db, imap, setup):
    raw = mail(subject="Dubbel", message_id="<twice@bakker.nl>")
    imap.append("relationapp", raw)
    imap.append("relationapp", raw)

    summary = sync_mail(db, today=TODAY)

    assert (summary.read, summary.logged, summary.duplicates) == (2, 1, 1)
    assert [t.subject for t in _touches(db, setup["bakker"].id)] == ["Dubbel"]


def test_a_mail_without_message_id_or_date_is_logged_once_on_its_arrival_day(db, imap, setup):
    raw = mail(subject="Kaal", message_id=None, when=None)
    imap.append("relationapp", raw)
    imap.append("relationapp", raw)

    summary = sync_mail(db, today=TODAY)

    assert (summary.logged, summary.duplicates) == (1, 1)
    assert any("no readable date" in r and "reached the server" in r for r in summary.remarks)


def test_a_big_mail_is_read_without_fetching_its_attachment(db, imap, setup, monkeypatch):
    monkeypatch.setattr(imap_module(), "FETCH_LIMIT", 20_000)
    imap.append("relationapp", mail(subject="Groot", message_id="<big@bakker.nl>",
                                    attachments=(("tekening.dwg", b"x" * 300_000),)))

    summary = sync_mail(db, today=TODAY)

    assert summary.logged == 1
    note = _touches(db, setup["bakker"].id)[0].notes
    assert "hierbij de offerte" in note and "tekening.dwg" in note and "only its text was read" in note


def imap_module():
    return imap


def test_a_wrong_password_is_one_clear_line(db, imap, setup, memory_keyring):
    from relationapp.exchange.mail.password import store_password

    store_password(host=imap.host, user=imap.user, password="wrong")

    with pytest.raises(MailServerError) as refused:
        sync_mail(db, today=TODAY)

    text = str(refused.value)
    assert "refused the login of tester@example.nl" in text and "check the user name and the password" in text
    assert "\n" not in text


def test_an_unreachable_port_is_one_clear_line(db, imap, setup):
    update_settings(db, mail_port=free_port())

    with pytest.raises(MailServerError) as refused:
        sync_mail(db, today=TODAY)

    assert "refused the connection" in str(refused.value) and "\n" not in str(refused.value)


def test_a_missing_folder_is_one_clear_line(db, imap, setup):
    update_settings(db, mail_folder="Bestaat Niet")

    with pytest.raises(MailServerError) as refused:
        sync_mail(db, today=TODAY)

    assert "The folder 'Bestaat Niet' does not exist" in str(refused.value)


def test_a_folder_with_letters_beyond_ascii(db, imap, setup):
    imap.make_folder(imap_module().imap_utf7("Klanten é"))
    imap.append(imap_module().imap_utf7("Klanten é"), mail(subject="Accent", message_id="<e@bakker.nl>"))
    update_settings(db, mail_folder="Klanten é")

    assert sync_mail(db, today=TODAY).logged == 1


def test_check_connection_counts_the_folder(db, imap, setup):
    imap.append("relationapp", mail())

    assert imap_module().check_connection(MailServer.from_settings(_settings(db))) == 1


def test_a_dry_run_writes_nothing_and_remembers_nothing(db, imap, setup):
    imap.append("relationapp", mail())

    summary = sync_mail(db, today=TODAY, dry_run=True)

    assert summary.dry_run and summary.logged == 1 and len(summary.planned) == 1
    assert _touches(db, setup["bakker"].id) == []
    assert folder_state(db, folder=MailServer.from_settings(_settings(db)).key) is None
    assert sync_mail(db, today=TODAY).logged == 1


def test_the_command_line_sync_and_a_refused_login_in_one_line(capsys, db, db_path, imap, setup, monkeypatch):
    import io

    from tests.commands.leads.running import run_cli

    imap.append("relationapp", mail())
    code, out, err = run_cli(capsys, "--db", str(db_path), "mail", "sync")
    assert code == 0, err
    assert "1 of 1 mails logged as touches" in out

    monkeypatch.setattr("sys.stdin", io.StringIO("wrong\n"))
    code, out, err = run_cli(capsys, "--db", str(db_path), "mail", "sync", "--password-stdin")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith("relationapp: The mail server 127.0.0.1 refused the login of tester@example.nl")


def test_a_sync_asked_to_stop_leaves_the_rest_for_the_next(db, imap, setup):
    import threading

    for i in range(3):
        imap.append("relationapp", mail(subject=f"Mail {i}", message_id=f"<s{i}@bakker.nl>"))
    stop = threading.Event()
    stop.set()

    stopped = sync_mail(db, today=TODAY, stop=stop)
    later = sync_mail(db, today=TODAY)

    assert (stopped.read, stopped.logged) == (0, 0)
    assert (later.read, later.logged) == (3, 3)
