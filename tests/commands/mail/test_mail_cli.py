"""relationapp mail import|sync|setup|senders: one line and exit 2 for every fault."""

from __future__ import annotations

import io

import pytest

from tests.commands.leads.running import run_cli
from tests.mail_samples import firm, mail, mbox


@pytest.fixture
def people(db):
    return firm(db)


def test_import_a_folder_then_again(capsys, db, db_path, people, tmp_path):
    folder = tmp_path / "mail"
    folder.mkdir()
    (folder / "a.eml").write_bytes(mail())
    (folder / "all.mbox").write_bytes(mbox([mail(sender="nieuw@elders.nl", message_id="<n@x>")]))

    code, out, err = run_cli(capsys, "--db", str(db_path), "mail", "import", str(folder))
    assert code == 0, err
    assert "1 of 2 mails logged as touches (0 seen before, 1 from unknown senders, 0 left out)." in out
    assert "1 new senders to review (their mail is logged when they are added): relationapp mail senders" in out

    code, out, err = run_cli(capsys, "--db", str(db_path), "mail", "import", str(folder))
    assert "0 of 2 mails logged as touches (2 seen before" in out  # the unknown sender's mail waits: seen too


def test_a_dry_run_lists_the_touches_it_would_log(capsys, db, db_path, people, tmp_path):
    (tmp_path / "a.eml").write_bytes(mail())

    code, out, err = run_cli(capsys, "--db", str(db_path), "mail", "import", str(tmp_path / "a.eml"), "--dry-run")

    assert code == 0
    assert "2026-11-20  ← Bakker BV: Jan Bakker  Offerte" in out
    assert "nothing was written" in out
    code, out, err = run_cli(capsys, "--db", str(db_path), "mail", "import", str(tmp_path / "a.eml"), "--json")
    assert '"logged": 1' in out


def test_import_of_nothing_readable_is_one_line_and_exit_2(capsys, db, db_path, people, tmp_path):
    code, out, err = run_cli(capsys, "--db", str(db_path), "mail", "import", str(tmp_path / "missing.eml"))

    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "missing.eml: no such file or folder" in err


def test_senders_list_ignore_and_add(capsys, db, db_path, people, tmp_path):
    (tmp_path / "a.eml").write_bytes(mail(sender="Piet Nieuw <piet@nieuw-bouw.nl>", message_id="<p@x>"))
    (tmp_path / "b.eml").write_bytes(mail(sender="spam@reclame.nl", message_id="<s@x>"))
    run_cli(capsys, "--db", str(db_path), "mail", "import", str(tmp_path))

    code, out, err = run_cli(capsys, "--db", str(db_path), "mail", "senders")
    assert code == 0 and "piet@nieuw-bouw.nl" in out and "spam@reclame.nl" in out
    code, out, err = run_cli(capsys, "--db", str(db_path), "mail", "senders", "ignore", "spam@reclame.nl")
    assert code == 0 and "is ignored" in out
    code, out, err = run_cli(capsys, "--db", str(db_path), "mail", "senders", "lead", "piet@nieuw-bouw.nl")
    assert code == 0 and "registered: Nieuw Bouw; 1 waiting mails logged as touches." in out
    code, out, err = run_cli(capsys, "--db", str(db_path), "mail", "senders", "--json")
    assert out.strip() == "[]"
    code, out, err = run_cli(capsys, "--db", str(db_path), "mail", "senders", "person", "wie@nergens.nl",
                             "--account", "Bakker BV")
    assert code == 2 and err.count("\n") == 1 and "not on the list of unknown senders" in err
    code, out, err = run_cli(capsys, "--db", str(db_path), "mail", "senders", "person")
    assert code == 2 and "Name the address" in err


def test_setup_keeps_the_password_in_the_keyring_only(capsys, db, db_path, monkeypatch, memory_keyring):
    monkeypatch.setattr("sys.stdin", io.StringIO("geheim wachtwoord\n"))

    code, out, err = run_cli(capsys, "--db", str(db_path), "mail", "setup", "--host", "imap.example.nl", "--user",
                             "eva@ourfirm.nl", "--folder", "CRM", "--password-stdin")

    assert code == 0, err
    assert "imap.example.nl:993 (ssl); user: eva@ourfirm.nl; folder: CRM" in out
    assert memory_keyring.secrets == {("relationapp-imap", "eva@ourfirm.nl@imap.example.nl"): "geheim wachtwoord"}
    assert b"geheim" not in db_path.read_bytes()


def test_setup_without_a_keyring_says_so_in_one_line(capsys, db, db_path, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("pw\n"))

    code, out, err = run_cli(capsys, "--db", str(db_path), "mail", "setup", "--host", "imap.example.nl", "--user",
                             "eva", "--password-stdin")

    assert code == 2 and err.count("\n") == 1
    assert "No system keyring is usable" in err and "relationapp mail sync --password-stdin" in err


def test_no_encryption_is_refused_for_a_server_elsewhere(capsys, db, db_path):
    code, out, err = run_cli(capsys, "--db", str(db_path), "mail", "setup", "--host", "imap.example.nl", "--user",
                             "eva", "--security", "none")

    assert code == 2 and "Without SSL or STARTTLS" in err


def test_sync_without_a_server_set_up(capsys, db, db_path):
    code, out, err = run_cli(capsys, "--db", str(db_path), "mail", "sync")

    assert code == 2 and err.count("\n") == 1 and "No mail server is set up" in err
