"""A real CardDAV/CalDAV server for the tests: a throwaway Radicale on 127.0.0.1, with its own configuration.

No mocks: the tests talk WebDAV to Radicale (``radicale`` in the test extra),
run as a separate process (``run_radicale.py``, which is ``python -m radicale`` plus one internal switch) with plain htpasswd users
and its storage in a temporary folder. The process dies with its parent
(PR_SET_PDEATHSIG), so a test run killed before its teardown leaves nothing.

Speed settings (measured for the 5,000-card first sync, benchmarks/sync_dav.py):
no fsync per item (``_filesystem_fsync = False``), the item cache checked by
mtime and size instead of a hash of each file, no hooks, logging at warning.
"""

from __future__ import annotations

import http.client
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from base64 import b64encode
from dataclasses import dataclass, field, replace
from pathlib import Path

from tests.exchange.mail.imap_server import _die_with_parent, free_port, stop_process

USER = "tester"
PASSWORD = "s3cret-pass"
OTHER_USER = "colleague"  # a second login on the same server: a second sync account
OTHER_PASSWORD = "other-pass"
ADDRESS_BOOK = "contacts"
RUNNER = Path(__file__).with_name("run_radicale.py")
CALENDARS = {"tasks": "VTODO", "visits": "VEVENT", "dates": "VEVENT"}


@dataclass
class DavServer:
    root: Path
    port: int
    process: subprocess.Popen | None = None
    host: str = "127.0.0.1"
    user: str = USER
    password: str = PASSWORD
    storage: str = "radicale_storage"  # beside run_radicale.py; "multifilesystem": stock Radicale
    _conn: http.client.HTTPConnection | None = field(default=None, repr=False)
    _other: DavServer | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}/"

    def collection_url(self, name: str) -> str:
        return f"{self.url}{self.user}/{name}/"

    def other(self) -> DavServer:
        """The same server as its second user, with collections of its own (the firm's Nextcloud beside the
        owner's phone, in the tests: two accounts)."""
        if self._other is None:
            self._other = replace(self, user=OTHER_USER, password=OTHER_PASSWORD, _conn=None, _other=None)
        self._other.process = self.process
        return self._other

    # --- what a test does with it: plain HTTP, as a phone would -----------------------
    def request(self, method: str, path: str, body: str | bytes = b"", headers: dict | None = None
                ) -> tuple[int, dict, bytes]:
        if self._conn is None:
            self._conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        auth = b64encode(f"{self.user}:{self.password}".encode()).decode()
        all_headers = {"Authorization": f"Basic {auth}", **(headers or {})}
        data = body.encode() if isinstance(body, str) else body
        for attempt in (1, 2):
            try:
                self._conn.request(method, path, body=data, headers=all_headers)
                response = self._conn.getresponse()
                return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
            except (http.client.HTTPException, OSError):
                self._conn.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def put(self, collection: str, name: str, text: str, *, content_type: str | None = None) -> str:
        kind = content_type or ("text/vcard" if collection == ADDRESS_BOOK else "text/calendar")
        status, headers, body = self.request("PUT", f"/{self.user}/{collection}/{name}", text,
                                             {"Content-Type": f"{kind}; charset=utf-8"})
        assert status in (201, 204), (status, body)
        return headers.get("etag", "")

    def get(self, collection: str, name: str) -> str | None:
        status, _headers, body = self.request("GET", f"/{self.user}/{collection}/{name}")
        return body.decode() if status == 200 else None

    def delete(self, collection: str, name: str) -> None:
        status, _h, body = self.request("DELETE", f"/{self.user}/{collection}/{name}")
        assert status in (200, 204), (status, body)

    def names(self, collection: str) -> list[str]:
        """The item file names in a collection, read from the storage folder (what the server holds)."""
        folder = self.root / "storage" / "collection-root" / self.user / collection
        return sorted(p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))

    def items(self, collection: str) -> dict[str, str]:
        return {name: self.get(collection, name) or "" for name in self.names(collection)}

    def reset(self) -> None:
        """Every collection (the second user's too) emptied and made anew: each test starts clean."""
        for server in (self, self.other()) if self.user == USER else (self,):
            for name in [ADDRESS_BOOK, *CALENDARS]:
                server.request("DELETE", f"/{server.user}/{name}/")
            server.make_collections()

    def make_collections(self) -> None:
        status, _h, body = self.request("MKCOL", f"/{self.user}/{ADDRESS_BOOK}/", _mkcol_body(
            "<CR:addressbook/>", "Contacts", "xmlns:CR=\"urn:ietf:params:xml:ns:carddav\""))
        assert status == 201, (status, body)
        for name, component in CALENDARS.items():
            status, _h, body = self.request("MKCOL", f"/{self.user}/{name}/", _mkcol_body(
                "<C:calendar/>", name.title(), "xmlns:C=\"urn:ietf:params:xml:ns:caldav\"",
                f"<C:supported-calendar-component-set><C:comp name=\"{component}\"/>"
                "</C:supported-calendar-component-set>"))
            assert status == 201, (status, body)

    def log(self) -> str:
        path = self.root / "radicale.log"
        return path.read_text(errors="replace") if path.exists() else ""

    # --- start and stop ----------------------------------------------------------------
    def start(self) -> None:
        self._write_config()
        self.start_again()
        self.make_collections()
        self.other().make_collections()

    def stop(self) -> None:
        if self._other is not None:
            self._other.process = None
            self._other.stop()
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self.process is None:
            return
        stop_process(self.process)
        self.process = None

    def kill(self) -> None:
        """kill -9: the server gone mid-sync."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)
            self.process = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def restart(self) -> None:
        self.kill()
        self.start_again()

    def start_again(self) -> None:
        """Radicale (again) on the same folder and port: after ``kill``, what was stored is there."""
        with open(self.root / "radicale.log", "ab") as log:  # the child keeps its own copy
            self.process = subprocess.Popen([sys.executable, str(RUNNER), str(self.root / "radicale.conf")],
                                            stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                                            preexec_fn=_die_with_parent)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"radicale stopped at once (exit {self.process.returncode}):\n{self.log()}")
            try:
                with socket.create_connection((self.host, self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"radicale is not listening on {self.host}:{self.port}\n{self.log()}")

    def _write_config(self) -> Path:
        root = self.root
        (root / "storage").mkdir(parents=True, exist_ok=True)
        (root / "users").write_text(f"{self.user}:{self.password}\n{OTHER_USER}:{OTHER_PASSWORD}\n")
        config = root / "radicale.conf"
        config.write_text(f"""
