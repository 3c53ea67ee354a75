"""Tables stretch with their key column; widths and splitters are kept when the window is closed and opened."""

from PySide6.QtWidgets import QHeaderView, QSplitter

from relationapp.ui.common.tables import WIDEST


def open_window(ctx, qtbot):
    from relationapp.ui.shell.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_name_stretches_and_dates_and_amounts_are_never_cut(window, qtbot):
    today = window.views["today"]
    qtbot.waitUntil(today.is_filled)
    for section in today.sections.values():
        table = section.table
        header = table.horizontalHeader()
        stretching = [c for c in range(header.count()) if header.sectionResizeMode(c) == QHeaderView.ResizeMode.Stretch]
        assert len(stretching) == 1, section.key
        for column in range(header.count()):
            if column not in stretching and section.model.rows:
                assert header.sectionSize(column) >= min(table.sizeHintForColumn(column), WIDEST), (section.key, column)
    window.show_page("accounts")
    accounts = window.views["accounts"].table.horizontalHeader()
    assert accounts.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch  # the account's name


def test_column_widths_and_splitters_survive_closing_the_window(demo_ctx, qtbot):
    first = open_window(demo_ctx, qtbot)
    first.show_page("accounts")
    header = first.views["accounts"].table.horizontalHeader()
    header.resizeSection(2, 233)  # as a user drags the column's edge
    splitter = first.centralWidget()
    assert isinstance(splitter, QSplitter)
    sidebar = splitter.sizes()[0] + 37
    splitter.setSizes([sidebar, 1366 - sidebar])
    splitter.splitterMoved.emit(sidebar, 1)  # as a user drags it
    first.close()

    second = open_window(demo_ctx, qtbot)
    second.show_page("accounts")
    assert second.views["accounts"].table.horizontalHeader().sectionSize(2) == 233
    assert second.centralWidget().sizes()[0] == sidebar
