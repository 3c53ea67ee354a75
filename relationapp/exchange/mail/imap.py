"""Watching one IMAP folder (Settings > Mail): its new mail logged as touches, with imaplib.

    sync_mail(db, progress=..., stop=...) -> MailSummary

The folder is opened read-only (nothing on the server changes, not even the
seen flag). Its UIDVALIDITY and the last UID looked at are kept
(``services.mail.folders``), in the same transaction as the touches of each
batch: the next sync asks only for the UIDs above, and a sync cut off goes
on where it stopped. A mail moved out and back, or a copy in another folder,
has a new UID but the same Message-ID: never logged twice.

A big mail is not downloaded whole: its first ``FETCH_LIMIT`` bytes hold the
text and the attachments' names. Every fault (an unknown server, a refused
login, a missing folder, a broken connection) is one ``MailServerError``
line; the batches logged before it stay.
"""

from __future__ import annotations

import base64
import datetime as dt
import imaplib
import ipaddress
import re
import socket
import ssl
import threading
from dataclasses import dataclass
from typing import Callable

from relationapp.config import Settings
from relationapp.data.db import Database
from relationapp.errors import ServiceError, ValidationError
from relationapp.exchange.mail import password as passwords
from relationapp.exchange.mail.read import parse_mail
from relationapp.services.common.settings import get_settings
from relationapp.services.common.validation import one_line
from relationapp.services.mail import folders
from relationapp.services.mail.record import MailRun, MailSummary, ReadMail
from relationapp.text.catalogue import _

SECURITIES = ("ssl", "starttls", "none")
TIMEOUT_S = 30
FETCH_CHUNK = 50  # messages per FETCH command
BATCH = 200  # messages per transaction
FETCH_LIMIT = 2_000_000  # bytes of one message fetched at most
Progress = Callable[[int, int, str], None]


class MailServerError(ServiceError):
    """The mail server could not be used; the message says why in one line."""


@dataclass(frozen=True)
class MailServer:
    host: str
    port: int
    security: str  # SECURITIES
    user: str
    folder: str

    @classmethod
    def from_settings(cls, settings: Settings) -> "MailServer":
        return cls(settings.mail_host.strip(), int(settings.mail_port), settings.mail_security,
                   settings.mail_user.strip(), settings.mail_folder.strip() or "INBOX")

    @property
    def configured(self) -> bool:
        return bool(self.host and self.user)

    @property
    def key(self) -> str:
        """The folder's name in ``mail_folder``: another server, user or folder starts afresh."""
        return f"{self.user}@{self.host}:{self.port}/{self.folder}"

    def check(self) -> None:
        if not self.configured:
            raise ValidationError(_("No mail server is set up: give it in Settings > Mail, or with relationapp mail "
                                    "setup --host HOST --user USER --password-stdin."), field="mail_host")
        if self.security not in SECURITIES:
            raise ValidationError(_("Connection security must be ssl, starttls or none."), field="mail_security")
        if self.security == "none" and not _loopback(self.host):
            raise ValidationError(_("Without SSL or STARTTLS the password would cross the network readable; choose "
                                    "ssl or starttls (no encryption is only for a server on this computer)."),
                                  field="mail_security")


def _loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def imap_utf7(name: str) -> str:
    """A folder name in IMAP's modified UTF-7 (RFC 3501 5.1.3): "Offertes é" -> "Offertes &AOk-"."""
    out: list[str] = []
    pending: list[str] = []

    def flush() -> None:
        if pending:
            packed = base64.b64encode("".join(pending).encode("utf-16-be")).decode("ascii").rstrip("=")
            out.append("&" + packed.replace("/", ",") + "-")
            pending.clear()

    for char in name:
        if 0x20 <= ord(char) <= 0x7E:
            flush()
            out.append("&-" if char == "&" else char)
        else:
            pending.append(char)
    flush()
    return "".join(out)


def _quoted(name: str) -> str:
    return '"' + imap_utf7(name).replace("\\", "\\\\").replace('"', '\\"') + '"'


def _reason(exc: BaseException) -> str:
    text = exc.args[0] if exc.args else str(exc)
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return one_line(str(text) or type(exc).__name__).strip()[:200]


