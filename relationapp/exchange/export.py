"""The full export: a folder (or zip) of CSV files, one per table, plus everything.json.

The CSV files are for people and spreadsheets (formula cells neutralised,
a BOM for Excel if asked, the account's name next to every account id);
everything.json holds the same data exactly and is what ``import_all``
reads back into an empty database.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from relationapp.data.db import Database
from relationapp.errors import ValidationError
from relationapp.exchange.csv_write import write_csv
from relationapp.exchange.row_check import one_line_refusals
from relationapp.files.paths import user_file
from relationapp.services.data_care import everything as everything_service
from relationapp.text.catalogue import _

JSON_NAME = "everything.json"
# tables where a readable account name helps next to account_id (and makes the
# file importable with the "relationapp" preset)
_WITH_ACCOUNT_NAME = {"person", "orders", "interaction", "follow_up", "planned_visit", "nps_response"}
# and the lead source's name next to source_id where the import reads it by name
_WITH_SOURCE_NAME = {"interaction"}


@dataclass(frozen=True)
class ExportResult:
    path: Path
    files: tuple[str, ...]
    rows: int


def _write_folder(db: Database, folder: Path, *, bom: bool) -> tuple[list[str], int]:
    data = everything_service.read_everything(db)
    names = {r["id"]: r["name"] for r in data.tables.get("account", [])}
    sources = {r["id"]: r["name"] for r in data.tables.get("lead_source", [])}
    files, total = [], 0
    for table in everything_service.tables():
        rows = data.tables[table.name]
        header = [c.name for c in table.columns]
        named = [(title, key, lookup) for title, key, lookup, kinds in
                 (("account", "account_id", names, _WITH_ACCOUNT_NAME), ("source", "source_id", sources, _WITH_SOURCE_NAME))
                 if table.name in kinds and key in header]
        out_header = header + [title for title, _key, _lookup in named]
        body = ([r[c] for c in header] + [lookup.get(r[key]) for _title, key, lookup in named] for r in rows)
        name = f"{table.name}.csv"
        total += write_csv(folder / name, out_header, body, bom=bom)
        files.append(name)
    payload = {
        "format": everything_service.FORMAT,
        "version": everything_service.FORMAT_VERSION,
        "schema": data.schema,
        "exported_at": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        "tables": {t: [{k: everything_service.to_text(v) for k, v in r.items()} for r in rows]
                   for t, rows in data.tables.items()},
    }
    fd = os.open(user_file(folder / JSON_NAME), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(fd, "w", encoding="utf-8") as fh:
        json.dump(payload, fh, ensure_ascii=False, indent=1)
    files.append(JSON_NAME)
    notes = user_file(folder / FORMATS_NAME)
    notes.write_text(_("These files use machine formats, the same in every language: comma-separated (RFC 4180), "
                       "UTF-8, dates as YYYY-MM-DD, times as HH:MM, amounts with a decimal point (1234.56), "
                       "yes/no as true/false. A cell a spreadsheet would take for a formula starts with an apostrophe. "
                       "relationapp import all reads everything.json back.") + "\n", encoding="utf-8")
    os.chmod(notes, 0o600)
    files.append(FORMATS_NAME)
    return files, total


def export_all(db: Database, *, out: str | Path, bom: bool = False, as_zip: bool | None = None) -> ExportResult:
    """Write everything to the folder ``out`` (made if needed), or to a zip if it ends in .zip."""
    out = user_file(out)
    as_zip = out.suffix.lower() == ".zip" if as_zip is None else as_zip
    if as_zip:
        with tempfile.TemporaryDirectory() as tmp:
            files, total = _write_folder(db, Path(tmp), bom=bom)
            partial = out.with_name(out.name + ".part")
            with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                for name in files:
                    zf.write(Path(tmp) / name, name)
            os.chmod(partial, 0o600)
            partial.replace(out)
        return ExportResult(out, tuple(files), total)
    if out.exists() and any(out.iterdir()):
        raise ValidationError(_("{folder} is not empty; choose a new folder for the export.").format(folder=out))
    out.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        files, total = _write_folder(db, out, bom=bom)
    except BaseException:
        shutil.rmtree(out, ignore_errors=True)
        raise
    return ExportResult(out, tuple(files), total)


FORMATS_NAME = "FORMATS.txt"  # says which formats the CSV files use
MAX_JSON_BYTES = 2 * 1024**3  # an everything.json larger than this is not an export of ours


def _read_json_text(source: Path) -> str:
    if source.is_dir():
        path = source / JSON_NAME
        if path.stat().st_size > MAX_JSON_BYTES:
            raise ValidationError(_("{source}: {file} is too large to be an export.").format(source=source.name, file=JSON_NAME))
        return path.read_text(encoding="utf-8")
    if zipfile.is_zipfile(source):
        with zipfile.ZipFile(source) as zf:
            if zf.getinfo(JSON_NAME).file_size > MAX_JSON_BYTES:
                raise ValidationError(_("{source}: {file} is too large to be an export.").format(
                    source=source.name, file=JSON_NAME))
            return zf.read(JSON_NAME).decode("utf-8")
    raise ValidationError(_("{source} is neither an export folder nor a zip of one.").format(source=source))


@one_line_refusals
def import_all(db: Database, *, source: str | Path) -> dict[str, int]:
    """Read a full export (folder or zip) back into an empty database; a damaged or edited
    export that does not fit the schema is refused as a whole, in one line, with nothing written."""
    source = user_file(source)
    try:
        text = _read_json_text(source)
    except (OSError, KeyError):
        raise ValidationError(_("{source} has no {file}; is it a relationapp full export?").format(
            source=source, file=JSON_NAME)) from None
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, EOFError) as exc:
        raise ValidationError(_("{source} is a damaged zip ({problem}).").format(source=source.name, problem=exc)) from None
    except UnicodeDecodeError as exc:
        raise ValidationError(_("{source}: {file} is not UTF-8 text (byte {byte}).").format(
            source=source.name, file=JSON_NAME, byte=exc.start)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(_("{source}: {file} is damaged ({problem}).").format(
            source=source.name, file=JSON_NAME, problem=exc)) from None
    except ValueError:  # a number of thousands of digits
        raise ValidationError(_("{source}: {file} holds a number too long to be a value.").format(
            source=source.name, file=JSON_NAME)) from None
    except RecursionError:
        raise ValidationError(_("{source}: {file} holds lists or records nested too deep.").format(
            source=source.name, file=JSON_NAME)) from None
    return everything_service.load_everything(db, data=data, source=source.name)
