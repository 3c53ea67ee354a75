"""The import wizard with a file that has bad rows: every problem listed, "Import the N good rows", Cancel."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QWizard  # noqa: E402

from relationapp.ui.data.import_wizard import ImportWizard  # noqa: E402
from tests.helpers import count, rows  # noqa: E402

SAMPLES = Path(__file__).parents[2] / "exchange" / "samples"


def _to_preview(qtbot, wizard, preset: str | None = None):
    wizard.show()
    wizard.next()
    assert wizard.currentId() == ImportWizard.COLUMNS
    if preset:
        wizard.columns.preset.setCurrentIndex(wizard.columns.preset.findData(preset))
    assert wizard.columns.isComplete(), wizard.columns.problem.text()
    wizard.next()
    page = wizard.preview_page
    qtbot.waitUntil(lambda: page.preview is not None, timeout=10000)
    return page


def test_google_export_lists_the_bad_row_and_imports_the_others_when_asked(ctx, qtbot):
    wizard = ImportWizard(ctx, path=str(SAMPLES / "google_contacts.csv"), kind="people")
    qtbot.addWidget(wizard)
    page = _to_preview(qtbot, wizard, "google")
    # every phone column and the web page are imported, each kept with its type
    assert list(wizard.columns.mapping().values()).count("phone") == 3
    assert wizard.columns.mapping()["Website 1 - Value"] == "website"
    assert page.problem_list.isVisibleTo(page)
    assert [page.problem_list.item(i).text() for i in range(page.problem_list.count())] == [
        "google_contacts.csv row 4: E-mail 1 - Value: 'kees@@bakker' is not a valid e-mail address."]
    assert "E-mail 1 - Value: 'kees@@bakker'" in page.model.index(2, 1).data()  # the row's column says which field
    assert "3 good rows" in page.summary.text()
    button = wizard.button(QWizard.WizardButton.CommitButton)
    assert button.text() == "Import the 3 good rows" and button.isEnabled()
    assert count(ctx.db, "person") == 0  # nothing written before the user presses it
    button.click()
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.DONE, timeout=10000)
    assert rows(ctx.db, "SELECT name, phone FROM person ORDER BY name") == [
        ("Anouk Smit", "0318 12 34 56"), ("Piet de Boer", "06 2222 3333"), ("Zoë Çelik", "+31 6 1111 2222")]
    text = wizard.done_page.text.text()
    assert "3 people added" in text and "1 rows with problems were skipped" in text


def test_cancel_writes_nothing(ctx, qtbot):
    wizard = ImportWizard(ctx, path=str(SAMPLES / "outlook_semicolon_1252.csv"), kind="people")
    qtbot.addWidget(wizard)
    page = _to_preview(qtbot, wizard, "outlook")
    assert page.problem_list.count() == 1 and "Mobile Phone: 'geen nummer'" in page.problem_list.item(0).text()
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "Import the 2 good rows"
    wizard.button(QWizard.WizardButton.CancelButton).click()
    assert not wizard.isVisible()
    assert count(ctx.db, "person") == 0 and count(ctx.db, "account") == 0


def test_a_file_of_only_bad_rows_cannot_be_imported(ctx, qtbot, tmp_path):
    f = tmp_path / "slecht.csv"
    f.write_text("Naam;E-mail\nJan;jan@\nPiet;piet@@\n", encoding="utf-8")
    wizard = ImportWizard(ctx, path=str(f), kind="people")
    qtbot.addWidget(wizard)
    page = _to_preview(qtbot, wizard)
    assert page.problem_list.count() == 2
    assert "nothing can be imported" in page.summary.text()
    assert not page.isComplete()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()


def test_a_clean_file_says_import(ctx, qtbot):
    wizard = ImportWizard(ctx, path=str(SAMPLES / "excel_nl_accounts.csv"), kind="accounts")
    qtbot.addWidget(wizard)
    page = _to_preview(qtbot, wizard)
    assert not page.problem_list.isVisibleTo(page)
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "Import"
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.DONE, timeout=10000)
    assert count(ctx.db, "account") == 3
