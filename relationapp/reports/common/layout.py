"""Page layout shared by every report (after pretix's invoice renderer).

A ``BaseDocTemplate`` with a first-page template (logo, firm, title) and an
other-pages template (running header), named paragraph styles on the DejaVu
family, "page x of y" drawn once the page count is known, and a PDF written
to a temporary file that replaces the target only when complete.

User text is never markup: :func:`para` and :func:`table` escape every value
(xml.sax.saxutils.escape) after :func:`fonts.printable`.
"""

from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle, StyleSheet1
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from relationapp.errors import ValidationError
from relationapp.files.paths import user_file
from relationapp.reports.common import fonts
from relationapp.text.catalogue import _
from relationapp.text.formatting import Formatter

INK = colors.HexColor("#1F2A36")
MUTED = colors.HexColor("#6B7683")
ACCENT = colors.HexColor("#2F6F8F")
ACCENT_LIGHT = colors.HexColor("#A9CBDB")
RULE = colors.HexColor("#D5DCE2")
ZEBRA = colors.HexColor("#F3F6F8")

MARGIN = 18 * mm
FIRST_HEADER = 34 * mm
OTHER_HEADER = 14 * mm
FOOTER = 14 * mm


def page_size(name: str):
    return LETTER if name == "Letter" else A4


def stylesheet() -> StyleSheet1:
    fonts.register()
    sheet = StyleSheet1()
    base = dict(fontName=fonts.REGULAR, fontSize=9.5, leading=12.5, textColor=INK)
    sheet.add(ParagraphStyle(name="Normal", **base))
    sheet.add(ParagraphStyle(name="Small", **{**base, "fontSize": 8, "leading": 10}))
    sheet.add(ParagraphStyle(name="Muted", **{**base, "fontSize": 8, "leading": 10, "textColor": MUTED}))
    sheet.add(ParagraphStyle(name="Title", **{**base, "fontName": fonts.BOLD, "fontSize": 17, "leading": 21}))
    sheet.add(ParagraphStyle(name="Subtitle", **{**base, "fontSize": 10.5, "leading": 14, "textColor": MUTED}))
    sheet.add(ParagraphStyle(name="Heading", **{**base, "fontName": fonts.BOLD, "fontSize": 12, "leading": 15,
                                                "textColor": ACCENT, "spaceBefore": 9, "spaceAfter": 4,
                                                "keepWithNext": 1}))
    sheet.add(ParagraphStyle(name="Cell", **{**base, "fontSize": 8.5, "leading": 10.5}))
    sheet.add(ParagraphStyle(name="CellRight", **{**base, "fontSize": 8.5, "leading": 10.5, "alignment": TA_RIGHT}))
    sheet.add(ParagraphStyle(name="CellHead", **{**base, "fontName": fonts.BOLD, "fontSize": 8.5, "leading": 10.5}))
    sheet.add(ParagraphStyle(name="CellHeadRight", **{**base, "fontName": fonts.BOLD, "fontSize": 8.5,
                                                      "leading": 10.5, "alignment": TA_RIGHT}))
    sheet.add(ParagraphStyle(name="Box", **{**base, "borderColor": RULE, "borderWidth": 0.6, "borderPadding": 5,
                                            "backColor": ZEBRA, "spaceBefore": 4, "spaceAfter": 8}))
    return sheet


def safe(text) -> str:
    """User text as Paragraph markup that prints literally (line breaks kept)."""
    return escape(fonts.printable("" if text is None else str(text))).replace("\n", "<br/>")


def para(text, style) -> Paragraph:
    return Paragraph(safe(text), style)


def with_note(text, note, style) -> Paragraph:
    """``text`` with a greyed ``note`` under it (both printed literally)."""
    if not note:
        return para(text, style)
    first = f"{safe(text)}<br/>" if text else ""
    return Paragraph(f'{first}<font color="#{MUTED.hexval()[2:]}">{safe(note)}</font>', style)


def labelled(label: str, value, style) -> Paragraph:
    """"<b>Label</b> value" with only our own label in bold."""
    return Paragraph(f"<b>{safe(label)}</b>  {safe(value)}", style)


def link(text: str, url: str, style) -> Paragraph:
    """A short clickable ``text`` for ``url`` (a raw address is long, wraps badly and says nothing)."""
    href = escape(url, {'"': "&quot;"})
    return Paragraph(f'<link href="{href}" color="#{ACCENT.hexval()[2:]}"><u>{safe(text)}</u></link>', style)


CELL_PADDING = 6  # LEFTPADDING + RIGHTPADDING of table()


