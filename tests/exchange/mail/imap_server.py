"""A real IMAP server for the tests: a throwaway Dovecot on 127.0.0.1, with its own configuration.

No mocks: the tests talk IMAP to Dovecot (Debian's dovecot-imapd; .ci/run
installs it). Plain-text login without TLS on the loopback only, a
passwd-file user, Maildir under a temporary folder, logs to a file there.
Messages go in by IMAP APPEND, as a mail program would put them.

Without the binary the tests skip, unless RELATIONAPP_REQUIRE_SERVERS=1
(CI sets it): then they fail.
"""

from __future__ import annotations

import imaplib
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

USER = "tester@example.nl"
PASSWORD = "s3cret-pass"
REQUIRE_ENV = "RELATIONAPP_REQUIRE_SERVERS"


def dovecot_binary() -> str | None:
    found = shutil.which("dovecot")
    if found:
        return found
    return "/usr/sbin/dovecot" if os.access("/usr/sbin/dovecot", os.X_OK) else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class ImapServer:
    root: Path
    port: int
    process: subprocess.Popen | None = None
    host: str = "127.0.0.1"
    user: str = USER
    password: str = PASSWORD

    # --- what a test does with it -----------------------------------------------------
    def client(self) -> imaplib.IMAP4:
        conn = imaplib.IMAP4(self.host, self.port, timeout=10)
        conn.login(self.user, self.password)
        return conn

    def reset(self) -> None:
        """Every folder but INBOX gone, INBOX empty, the watched folder made: each test starts clean."""
        conn = self.client()
        try:
            typ, listing = conn.list()
            for line in listing or []:
                found = re.match(r'\((?P<flags>[^)]*)\) (?:"[^"]*"|NIL) (?P<name>.+)$', line.decode())
                name = found.group("name").strip('"') if found else ""
                if name and name.upper() != "INBOX":
                    assert conn.delete(f'"{name}"')[0] == "OK", name
            typ, count = conn.select("INBOX")
            if int(count[0]):
                conn.store("1:*", "+FLAGS", "\\Deleted")
                conn.expunge()
        finally:
            conn.logout()

    def make_folder(self, name: str) -> None:
        conn = self.client()
        try:
            conn.create(f'"{name}"')
        finally:
            conn.logout()

    def append(self, folder: str, raw: bytes) -> None:
        conn = self.client()
        try:
            typ, data = conn.append(f'"{folder}"', None, None, raw)
            assert typ == "OK", data
        finally:
            conn.logout()

    def move(self, source: str, target: str, *, subject: str) -> None:
        """The mail with this subject from one folder into another (copy, then expunge: what MOVE does)."""
        conn = self.client()
        try:
            conn.select(f'"{source}"')
            typ, data = conn.uid("SEARCH", None, "SUBJECT", f'"{subject}"')
            uids = data[0].split()
            assert uids, f"no mail '{subject}' in {source}"
            for uid in uids:
                assert conn.uid("COPY", uid, f'"{target}"')[0] == "OK"
                conn.uid("STORE", uid, "+FLAGS", "(\\Deleted)")
            conn.expunge()
        finally:
            conn.logout()

    def log(self) -> str:
        path = self.root / "dovecot.log"
        return path.read_text(errors="replace") if path.exists() else ""

    # --- start and stop ----------------------------------------------------------------
    def start(self, binary: str) -> None:
        """Dovecot in the foreground (-F) as our own child: nothing outlives the test session."""
        config = self._write_config()
        with open(self.root / "stderr.log", "wb") as errors:  # the child keeps its own copy
            self.process = subprocess.Popen([binary, "-F", "-c", str(config)], stdin=subprocess.DEVNULL,
                                            stdout=subprocess.DEVNULL, stderr=errors, preexec_fn=_die_with_parent)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"dovecot stopped at once (exit {self.process.returncode}): "
                                   f"{(self.root / 'stderr.log').read_text(errors='replace').strip()}\n{self.log()}")
            try:
                with socket.create_connection((self.host, self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"dovecot is not listening on {self.host}:{self.port}\n{self.log()}")

    def stop(self) -> None:
        if self.process is None:
            return
        stop_process(self.process)
        self.process = None

    def _write_config(self) -> Path:
        root = self.root
        for sub in ("run", "state", "mail"):
            (root / sub).mkdir(parents=True, exist_ok=True)
        (root / "passwd").write_text(f"{self.user}:{{PLAIN}}{self.password}::::::\n")
        if os.geteuid() == 0:
            # Dovecot never serves mail as root: its own unprivileged users, and a tree they may enter
            internal, login = "dovecot", "dovenull"
            mail_user = pwd.getpwnam("dovecot")
            root.chmod(0o755)
            for sub in ("mail",):
                shutil.chown(root / sub, mail_user.pw_uid, mail_user.pw_gid)
        else:
            internal = login = pwd.getpwuid(os.geteuid()).pw_name
            mail_user = pwd.getpwuid(os.geteuid())
        config = root / "dovecot.conf"
        config.write_text(f"""
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
instance_name = relationapp-test-{self.port}
log_path = {root}/dovecot.log
info_log_path = {root}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
auth_failure_delay = 0
first_valid_uid = 1
default_internal_user = {internal}
default_login_user = {login}
mail_location = maildir:{root}/mail/%u
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={mail_user.pw_uid} gid={mail_user.pw_gid} home={root}/mail/%u
}}
""")
        return config


def _die_with_parent() -> None:
    """In the child before Dovecot starts (Linux): a test run killed before its teardown takes Dovecot with it."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def start_server() -> ImapServer:
    binary = dovecot_binary()
    if binary is None:
        raise FileNotFoundError("dovecot is not installed (Debian: apt-get install dovecot-imapd)")
    # as root, Dovecot's own users must reach the folder: /tmp itself, not a private temporary folder
    root = Path(tempfile.mkdtemp(prefix="relationapp-imap-", dir="/tmp" if os.geteuid() == 0 else None))
    server = ImapServer(root=root, port=free_port())
    try:
        server.start(binary)
    except Exception:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
        raise
    return server


def stop_server(server: ImapServer) -> None:
    server.stop()
    shutil.rmtree(server.root, ignore_errors=True)


def stop_process(process: subprocess.Popen) -> None:
    """Ask a test server to stop; kill it when it does not within 10 s."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
