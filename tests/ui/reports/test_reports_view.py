"""The Reports page and "Print review" on the account page."""

from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QPushButton

from relationapp.reports.reporting import data as report_data
from relationapp.services.value.quarters import parse


@pytest.fixture
def opened(monkeypatch):
    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(Path(url.toLocalFile())) or True)
    return urls


def test_reports_page_writes_the_batch_with_progress_and_opens_the_folder(demo_ctx, qtbot, tmp_path, opened):
    from relationapp.ui.reports.reports_view import ReportsView

    view = ReportsView(demo_ctx)
    qtbot.addWidget(view)
    assert view.quarter.count() == 12 and view.quarter.currentIndex() == 1  # the last completed quarter
    assert view.quarter.currentText() != view.quarter.currentData()  # the quarter in words, "2026Q3" as data
    view.quarter.setCurrentIndex(view.quarter.findData("2026Q3"))
    view.scope.setCurrentIndex(view.scope.findData("tiers"))
    for tier, box in view.tier_boxes.items():
        box.setChecked(tier == "top")
    view.folder.setText(str(tmp_path / "out"))
    seen = []
    view.run_button.click()
    assert view.run is not None and view.cancel_button.isEnabled() and not view.run_button.isEnabled()
    view.run.progress.connect(lambda done, total, name: seen.append((done, total)))
    qtbot.waitUntil(lambda: view.run is None, timeout=120000)
    tops = [a for a, t in report_data.quarter_context(demo_ctx.db, quarter=parse("2026Q3")).tiers.items() if t == "top"]
    files = sorted((tmp_path / "out").iterdir())
    assert len(files) == len(tops) + 1  # + the portfolio report
    assert view.progress.value() == view.progress.maximum() == len(files)
    assert opened == [tmp_path / "out"]
    assert "written" in view.status.text()


def test_one_account_scope_opens_the_pdf_and_unknown_account_is_shown(demo_ctx, qtbot, tmp_path, opened):
    from relationapp.ui.reports.reports_view import ReportsView

    view = ReportsView(demo_ctx)
    qtbot.addWidget(view)
    view.scope.setCurrentIndex(view.scope.findData("account"))
    view.account.setText("No Such Firm")
    view.run_button.click()
    assert view.run is None and "No account called" in view.status.text()
    view.account.setText("1")
    view.with_portfolio.setChecked(False)
    view.folder.setText(str(tmp_path))
    view.run_button.click()
    qtbot.waitUntil(lambda: view.run is None, timeout=60000)
    assert len(opened) == 1 and opened[0].suffix == ".pdf" and opened[0].exists()


def test_cancel_stops_the_batch(demo_ctx, qtbot, tmp_path, opened):
    from relationapp.ui.reports.reports_view import ReportsView

    view = ReportsView(demo_ctx)
    qtbot.addWidget(view)
    view.folder.setText(str(tmp_path / "all"))
    view.run_button.click()
    view.cancel_button.click()
    qtbot.waitUntil(lambda: view.run is None, timeout=120000)
    assert view.result.cancelled
    assert len(list((tmp_path / "all").iterdir())) < view.result.total
    assert opened == []  # a cancelled batch is not opened by itself
    assert view.open_button.isEnabled() == bool(list((tmp_path / "all").iterdir()))


def test_print_review_from_the_account_page(demo_ctx, qtbot, opened, monkeypatch):
    from relationapp.ui.accounts.account_page import AccountPage
    from relationapp.ui.reports import reports_view

    page = AccountPage(demo_ctx)
    qtbot.addWidget(page)
    page.set_account(1)
    button = next(b for b in page.findChildren(QPushButton) if b.text() == "Print review…")

    def accept(dialog):
        dialog.quarter.setCurrentIndex(dialog.quarter.findData("2026Q3"))
        dialog.audience.setCurrentIndex(dialog.audience.findData("client"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(reports_view.PrintReviewDialog, "exec", accept)
    button.click()
    qtbot.waitUntil(lambda: bool(opened), timeout=60000)
    from relationapp.reports.reporting.file_names import formatter_for, review_file_name
    from relationapp.services.customers.accounts import get_account

    name = get_account(demo_ctx.db, account_id=1).name
    # the same name the command line gives by default; the client's copy carries no "internal"
    assert opened[0].name == review_file_name(formatter_for(demo_ctx.db), parse("2026Q3"), name, audience="client")
    assert opened[0].name.startswith("Relatiereview ") and opened[0].name.endswith(" 3e kwartaal 2026.pdf")
    assert opened[0].read_bytes().startswith(b"%PDF")
