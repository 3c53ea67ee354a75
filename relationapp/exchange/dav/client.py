"""WebDAV requests for CardDAV (RFC 6352) and CalDAV (RFC 4791), sent with the ``caldav`` library's DAVClient.

    DavConnection(url, user, password) .changes(collection, token) / .fetch(...) / .put(...) / .delete(...)
    DavConnection(url, user, password).collections() -> [Collection]   (what the user may choose from)

There is no maintained Python CardDAV client (``pyCardDAV`` is Python 2,
``carddav`` a first release with one author), so the few requests a sync
needs are written here and sent through ``caldav.DAVClient.request``, which
keeps the connection, negotiates Basic or Digest auth and speaks CalDAV.
Only what changed travels: a sync-collection REPORT (RFC 6578) with the
last token answers hrefs and ETags, no bodies; the bodies of the changed
items come in multiget REPORTs of ``MULTIGET`` hrefs each.

Every fault (no answer, a timeout, a refused password, a 5xx) is one
``DavError`` line; what was synced before it stays synced.
"""

from __future__ import annotations

import ipaddress
import threading
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit
from xml.sax.saxutils import escape

from relationapp.errors import ServiceError
from relationapp.text.catalogue import _

TIMEOUT_S = 30
MULTIGET = 100  # hrefs per multiget REPORT
WRITERS = 4  # PUTs in flight at once (exchange.dav.engine)
NS = {"D": "DAV:", "CR": "urn:ietf:params:xml:ns:carddav", "C": "urn:ietf:params:xml:ns:caldav"}


class DavError(ServiceError):
    """The server could not be used; the message says why in one line."""


class LoginRefused(DavError):
    """The server refused the user name or password: no other collection is tried."""


class TokenExpired(Exception):
    """The server no longer knows our sync token: a full listing instead (RFC 6578 3.2)."""


@dataclass(frozen=True)
class Listing:
    token: str | None
    changed: dict[str, str]  # href (path) -> etag
    removed: tuple[str, ...]
    complete: bool  # a full listing: hrefs we know and it lacks are gone


@dataclass(frozen=True)
class Collection:
    """An address book or a calendar the user's account holds; ``components``: VEVENT, VTODO (calendars)."""

    href: str
    name: str
    kind: str  # "contacts" or "calendar"
    components: tuple[str, ...] = ()

    def holds(self, sync_kind: str) -> bool:
        """Whether this collection can hold a sync kind's items (contacts, tasks, visits, dates)."""
        if sync_kind == "contacts":
            return self.kind == "contacts"
        wanted = "VTODO" if sync_kind == "tasks" else "VEVENT"
        return self.kind == "calendar" and (not self.components or wanted in self.components)


@dataclass(frozen=True)
class Written:
    href: str
    etag: str | None  # None: the server gave none (read it back at the next sync)
    status: int  # 201/204; 412 when the precondition failed (someone else wrote first)


def _quote_path(path: str) -> str:
    return escape(path)


def is_loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(url: str) -> str:
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise DavError(_("'{url}' is not a server address (https://...).").format(url=url[:200]))
    if parts.scheme == "http" and not is_loopback(url):
        raise DavError(_("The server must be reached over https (the password would travel readable over http)."))
    return url if url.endswith("/") else url + "/"