def _unreachable(server: MailServer, exc: BaseException) -> MailServerError:
    where = f"{server.host}:{server.port}"
    if isinstance(exc, socket.gaierror):
        return MailServerError(_("The mail server {host} was not found; check its name (Settings > Mail).").format(
            host=server.host))
    if isinstance(exc, ConnectionRefusedError):
        return MailServerError(_("The mail server {where} refused the connection; check the server and the port "
                                 "(Settings > Mail).").format(where=where))
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return MailServerError(_("The mail server {where} did not answer within {seconds} seconds; check the server, "
                                 "the port and the network.").format(where=where, seconds=TIMEOUT_S))
    if isinstance(exc, ssl.SSLCertVerificationError):
        return MailServerError(_("The certificate of {host} could not be trusted ({reason}); check the server's "
                                 "name.").format(host=server.host, reason=one_line(exc.verify_message or _reason(exc))))
    if isinstance(exc, ssl.SSLError):
        return MailServerError(_("No secure connection to {where} ({reason}); check the port and the connection "
                                 "security (SSL usually on port 993, STARTTLS on 143).").format(
            where=where, reason=_reason(exc)))
    return MailServerError(_("The mail server {where} cannot be reached: {reason}.").format(
        where=where, reason=_reason(exc)))


def connect(server: MailServer, password: str, *, timeout: float = TIMEOUT_S) -> imaplib.IMAP4:
    """A logged-in connection, or one MailServerError line."""
    server.check()
    context = ssl.create_default_context()
    try:
        if server.security == "ssl":
            conn = imaplib.IMAP4_SSL(server.host, server.port, ssl_context=context, timeout=timeout)
        else:
            conn = imaplib.IMAP4(server.host, server.port, timeout=timeout)
            if server.security == "starttls":
                try:
                    conn.starttls(ssl_context=context)
                except imaplib.IMAP4.error as exc:
                    conn.shutdown()
                    raise MailServerError(_("{host} offers no STARTTLS on port {port}: {reason}; choose ssl (port 993) "
                                            "in Settings > Mail.").format(host=server.host, port=server.port,
                                                                          reason=_reason(exc))) from exc
    except MailServerError:
        raise
    except (OSError, imaplib.IMAP4.error) as exc:
        raise _unreachable(server, exc) from exc
    try:
        conn.login(server.user, password)
    except imaplib.IMAP4.error as exc:
        _close(conn)
        raise MailServerError(_("The mail server {host} refused the login of {user} ({reason}); check the user name "
                                "and the password.").format(host=server.host, user=server.user,
                                                            reason=_reason(exc))) from exc
    except OSError as exc:
        _close(conn)
        raise _unreachable(server, exc) from exc
    return conn


def _close(conn: imaplib.IMAP4) -> None:
    try:
        conn.logout()
    except Exception:  # noqa: BLE001 - the connection is going anyway
        pass


def _open_folder(conn: imaplib.IMAP4, server: MailServer) -> tuple[int, int]:
    """(UIDVALIDITY, number of messages) of the watched folder, opened read-only."""
    typ, data = conn.select(_quoted(server.folder), readonly=True)
    if typ != "OK":
        raise MailServerError(_("The folder '{folder}' does not exist on {host}; make it in your mail program "
                                "(or name another folder in Settings > Mail).").format(
            folder=one_line(server.folder), host=server.host))
    validity = conn.response("UIDVALIDITY")[1]
    try:
        return int(validity[0]), int(data[0])
    except (TypeError, ValueError, IndexError) as exc:
        raise MailServerError(_("The mail server {host} gave no UIDVALIDITY for '{folder}'.").format(
            host=server.host, folder=one_line(server.folder))) from exc


def server_password(server: MailServer, given: str | None) -> str:
    if given:
        return given
    stored = passwords.load_password(host=server.host, user=server.user)
    if not stored:
        raise MailServerError(_("No password for {user} on {host} in the system keyring; give it in Settings > Mail, "
                                "or with relationapp mail setup --password-stdin.").format(user=server.user,
                                                                                          host=server.host))
    return stored


def check_connection(server: MailServer, password: str | None = None) -> int:
    """Log in and open the folder; the number of mails in it (or one MailServerError line)."""
    conn = connect(server, server_password(server, password))
    try:
        return _open_folder(conn, server)[1]
    except (OSError, imaplib.IMAP4.abort) as exc:
        raise _unreachable(server, exc) from exc
    finally:
        _close(conn)


_META = {
    "uid": re.compile(rb"\bUID (\d+)"),
    "size": re.compile(rb"\bRFC822\.SIZE (\d+)"),
    "date": re.compile(rb'\bINTERNALDATE "([^"]+)"'),
}