def word_safe_widths(sheet: StyleSheet1, header: list[str], rows: list[list], shares: list[float],
                     width: float) -> list[float]:
    """Column widths (``shares`` of ``width``) widened so that no word of a cell has to break inside.

    A column narrower than its longest word takes the room from the columns
    with room to spare, in proportion to that room.
    """
    def longest(col: int) -> float:
        words = [w for value in [header[col], *(r[col] for r in rows)] for w in fonts.printable(str(value or "")).split()]
        head, cell = sheet["CellHead"], sheet["Cell"]
        need = [stringWidth(w, cell.fontName, cell.fontSize) for w in words]
        need += [stringWidth(w, head.fontName, head.fontSize) for w in str(header[col]).split()]
        return max(need, default=0) + CELL_PADDING + 1

    widths = [s * width for s in shares]
    needed = [longest(c) for c in range(len(widths))]
    short = sum(max(n - w, 0) for n, w in zip(needed, widths))
    spare = [max(w - n, 0) for n, w in zip(needed, widths)]
    if short <= 0 or sum(spare) <= 0:
        return widths
    take = min(short, sum(spare)) / sum(spare)
    return [max(n, w) if n > w else w - s * take for n, w, s in zip(needed, widths, spare)]


def table(sheet: StyleSheet1, header: list[str], rows: list[list], widths: list[float], *,
          right: tuple[int, ...] = (), bold_last: bool = False, plain: tuple[int, ...] = ()) -> Table:
    """A zebra table; the header repeats on each page.

    Cells are escaped Paragraphs that wrap, except the ``plain`` columns:
    short values (dates, amounts) drawn as plain strings, which reportlab
    never parses as markup and lays out many times faster.
    """
    def cell(value, col, head=False):
        if isinstance(value, Flowable):  # already laid out (and escaped) by the caller
            return value
        if col in plain and not head:
            return fonts.printable("" if value is None else str(value))
        name = ("CellHead" if head else "Cell") + ("Right" if col in right else "")
        return para(value, sheet[name])

    data = [[cell(h, i, True) for i, h in enumerate(header)]]
    data += [[cell(v, i) for i, v in enumerate(row)] for row in rows]
    # splitInRow: a row taller than the page (a long note) continues on the next one
    result = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=1)
    style = [
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("FONTNAME", (0, 1), (-1, -1), fonts.REGULAR),
        ("FONTSIZE", (0, 1), (-1, -1), sheet["Cell"].fontSize),
        ("LEADING", (0, 1), (-1, -1), sheet["Cell"].leading),
        ("TEXTCOLOR", (0, 1), (-1, -1), INK),
    ]
    for col in right:
        style.append(("ALIGN", (col, 1), (col, -1), "RIGHT"))
    for i in range(2, len(data), 2):
        style.append(("BACKGROUND", (0, i), (-1, i), ZEBRA))
    if bold_last and len(data) > 1:
        style.append(("LINEABOVE", (0, -1), (-1, -1), 0.6, INK))
        style.append(("FONTNAME", (0, -1), (-1, -1), fonts.BOLD))  # a total: make its columns plain
    result.setStyle(TableStyle(style))
    return result


def load_logo(path: str | None) -> ImageReader | None:
    """The logo from settings, read from a local file only (never a URL)."""
    if not path or "://" in path:
        return None
    try:
        file = user_file(path)
        if not file.is_file() or file.stat().st_size > 10 * 1024 * 1024:
            return None
        return ImageReader(io.BytesIO(file.read_bytes()))
    except Exception:  # a missing or damaged image: print without it
        return None


@dataclass(frozen=True)
class Page:
    """What the page templates print around the story."""

    firm: str
    title: str
    subtitle: str
    footer_note: str
    size: tuple[float, float]
    logo: ImageReader | None
    fmt: Formatter


class _NumberedCanvas(Canvas):
    """Holds the pages back until the end so each can say "page x of y"."""

    page_label = "Page {page} of {pages}"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.saveState()
            self.setFont(fonts.REGULAR, 7.5)
            self.setFillColor(MUTED)
            label = self.page_label.format(page=self._pageNumber, pages=total)
            self.drawRightString(self._pagesize[0] - MARGIN, FOOTER - 6 * mm, label)
            self.restoreState()
            Canvas.showPage(self)
        Canvas.save(self)