[server]
hosts = {self.host}:{self.port}
max_connections = 8
timeout = 30

[auth]
type = htpasswd
htpasswd_filename = {root}/users
htpasswd_encryption = plain
delay = 0

[rights]
type = owner_only

[storage]
type = {self.storage}
filesystem_folder = {root}/storage
use_mtime_and_size_for_item_cache = True
max_sync_token_age = 2592000

[web]
type = none

[logging]
level = warning
""")
        return config


def _mkcol_body(resourcetype: str, name: str, namespaces: str, extra: str = "") -> str:
    return (f'<?xml version="1.0" encoding="utf-8"?><D:mkcol xmlns:D="DAV:" {namespaces}><D:set><D:prop>'
            f"<D:resourcetype><D:collection/>{resourcetype}</D:resourcetype><D:displayname>{name}</D:displayname>"
            f"{extra}</D:prop></D:set></D:mkcol>")


def start_server(*, storage: str | None = None) -> DavServer:
    root = Path(tempfile.mkdtemp(prefix="relationapp-dav-"))
    server = DavServer(root=root, port=free_port())
    if storage:
        server.storage = storage
    try:
        server.start()
    except Exception:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
        raise
    return server


def stop_server(server: DavServer) -> None:
    server.stop()
    shutil.rmtree(server.root, ignore_errors=True)
