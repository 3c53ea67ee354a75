"""Writing one person's data to files: JSON for machines, PDF for the person."""

from __future__ import annotations

import json
import os
from pathlib import Path

from relationapp.data.db import Database
from relationapp.services.common.settings import get_settings
from relationapp.services.data_care.privacy import person_data


def export_person(db: Database, *, person_id: int, out: str | Path, pdf: str | Path | None = None) -> list[Path]:
    """Everything we hold on the person as JSON at ``out`` (and a readable PDF); files are 0600."""
    from relationapp.reports.common.layout import (
        write_atomically,  # whole files or none (mkstemp: 0600)
    )

    data = person_data(db, person_id=person_id)
    text = json.dumps(data.as_json(), ensure_ascii=False, indent=2)
    written = [write_atomically(out, text.encode("utf-8"))]
    if pdf is not None:
        from relationapp.reports.data_care.privacy_pdf import render_person_data

        written.append(write_atomically(pdf, render_person_data(data, settings=get_settings(db))))
    for path in written:
        os.chmod(path, 0o600)
    return written
