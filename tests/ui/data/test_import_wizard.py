"""The import wizard as a user goes through it: file, columns, preview with problems, import."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QWizard  # noqa: E402

from relationapp.ui.data.import_wizard import ImportWizard, PreviewModel  # noqa: E402
from tests.helpers import count  # noqa: E402


def _next_and_wait(qtbot, wizard, page):
    wizard.next()
    qtbot.waitUntil(lambda: page.isComplete() or "problem" in page.summary.text(), timeout=10000)


def test_preview_shows_every_problem_and_nothing_is_written_until_import(ctx, qtbot, tmp_path):
    f = tmp_path / "klanten.csv"
    f.write_bytes("Naam;E-mail;Plaats\nBakkerij;info@bakkerij.nl;Ede\nKapot;geen-adres;Ede\nSlager;;Wageningen\n".encode("cp1252"))
    wizard = ImportWizard(ctx, path=str(f), kind="accounts")
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.source.isComplete()
    wizard.next()
    assert wizard.currentId() == ImportWizard.COLUMNS
    assert wizard.columns.mapping() == {"Naam": "name", "E-mail": "email", "Plaats": "city"}
    wizard.next()
    page = wizard.preview_page
    qtbot.waitUntil(lambda: page.preview is not None, timeout=10000)
    qtmodel = page.model
    assert qtmodel.rowCount() == 3
    assert "geen-adres" in qtmodel.index(1, 1).data()
    assert qtmodel.index(0, 1).data() == ""
    assert sorted(qtmodel.index(2, c).data() for c in range(2, 5)) == ["", "Slager", "Wageningen"]  # its cells
    assert page.problem_list.count() == 1 and "klanten.csv row 3" in page.problem_list.item(0).text()
    button = wizard.button(QWizard.WizardButton.CommitButton)
    assert button.text() == "Import the 2 good rows"  # the bad row is left out only when the user says so
    assert count(ctx.db, "account") == 0
    button.click()
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.DONE, timeout=10000)
    assert count(ctx.db, "account") == 2
    assert "2 accounts added" in wizard.done_page.text.text()
    wizard.grab().save(str(tmp_path / "done.png"))


def test_a_vcard_goes_straight_to_the_preview(ctx, qtbot, tmp_path):
    f = tmp_path / "c.vcf"
    f.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Zoë\nEND:VCARD\n", encoding="utf-8")
    wizard = ImportWizard(ctx, path=str(f))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentId() == ImportWizard.PREVIEW
    qtbot.waitUntil(lambda: wizard.preview_page.preview is not None, timeout=10000)
    assert wizard.preview_page.isComplete()
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.DONE, timeout=10000)
    assert count(ctx.db, "person") == 1


def test_a_file_without_a_name_column_asks_for_a_mapping(ctx, qtbot, tmp_path):
    f = tmp_path / "x.csv"
    f.write_text("Foo,Bar\n1,2\n", encoding="utf-8")
    wizard = ImportWizard(ctx, path=str(f), kind="accounts")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert not wizard.columns.isComplete()
    assert "Name" in wizard.columns.problem.text()
    wizard.columns._combos[0][1].setCurrentIndex(wizard.columns._combos[0][1].findData("name"))
    assert wizard.columns.isComplete()


def test_preview_model_passes_the_model_tester(ctx, qtmodeltester, tmp_path):
    from relationapp.exchange.csv_import import preview_csv

    f = tmp_path / "a.csv"
    f.write_text("Name,E-mail\nA,a@example.nl\nB,bad\n", encoding="utf-8")
    model = PreviewModel()
    model.set_csv(preview_csv(ctx.db, path=f, kind="accounts"))
    qtmodeltester.check(model)