def _first_page(page: Page):
    def draw(canvas: Canvas, doc):
        width, height = page.size
        canvas.saveState()
        top = height - MARGIN
        x = MARGIN
        if page.logo is not None:
            iw, ih = page.logo.getSize()
            h = 16 * mm
            w = min(45 * mm, h * iw / max(ih, 1))
            canvas.drawImage(page.logo, x, top - h, width=w, height=h, preserveAspectRatio=True, mask="auto")
        canvas.setFillColor(INK)
        canvas.setFont(fonts.BOLD, 11)
        canvas.drawRightString(width - MARGIN, top - 5 * mm, fonts.printable(page.firm))
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(1.2)
        canvas.line(MARGIN, top - 19 * mm, width - MARGIN, top - 19 * mm)
        canvas.setFillColor(INK)
        _draw_fitted(canvas, MARGIN, top - 26 * mm, page.title, fonts.BOLD, 15, width - 2 * MARGIN)
        canvas.setFillColor(MUTED)
        _draw_fitted(canvas, MARGIN, top - 31 * mm, page.subtitle, fonts.REGULAR, 9.5, width - 2 * MARGIN)
        _footer(canvas, page)
        canvas.restoreState()
    return draw


def _other_page(page: Page):
    def draw(canvas: Canvas, doc):
        width, height = page.size
        canvas.saveState()
        canvas.setFont(fonts.REGULAR, 8)
        canvas.setFillColor(MUTED)
        top = height - MARGIN
        firm = fonts.printable(page.firm)
        firm_width = min(canvas.stringWidth(firm, fonts.REGULAR, 8), (width - 2 * MARGIN) / 3)
        _draw_fitted(canvas, width - MARGIN - firm_width, top - 4 * mm, firm, fonts.REGULAR, 8, firm_width)
        _draw_fitted(canvas, MARGIN, top - 4 * mm, page.title, fonts.REGULAR, 8, width - 2 * MARGIN - firm_width - 6 * mm)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN, top - 6.5 * mm, width - MARGIN, top - 6.5 * mm)
        _footer(canvas, page)
        canvas.restoreState()
    return draw


def _draw_fitted(canvas: Canvas, x: float, y: float, text: str, font: str, size: float, room: float) -> None:
    """One line of user text: shrunk a little if needed, then cut with an ellipsis."""
    text = fonts.printable(text)
    while size > 7 and canvas.stringWidth(text, font, size) > room:
        size -= 0.5
    if canvas.stringWidth(text, font, size) > room:
        while text and canvas.stringWidth(text + "…", font, size) > room:
            text = text[:-1]
        text += "…"
    canvas.setFont(font, size)
    canvas.drawString(x, y, text)


def _footer(canvas: Canvas, page: Page) -> None:
    width, _ = page.size
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN, FOOTER - 3 * mm, width - MARGIN, FOOTER - 3 * mm)
    canvas.setFont(fonts.REGULAR, 7.5)
    canvas.setFillColor(MUTED)
    _draw_fitted(canvas, MARGIN, FOOTER - 6 * mm, page.footer_note, fonts.REGULAR, 7.5, width - 2 * MARGIN - 35 * mm)


def render(story: list, page: Page) -> bytes:
    """The PDF for ``story`` as bytes."""
    fonts.register()
    width, height = page.size
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=page.size, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
        bottomMargin=FOOTER, title=fonts.printable(page.title), author=fonts.printable(page.firm),
        subject=fonts.printable(page.subtitle), creator="relationapp",
    )
    body_width = width - 2 * MARGIN
    first = Frame(MARGIN, FOOTER, body_width, height - MARGIN - FOOTER - FIRST_HEADER, id="first",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    other = Frame(MARGIN, FOOTER, body_width, height - MARGIN - FOOTER - OTHER_HEADER, id="other",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([
        PageTemplate(id="First", frames=[first], onPage=_first_page(page), pagesize=page.size),
        PageTemplate(id="Other", frames=[other], onPage=_other_page(page), pagesize=page.size),
    ])
    label = page.fmt.t("Page {page} of {pages}")

    class Numbered(_NumberedCanvas):
        page_label = label

    doc.build([NextPageTemplate("Other"), *story], canvasmaker=Numbered)
    return buffer.getvalue()


def body_width(page: Page) -> float:
    return page.size[0] - 2 * MARGIN


def write_atomically(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder, then rename.

    A failure leaves the old file (or nothing) in place, never half a PDF.
    """
    target = user_file(path)
    if target.is_dir():
        raise ValidationError(_("{path} is a folder; give a file name ending in .pdf.").format(path=target), field="path")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise ValidationError(_("Cannot write {file}: {problem}").format(file=target, problem=exc.strerror or exc),
                              field="path") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise ValidationError(_("Cannot write {file}: {problem}").format(file=target, problem=exc.strerror or exc),
                                  field="path") from None
        raise
    return target
