"""relationapp sync [setup|status|resolve|delete|keep] against a real server (Radicale)."""

from __future__ import annotations

import io
import json

from relationapp.services.customers.people import create_person, update_person
from tests.commands.leads.running import run_cli


def test_setup_sync_status_and_a_conflict_resolved(capsys, monkeypatch, db, db_path, dav, memory_keyring):
    monkeypatch.setattr("sys.stdin", io.StringIO(dav.password + "\n"))
    code, out, err = run_cli(capsys, "--db", str(db_path), "sync", "setup", "--url", dav.url, "--user", dav.user,
                             "--address-book", f"{dav.user}/contacts/", "--password-stdin")
    assert code == 0, err
    assert f"Sync account 'default' set up with {dav.url} as {dav.user}: contacts." in out
    person = create_person(db, name="Anna de Boer", email="anna@example.nl")

    code, out, err = run_cli(capsys, "--db", str(db_path), "sync", "--contacts", "--json")  # the keyring's password
    assert code == 0, err
    result = json.loads(out)
    assert result["ok"] is True and result["kinds"][0]["added_there"] == 1

    (name, text), = dav.items("contacts").items()
    dav.put("contacts", name, text.replace("anna@example.nl", "anna@phone.nl"))
    update_person(db, person_id=person.id, email="anna@app.nl")
    code, out, err = run_cli(capsys, "--db", str(db_path), "sync")
    assert code == 0 and "Contacts: 1 conflicts to review" in out

    code, out, err = run_cli(capsys, "--db", str(db_path), "sync", "status", "--json")
    conflict, = json.loads(out)["conflicts"]
    assert conflict["server_value"] == "anna@phone.nl"
    code, out, err = run_cli(capsys, "--db", str(db_path), "sync", "resolve", str(conflict["id"]), "--keep", "server")
    assert code == 0, err
    run_cli(capsys, "--db", str(db_path), "sync")
    code, out, err = run_cli(capsys, "--db", str(db_path), "sync", "status")
    assert "Contacts: nothing changed" in out and "Conflict" not in out


def test_a_wrong_password_at_setup_is_one_line(capsys, monkeypatch, db_path, dav, memory_keyring):
    monkeypatch.setattr("sys.stdin", io.StringIO("wrong\n"))
    code, out, err = run_cli(capsys, "--db", str(db_path), "sync", "setup", "--url", dav.url, "--user", dav.user,
                             "--address-book", f"{dav.user}/contacts/", "--password-stdin")
    assert code == 2
    assert err.strip().count("\n") == 0 and "refused the user name or password" in err


def test_sync_before_setup_says_how(capsys, db_path):
    code, out, err = run_cli(capsys, "--db", str(db_path), "sync")
    assert code == 2 and "relationapp sync setup" in err


def test_two_accounts_set_up_listed_synced_one_by_name_and_removed(capsys, monkeypatch, db, db_path, dav,
                                                                    memory_keyring):
    office = dav.other()
    for name, server in (("phone", dav), ("office", office)):
        monkeypatch.setattr("sys.stdin", io.StringIO(server.password + "\n"))
        code, out, err = run_cli(capsys, "--db", str(db_path), "sync", "setup", "--account", name, "--url", dav.url,
                                 "--user", server.user, "--address-book", f"{server.user}/contacts/",
                                 "--password-stdin")
        assert code == 0, err
    create_person(db, name="Anna de Boer", email="anna@example.nl")

    code, out, err = run_cli(capsys, "--db", str(db_path), "sync", "--account", "office", "--json")
    assert code == 0, err
    assert [a["account"] for a in json.loads(out)["accounts"]] == ["office"]
    assert len(office.names("contacts")) == 1 and dav.names("contacts") == []

    code, out, err = run_cli(capsys, "--db", str(db_path), "sync", "accounts", "--json")
    listed = json.loads(out)
    assert [(a["name"], a["user"], a["last_ok"]) for a in listed] == [("phone", dav.user, True),
                                                                       ("office", office.user, True)]
    assert listed[0]["last_sync_at"] is None and "1 out to the server" in listed[1]["last_result"]
    assert listed[1]["collections"] == {"contacts": f"{dav.url}{office.user}/contacts/"}

    code, out, err = run_cli(capsys, "--db", str(db_path), "sync")  # all of them
    assert code == 0, err
    assert out.splitlines() == ["phone: Contacts: 1 out to the server", "office: Contacts: nothing changed"]

    code, out, err = run_cli(capsys, "--db", str(db_path), "sync", "remove")
    assert code == 2 and "--account" in err
    code, out, err = run_cli(capsys, "--db", str(db_path), "sync", "remove", "--account", "office")
    assert code == 0, err
    assert "stay on the server" in out and len(office.names("contacts")) == 1
    code, out, err = run_cli(capsys, "--db", str(db_path), "sync", "accounts")
    assert "phone" in out and "office" not in out
