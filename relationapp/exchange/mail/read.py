"""One message's bytes -> what a touch needs (``services.mail.record.ReadMail``), with the standard library.

The ``compat32`` policy of ``email`` parses, with the headers decoded here
(``email.header``, ``email.utils``): the header objects of the default
policy cost five times as much, and an mbox of 10,000 mails must import
in seconds.

Nothing a mail holds is kept but the touch: its date, who it was between,
the subject, the text (an HTML-only mail as text; the quoted history and
anything past ``NOTE_LIMIT`` left out) and the names of its attachments,
never their content. A broken part, an unknown charset, a missing date or
Message-ID never stops the import: what can be read is kept, and a remark
says what was decided.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from email import policy
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime
from html.parser import HTMLParser

from relationapp.services.common.validation import one_line
from relationapp.services.mail.addresses import address_key
from relationapp.services.mail.record import SUBJECT_LIMIT, ReadMail
from relationapp.text.catalogue import _

NOTE_LIMIT = 4000  # characters of a mail's text kept as the touch's note
_PARSER = BytesParser(policy=policy.compat32)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# where the quoted history of a reply starts (English, Dutch, German, French; Outlook, Gmail, Apple Mail)
_HISTORY = re.compile(
    r"^(?:-{2,}\s*(?:Original Message|Oorspronkelijk bericht|Origineel bericht|Ursprüngliche Nachricht|"
    r"Message d'origine)\s*-{2,}|_{10,}|(?:On|Op|Am|Le) .{4,200}(?:wrote|schreef|schrieb|a écrit)\s?.{0,80}:)\s*$",
    re.IGNORECASE | re.MULTILINE)
_OUTLOOK_HEADER = re.compile(r"^(?:From|Van|Von|De)\s*:.*\n(?:.*\n){0,2}(?:Sent|Verzonden|Gesendet|Envoyé|Date|Datum)\s*:",
                             re.IGNORECASE | re.MULTILINE)
_AUTOMATIC_SENDERS = re.compile(r"^(?:no-?reply|do-?not-?reply|mailer-daemon|postmaster|bounces?)(?:[+.-].*)?@")


def parse_mail(raw: bytes, *, where: str, source: str, fallback_on: dt.date | None, fallback_text: str = "",
               today: dt.date | None = None, truncated: bool = False, size: int | None = None) -> ReadMail:
    """Raises ValueError (with a reason a person reads) only when the bytes are no mail at all.

    ``fallback_on``: the day to use without a readable Date (the file's, the server's arrival),
    named in the remark by ``fallback_text``. ``truncated``: only the first part of a big message
    was fetched (``size`` its real size).
    """
    if not raw.strip():
        raise ValueError(_("the file is empty"))
    message = _PARSER.parsebytes(raw)
    remarks: list[str] = []
    heads = {k.lower() for k in message.keys()}
    if not heads & {"from", "to", "date", "subject", "message-id"}:
        raise ValueError(_("this is not an e-mail (no From, To, Date or Subject)"))
    sender = next(iter(_addresses(message, "from")), None)
    to, cc = _addresses(message, "to"), _addresses(message, "cc")
    subject = _subject(message)
    sent = _sent_on(message)
    if sent is None:
        sent = fallback_on or today or dt.date.today()
        remarks.append(_("{where}: no readable date; dated {date} ({what}).").format(
            where=where, date=sent.isoformat(), what=fallback_text or _("today")))
    text = _text(message, where, remarks, truncated)
    attachments = _attachments(message, truncated, size)
    if _broken(message) and not truncated:
        remarks.append(_("{where}: the mail's structure is broken; what could be read is logged.").format(where=where))
    notes = "\n\n".join(p for p in (text, attachments) if p) or None
    return ReadMail(
        message_id=_message_id(message, sender, to, subject, text), occurred_on=sent, sender=sender,
        to=tuple(to), cc=tuple(cc), subject=subject, notes=notes, source=source, where=where,
        automatic=_automatic(message, sender), remarks=tuple(remarks),
    )


def _words(value) -> str:
    """A raw header value as text: RFC 2047 encoded words decoded, 8-bit bytes read as UTF-8 (else Latin-1)."""
    text = str(value)
    if any("\udc80" <= c <= "\udcff" for c in text):  # undecoded 8-bit bytes in a header
        raw = text.encode("utf-8", "surrogateescape")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
    if "=?" not in text:
        return text
    try:
        return str(make_header(decode_header(text)))
    except (LookupError, UnicodeError, HeaderParseError, ValueError):  # an unknown or wrong charset in a word
        out = []
        try:
            parts = decode_header(text)
        except HeaderParseError:
            return text
        for chunk, charset in parts:
            if isinstance(chunk, bytes):
                try:
                    out.append(chunk.decode(charset or "utf-8", "replace"))
                except LookupError:
                    out.append(chunk.decode("utf-8", "replace"))
            else:
                out.append(chunk)
        return "".join(out)


def _header(message: Message, name: str) -> str:
    value = message.get(name)
    return "" if value is None else _words(value)


def _addresses(message: Message, name: str) -> list[tuple[str, str]]:
    out: dict[str, str] = {}
    values = [_words(v) for v in message.get_all(name, [])]
    for display, spec in getaddresses(values):
        key = address_key(spec)
        if key and key not in out:
            out[key] = one_line(display or "").strip().strip('"').strip()
    return list(out.items())


def _subject(message: Message) -> str | None:
    text = one_line(_header(message, "subject")).strip()
    if len(text) > SUBJECT_LIMIT:
        text = text[:SUBJECT_LIMIT - 1].rstrip() + "…"
    return text or None


def _sent_on(message: Message) -> dt.date | None:
    raw = _header(message, "date").strip()
    if not raw:
        return None
    try:
        moment = parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if moment is None or not 1970 <= moment.year <= 9998:
        return None
    return moment.date()  # the day as the sender's clock had it


def _message_id(message: Message, sender, to, subject, text) -> str:
    raw = _header(message, "message-id").strip()
    found = re.search(r"<[^<>\s]+>", raw)
    if found:
        return found.group(0)[:998]
    if raw and not any(c.isspace() for c in raw):
        return raw[:998]
    # none given: the same mail read again (from a file or a server) gives the same one
    basis = "\n".join([_header(message, "date").strip(), sender[0] if sender else "",
                       ",".join(a for a, _n in to), subject or "", (text or "")[:2000]])
    return "<" + hashlib.sha256(basis.encode("utf-8", "replace")).hexdigest()[:40] + "@no-message-id.relationapp>"


def _automatic(message: Message, sender) -> bool:
    auto = _header(message, "auto-submitted").strip().lower()
    precedence = _header(message, "precedence").strip().lower()
    if auto and auto != "no":
        return True
    if precedence in ("bulk", "list", "junk", "auto_reply"):
        return True
    if _header(message, "list-id") or _header(message, "x-autoreply") or _header(message, "x-autorespond"):
        return True
    return bool(sender and _AUTOMATIC_SENDERS.match(sender[0]))


def _decoded(part: Message, where: str, remarks: list[str]) -> str:
    """A text part as text; an unknown charset read as UTF-8 (else Latin-1), and said so."""
    try:
        payload = part.get_payload(decode=True) or b""
    except Exception as exc:  # noqa: BLE001 - a broken part: logged without its text
        remarks.append(_("{where}: the text could not be read ({reason}); logged without it.").format(
            where=where, reason=one_line(str(exc) or type(exc).__name__)[:120]))
        return ""
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset()
    if charset:
        try:
            return payload.decode(charset, "replace")
        except LookupError:
            pass
    try:
        text, used = payload.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        text, used = payload.decode("latin-1"), "Latin-1"
    if charset:
        remarks.append(_("{where}: unknown character set {charset}; the text is read as {used}.").format(
            where=where, charset=one_line(charset)[:40], used=used))
    return text


def _is_attachment(part: Message) -> bool:
    disposition = (part.get("content-disposition") or "").split(";")[0].strip().lower()
    return disposition == "attachment" or (disposition != "inline" and bool(part.get_param("name"))
                                           and part.get_content_maintype() != "text")


def _text(message: Message, where: str, remarks: list[str], truncated: bool) -> str:
    plain = html = None
    for part in message.walk():
        if part.is_multipart() or _is_attachment(part):
            continue
        kind = part.get_content_type()
        if kind == "text/plain" and plain is None:
            plain = part
        elif kind == "text/html" and html is None:
            html = part
    body = plain or html
    if body is None:
        return ""
    text = _decoded(body, where, remarks)
    if body is html:
        text = html_to_text(text)
    return clean_note(text, truncated=truncated)


def clean_note(text: str, *, truncated: bool = False) -> str:
    """The mail's own words: no control characters, no quoted history, at most NOTE_LIMIT characters."""
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    cut = [m.start() for m in (_HISTORY.search(text), _OUTLOOK_HEADER.search(text)) if m and m.start() > 0]
    if cut:
        text = text[:min(cut)]
    lines = [line.rstrip() for line in text.split("\n") if not line.startswith(">")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if len(text) > NOTE_LIMIT or (truncated and text):
        text = text[:NOTE_LIMIT - 1].rstrip() + "…"
    return text


def _attachments(message: Message, truncated: bool, size: int | None) -> str:
    names = []
    for part in message.walk():
        if part.is_multipart() or not _is_attachment(part):
            continue
        try:
            name = part.get_filename()
        except Exception:  # noqa: BLE001 - a name that cannot be decoded
            name = None
        name = one_line(_words(name) if name else _("(no name)")).strip()[:200]
        if not truncated:
            payload = part.get_payload()
            length = len(payload) if isinstance(payload, str) else 0
            if (part.get("content-transfer-encoding") or "").strip().lower() == "base64":
                length = (length - payload.count("\n") - payload.count("\r")) * 3 // 4
            name += f" ({_size(length)})"
        names.append(name)
    if not names:
        return ""
    line = _("Attachments: {names}").format(names=", ".join(names))
    if truncated and size:
        line += " " + _("(the mail is {size}; only its text was read)").format(size=_size(size))
    return line


def _size(length: int) -> str:
    if length >= 1_000_000:
        return f"{length / 1_000_000:.1f} MB"
    return f"{max(1, round(length / 1000))} kB"


def _broken(message: Message) -> bool:
    return any(part.defects for part in message.walk()) if message.is_multipart() else bool(message.defects)


class _Text(HTMLParser):
    _BLOCK = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote", "hr", "ul", "ol"}
    _SKIP = {"script", "style", "head", "title"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n- " if tag == "li" else "\n")

    def handle_endtag(self, tag):
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCK and tag != "li":
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    parser = _Text()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001 - markup too broken to walk: the tags stripped instead
        return re.sub(r"<[^>]+>", " ", html)
    text = "".join(parser.parts)
    return "\n".join(line.strip() for line in text.split("\n"))