class DavConnection:
    """One user on one server. ``put`` is thread-safe (the engine's writers): each thread has its own client."""

    def __init__(self, url: str, user: str, password: str, *, timeout: float = TIMEOUT_S) -> None:
        self.url = check_url(url)
        self.user, self._password, self.timeout = user, password, timeout
        self._local = threading.local()
        self._clients: list = []

    # --- plumbing -----------------------------------------------------------------
    def _client(self):
        client = getattr(self._local, "client", None)
        if client is None:
            from caldav.davclient import DAVClient

            client = DAVClient(url=self.url, username=self.user, password=self._password, timeout=self.timeout,
                               enable_rfc6764=False, rate_limit_handle=False)
            self._local.client = client
            self._clients.append(client)
        return client

    def close(self) -> None:
        for client in self._clients:
            try:
                client.close()
            except Exception:  # noqa: BLE001 - closing a broken connection
                pass
        self._clients.clear()

    def __enter__(self) -> "DavConnection":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def absolute(self, href: str) -> str:
        return urljoin(self.url, href)

    def _request(self, url: str, method: str, body: str = "", headers: dict | None = None, *,
                 ok: tuple[int, ...] = (200, 207)):
        from caldav.lib import error

        try:
            response = self._client().request(self.absolute(url), method, body, headers or {})
        except error.AuthorizationError as exc:
            if any("valid-sync-token" in p for p in exc.preconditions):
                raise TokenExpired() from None
            if getattr(exc, "status", None) == 403:
                raise DavError(_("The server refused access to {url}.").format(url=self.absolute(url)[:300])) from None
            raise LoginRefused(_("The server refused the user name or password for {user}.").format(user=self.user)) \
                from None
        except error.RateLimitError:
            raise DavError(_("The server is busy (it asked to wait); try again later.")) from None
        except Exception as exc:  # noqa: BLE001 - refused, timed out, reset: one line
            raise DavError(_("Cannot reach the server {url}: {problem}.").format(
                url=self.url[:300], problem=_reason(exc))) from None
        if response.status not in ok:
            if response.status in (403, 409) and b"valid-sync-token" in (response._raw_body or b""):
                raise TokenExpired()
            raise DavError(_("The server answered {status} to {method} {url}.").format(
                status=response.status, method=method, url=unquote(urlsplit(self.absolute(url)).path)[:300]))
        return response

    # --- what a sync asks ---------------------------------------------------------
    def check(self, collection: str) -> str:
        """The collection's display name; a wrong password or a missing collection is a DavError."""
        response = self._request(collection, "PROPFIND", _PROPFIND_NAME, {"Depth": "0",
                                                                         "Content-Type": "application/xml"})
        names = response.tree.findall(".//{DAV:}displayname") if response.tree is not None else []
        return (names[0].text or "").strip() if names else ""

    def collections(self) -> list[Collection]:
        """The user's address books and calendars (RFC 6764 discovery: the principal from the URL or the
        server's /.well-known/ address, then its address-book and calendar homes), by name."""
        principal = self._principal()
        homes = self._homes(principal) or [principal]
        found: dict[str, Collection] = {}
        for home in homes:
            response = self._request(home, "PROPFIND", _PROPFIND_COLLECTIONS, {"Depth": "1",
                                                                              "Content-Type": "application/xml"})
            for item in response.tree.findall("{DAV:}response"):
                href = _path(item.findtext("{DAV:}href") or "")
                types = item.find(".//{DAV:}resourcetype")
                if not href or types is None:
                    continue
                if types.find(f"{{{NS['CR']}}}addressbook") is not None:
                    kind = "contacts"
                elif types.find(f"{{{NS['C']}}}calendar") is not None:
                    kind = "calendar"
                else:
                    continue
                components = tuple(c.get("name", "").upper() for c in
                                   item.findall(f".//{{{NS['C']}}}supported-calendar-component-set/{{{NS['C']}}}comp"))
                name = (item.findtext(".//{DAV:}displayname") or "").strip() or unquote(href.rstrip("/").rsplit("/", 1)[-1])
                found[href] = Collection(href, name, kind, components)
        return sorted(found.values(), key=lambda c: (c.kind != "contacts", c.name.casefold(), c.href))

    def _principal(self) -> str:
        for start in (self.url, "/.well-known/carddav", "/.well-known/caldav"):
            try:
                response = self._request(start, "PROPFIND", _PROPFIND_PRINCIPAL, {"Depth": "0",
                                                                                 "Content-Type": "application/xml"})
            except LoginRefused:
                raise
            except DavError:
                continue
            href = response.tree.findtext(".//{DAV:}current-user-principal/{DAV:}href") if response.tree is not None else None
            if href:
                return _path(href)
        return urlsplit(self.url).path

    def _homes(self, principal: str) -> list[str]:
        response = self._request(principal, "PROPFIND", _PROPFIND_HOMES, {"Depth": "0", "Content-Type": "application/xml"})
        homes = []
        for tag in (f"{{{NS['CR']}}}addressbook-home-set", f"{{{NS['C']}}}calendar-home-set"):
            for href in response.tree.findall(f".//{tag}/{{DAV:}}href") if response.tree is not None else []:
                if href.text and _path(href.text) not in homes:
                    homes.append(_path(href.text))
        return homes

    def changes(self, collection: str, token: str | None) -> Listing:
        """What changed since ``token`` (hrefs and ETags only); without a token, or an expired one, everything."""
        if token:
            try:
                return self._sync_report(collection, token)
            except TokenExpired:
                pass
        try:
            return self._sync_report(collection, None)
        except (TokenExpired, DavError):
            return self._propfind_listing(collection)

    def _sync_report(self, collection: str, token: str | None) -> Listing:
        body = (f'<?xml version="1.0" encoding="utf-8"?><D:sync-collection xmlns:D="DAV:">'
                f"<D:sync-token>{escape(token or '')}</D:sync-token><D:sync-level>1</D:sync-level>"
                f"<D:prop><D:getetag/></D:prop></D:sync-collection>")
        response = self._request(collection, "REPORT", body, {"Content-Type": "application/xml", "Depth": "0"})
        changed: dict[str, str] = {}
        removed: list[str] = []
        base = urlsplit(self.absolute(collection)).path
        for item in response.tree.findall("{DAV:}response"):
            href = _path(item.findtext("{DAV:}href") or "")
            if not href or href.rstrip("/") == base.rstrip("/"):
                continue
            status = item.findtext("{DAV:}status") or ""
            etag = item.findtext(".//{DAV:}getetag")
            if " 404" in status and not etag:
                removed.append(href)
            elif etag:
                changed[href] = etag
        new_token = response.tree.findtext("{DAV:}sync-token")
        return Listing(new_token, changed, tuple(removed), complete=token is None)

    def _propfind_listing(self, collection: str) -> Listing:
        response = self._request(collection, "PROPFIND", _PROPFIND_ETAG, {"Depth": "1",
                                                                         "Content-Type": "application/xml"})
        base = urlsplit(self.absolute(collection)).path
        changed = {}
        for item in response.tree.findall("{DAV:}response"):
            href = _path(item.findtext("{DAV:}href") or "")
            etag = item.findtext(".//{DAV:}getetag")
            if href and href.rstrip("/") != base.rstrip("/") and etag:
                changed[href] = etag
        return Listing(None, changed, (), complete=True)

    def fetch(self, collection: str, hrefs: list[str], *, kind: str) -> dict[str, tuple[str, str]]:
        """{href: (etag, text)} of these items, ``MULTIGET`` at a time; items gone meanwhile are left out."""
        data_tag = "CR:address-data" if kind == "contacts" else "C:calendar-data"
        report = "CR:addressbook-multiget" if kind == "contacts" else "C:calendar-multiget"
        found: dict[str, tuple[str, str]] = {}
        for start in range(0, len(hrefs), MULTIGET):
            chunk = hrefs[start:start + MULTIGET]
            body = (f'<?xml version="1.0" encoding="utf-8"?><{report} xmlns:D="DAV:" xmlns:CR="{NS["CR"]}" '
                    f'xmlns:C="{NS["C"]}"><D:prop><D:getetag/><{data_tag}/></D:prop>'
                    + "".join(f"<D:href>{_quote_path(h)}</D:href>" for h in chunk) + f"</{report}>")
            response = self._request(collection, "REPORT", body, {"Content-Type": "application/xml",
                                                                  "Depth": "1"})
            for item in response.tree.findall("{DAV:}response"):
                href = _path(item.findtext("{DAV:}href") or "")
                etag = item.findtext(".//{DAV:}getetag")
                data = item.find(f".//{{{NS['CR' if kind == 'contacts' else 'C']}}}"
                                 f"{'address-data' if kind == 'contacts' else 'calendar-data'}")
                if href and etag and data is not None and data.text:
                    found[href] = (etag, data.text)
        return found

    def put(self, href: str, text: str, *, etag: str | None, kind: str) -> Written:
        """Create (``etag=None``: only if nothing is there) or replace (only if the server still has ``etag``)."""
        content_type = "text/vcard; charset=utf-8" if kind == "contacts" else "text/calendar; charset=utf-8"
        headers = {"Content-Type": content_type}
        headers["If-Match" if etag else "If-None-Match"] = etag or "*"
        response = self._request(href, "PUT", text, headers, ok=(200, 201, 204, 412))
        return Written(href, response.headers.get("ETag") if response.status != 412 else None, response.status)

    def delete(self, href: str, *, etag: str | None) -> None:
        headers = {"If-Match": etag} if etag else {}
        self._request(href, "DELETE", "", headers, ok=(200, 204, 404, 412))


