"""Writing one person's data to files: JSON for machines, PDF for the person."""

from __future__ import annotations

import json
import os
from pathlib import Path

from relationapp.data.db import Database
from relationapp.services.privacy import person_data
from relationapp.services.settings import get_settings


def export_person(db: Database, *, person_id: int, out: str | Path, pdf: str | Path | None = None) -> list[Path]:
    """Everything we hold on the person as JSON at ``out`` (and a readable PDF); files are 0600."""
    data = person_data(db, person_id=person_id)
    out = Path(out)
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(fd, "w", encoding="utf-8") as fh:
        json.dump(data.as_json(), fh, ensure_ascii=False, indent=2)
    written = [out]
    if pdf is not None:
        from relationapp.reports.layout import write_atomically
        from relationapp.reports.privacy_pdf import render_person_data

        path = write_atomically(pdf, render_person_data(data, settings=get_settings(db)))
        os.chmod(path, 0o600)
        written.append(path)
    return written