def _fetched(data) -> list[tuple[int, bytes, int | None, dt.date | None]]:
    """imaplib's FETCH answer -> (uid, bytes, size, arrival day) for each message."""
    out = []
    items = list(data or [])
    for index, item in enumerate(items):
        if not isinstance(item, tuple):
            continue
        meta = item[0]
        after = items[index + 1] if index + 1 < len(items) and isinstance(items[index + 1], bytes) else b""
        meta += b" " + after  # some servers name the UID after the message's bytes
        found = {k: p.search(meta) for k, p in _META.items()}
        if not found["uid"]:
            continue
        day = None
        if found["date"]:
            try:
                day = dt.datetime.strptime(found["date"].group(1).decode("ascii").strip(), "%d-%b-%Y %H:%M:%S %z").date()
            except ValueError:
                day = None
        size = int(found["size"].group(1)) if found["size"] else None
        out.append((int(found["uid"].group(1)), item[1] or b"", size, day))
    return out


def sync_mail(db: Database, *, password: str | None = None, dry_run: bool = False, progress: Progress | None = None,
              stop: threading.Event | None = None, today: dt.date | None = None,
              server: MailServer | None = None) -> MailSummary:
    """Log the new mail of the watched folder (see the module's text); a dry run writes nothing."""
    server = server or MailServer.from_settings(get_settings(db))
    server.check()
    conn = connect(server, server_password(server, password))
    try:
        return _sync(db, conn, server, dry_run=dry_run, progress=progress, stop=stop, today=today)
    except imaplib.IMAP4.abort as exc:
        raise MailServerError(_("The connection to {host} broke off ({reason}); what was logged stays, the next sync "
                                "goes on from there.").format(host=server.host, reason=_reason(exc))) from exc
    except (OSError, imaplib.IMAP4.error) as exc:
        raise _unreachable(server, exc) from exc
    finally:
        _close(conn)


def _sync(db: Database, conn: imaplib.IMAP4, server: MailServer, *, dry_run, progress, stop, today) -> MailSummary:
    validity, _count = _open_folder(conn, server)
    state = folders.folder_state(db, folder=server.key)
    after = state.last_uid if state is not None and state.uidvalidity == validity else 0
    typ, data = conn.uid("SEARCH", None, f"UID {after + 1}:*")
    if typ != "OK":
        raise MailServerError(_("The mail server {host} refused to list the folder '{folder}'.").format(
            host=server.host, folder=one_line(server.folder)))
    uids = sorted(u for u in (int(x) for x in b" ".join(data or []).split()) if u > after)  # "n:*" names the last too
    run = MailRun(db, dry_run=dry_run, today=today, extra_own=(server.user,))
    total = len(uids)
    folder_name = one_line(server.folder)
    if progress:
        progress(0, total, _("Checking {folder} on {host}…").format(folder=folder_name, host=server.host))
    batch: list[ReadMail] = []
    last = after

    def save(upto: int):
        return lambda session: folders.save_in_session(session, folder=server.key, uidvalidity=validity, last_uid=upto)

    done = 0
    for start in range(0, total, FETCH_CHUNK):
        if stop is not None and stop.is_set():
            break
        chunk = uids[start:start + FETCH_CHUNK]
        typ, data = conn.uid("FETCH", ",".join(str(u) for u in chunk),
                             f"(UID RFC822.SIZE INTERNALDATE BODY.PEEK[]<0.{FETCH_LIMIT}>)")
        if typ != "OK":
            raise MailServerError(_("The mail server {host} refused to send the mail of '{folder}'.").format(
                host=server.host, folder=folder_name))
        for uid, raw, size, day in _fetched(data):
            where = _("{folder}, mail {uid}").format(folder=folder_name, uid=uid)
            truncated = size is not None and size > len(raw)
            try:
                batch.append(parse_mail(raw, where=where, source=server.key, fallback_on=day,
                                        fallback_text=_("the day it reached the server"), today=today,
                                        truncated=truncated, size=size))
            except Exception as exc:  # noqa: BLE001 - one unreadable mail never stops the others
                run.problem(_("{where}: not read: {reason}").format(where=where, reason=one_line(str(exc))))
        done += len(chunk)
        last = chunk[-1]
        if len(batch) >= BATCH or start + FETCH_CHUNK >= total:
            run.add(batch, then=None if dry_run else save(last))
            batch = []
        if progress:
            progress(done, total, _("{count} of {total} mails read").format(count=done, total=total))
    if batch:
        run.add(batch, then=None if dry_run else save(last))
    elif not dry_run and (state is None or state.uidvalidity != validity or state.last_uid != last) and not uids:
        run.add([], then=save(last))  # a first look at an empty folder, or a renumbered one: remember it
    return run.summary()