_PROPFIND_NAME = ('<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:"><D:prop><D:displayname/>'
                  "<D:resourcetype/></D:prop></D:propfind>")
_PROPFIND_PRINCIPAL = ('<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:"><D:prop>'
                       "<D:current-user-principal/></D:prop></D:propfind>")
_PROPFIND_HOMES = (f'<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:" xmlns:CR="{NS["CR"]}" '
                   f'xmlns:C="{NS["C"]}"><D:prop><CR:addressbook-home-set/><C:calendar-home-set/></D:prop></D:propfind>')
_PROPFIND_COLLECTIONS = (f'<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:" xmlns:C="{NS["C"]}">'
                         "<D:prop><D:displayname/><D:resourcetype/><C:supported-calendar-component-set/></D:prop>"
                         "</D:propfind>")
_PROPFIND_ETAG = ('<?xml version="1.0" encoding="utf-8"?><D:propfind xmlns:D="DAV:"><D:prop><D:getetag/>'
                  "</D:prop></D:propfind>")


def _path(href: str) -> str:
    """An href as a path (servers answer absolute URLs or paths, quoted or not)."""
    return urlsplit(href.strip()).path


def _reason(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    if "timed out" in text.lower() or "timeout" in type(exc).__name__.lower():
        return _("no answer in time")
    if "refused" in text.lower():
        return _("connection refused")
    return (text or type(exc).__name__)[:200]
