"""Reading a CSV file someone else made: its encoding, its delimiter, its rows.

Spreadsheets write what their locale says: Dutch Excel writes ``;`` and
Windows-1252, Google writes UTF-8 with commas, Excel's "CSV UTF-8" adds a
BOM, "Unicode text" is UTF-16 with tabs. We detect all of that from the
bytes instead of asking, and report problems as "file, row, problem".
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from pathlib import Path

from relationapp.errors import ValidationError
from relationapp.files.paths import user_file
from relationapp.text import formatting
from relationapp.text.catalogue import _

MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_FIELD_CHARS = 1024 * 1024  # a cell longer than this is junk, not a note
DELIMITERS = (",", ";", "\t")
# Windows-1252 leaves these bytes undefined: a file that has them is neither UTF-8 nor 1252.
_UNDEFINED_1252 = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


@dataclass(frozen=True)
class CsvText:
    path: Path
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "cp1252"


@dataclass(frozen=True)
class CsvRecord:
    row: int  # the spreadsheet row number: the header is row 1
    cells: tuple[str, ...]


@dataclass(frozen=True)
class CsvTable:
    path: Path
    encoding: str
    delimiter: str
    header: tuple[str, ...]
    records: tuple[CsvRecord, ...]


def _dialect(delimiter: str) -> type[csv.Dialect]:
    class Dialect(csv.Dialect):
        pass

    Dialect.delimiter = delimiter
    Dialect.quotechar = '"'
    Dialect.doublequote = True
    Dialect.skipinitialspace = False
    Dialect.lineterminator = "\r\n"
    Dialect.quoting = csv.QUOTE_MINIMAL
    Dialect.strict = False
    return Dialect


def decode(path: Path, data: bytes) -> CsvText:
    """Bytes to text: BOMs first, then UTF-8, then Windows-1252; refuse binary junk."""
    name = path.name
    if not data.strip():
        raise ValidationError(_("{file} is empty.").format(file=name))
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return CsvText(path, data.decode(enc), enc)
            except UnicodeDecodeError as exc:
                raise ValidationError(_("{file}: starts as {encoding} text but byte {byte} is not valid {encoding}.").format(
                    file=name, encoding=enc, byte=exc.start)) from None
    if b"\x00" in data:
        raise ValidationError(_("{file} is not a text file (it holds binary data); save it as CSV.").format(file=name))
    try:
        return CsvText(path, data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    bad = next((i for i, b in enumerate(data) if b in _UNDEFINED_1252), None)
    if bad is not None:
        raise ValidationError(
            _("{file}: the text is neither UTF-8 nor Windows-1252 (byte {byte}); save it as CSV UTF-8.").format(
                file=name, byte=bad)
        )
    return CsvText(path, data.decode("cp1252"), "cp1252")


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the header and the next lines most consistently."""
    sample_lines = [line for line in text[:64 * 1024].splitlines() if line.strip()][:20]
    if not sample_lines:
        return ","
    best, best_score = ",", (-1, -1)
    for delim in DELIMITERS:
        counts = []
        for row in csv.reader(io.StringIO("\n".join(sample_lines)), _dialect(delim)):
            counts.append(len(row))
        if not counts:
            continue
        header = counts[0]
        consistent = sum(1 for c in counts if c == header)
        # more columns in the header wins, then consistency with the rows
        score = (header if header > 1 else 0, consistent)
        if score > best_score:
            best, best_score = delim, score
    return best


def parse(csv_text: CsvText, *, delimiter: str | None = None) -> CsvTable:
    """Split into a header and records, keeping quoted delimiters and line breaks."""
    name = csv_text.path.name
    text = csv_text.text
    if not text.strip():
        raise ValidationError(f"{name} is empty.")
    delim = delimiter or sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(delim))
    previous = csv.field_size_limit(MAX_FIELD_CHARS)
    records: list[CsvRecord] = []
    header: tuple[str, ...] | None = None
    row = 0
    try:
        for cells in reader:
            row += 1
            if header is None:
                if not any(c.strip() for c in cells):
                    row -= 1  # blank lines before the header are not rows
                    continue
                header = tuple(c.strip() for c in cells)
                continue
            if not any(c.strip() for c in cells):
                continue  # spreadsheets leave empty lines at the end
            records.append(CsvRecord(row, tuple(cells)))
    except csv.Error as exc:
        message = str(exc)
        if "field larger than field limit" in message:
            message = _("a cell is longer than {count} characters").format(
                count=formatting.current().number(MAX_FIELD_CHARS))
        raise ValidationError(_("{file} row {row}: {problem}.").format(file=name, row=row + 1, problem=message)) from None
    finally:
        csv.field_size_limit(previous)
    if header is None:
        raise ValidationError(_("{file} is empty.").format(file=name))
    return CsvTable(csv_text.path, csv_text.encoding, delim, header, tuple(records))


def read_table(path: str | Path, *, delimiter: str | None = None) -> CsvTable:
    path = user_file(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ValidationError(_("{file} is too large ({size} MB) to import.").format(
                file=path.name, size=formatting.current().number(size // 2**20)))
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(_("Cannot read {path}: {problem}.").format(path=path, problem=exc.strerror or exc)) from None
    return parse(decode(path, data), delimiter=delimiter)


def write_dialect(delimiter: str = ",") -> type[csv.Dialect]:
    """The dialect our own exports use (RFC 4180 with CRLF)."""
    return _dialect(delimiter)
