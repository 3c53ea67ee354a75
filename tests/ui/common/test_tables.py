"""Tables stretch with their key column; widths and splitters are kept when the window is closed and opened."""

from PySide6.QtWidgets import QHeaderView, QSplitter

from relationapp.ui.common.tables import WIDEST, key_column


def open_window(ctx, qtbot):
    from relationapp.ui.shell.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_name_stretches_and_dates_and_amounts_are_never_cut(window, qtbot):
    window.resize(1366, 768)
    today = window.views["today"]
    qtbot.waitUntil(today.is_filled)
    for section in today.sections.values():
        table = section.table
        header = table.horizontalHeader()
        stretching = [c for c in range(header.count()) if header.sectionResizeMode(c) == QHeaderView.ResizeMode.Stretch]
        assert stretching in ([], [key_column(section.model)]), section.key  # none: too narrow, it scrolls
        for column in range(header.count()):
            if section.model.rows:  # the name too: never cut to make room
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


def test_a_narrow_table_keeps_the_names_whole_and_scrolls_then_stretches_when_wide(qtbot):
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from relationapp.ui.common.tables import fit_columns

    model = QStandardItemModel(0, 4)
    model.setHorizontalHeaderLabels(["Account", "City", "Manager", "Address"])
    for row in range(5):
        model.appendRow([QStandardItem(f"Van Leeuwen Tandartsen Holding {row}"), QStandardItem("Amersfoort"),
                         QStandardItem("Marieke Hoekstra"), QStandardItem("Laan van Meerdervoort 129, 2589 KH Den Haag")])
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    table.resize(420, 300)
    table.show()
    fit_columns(table, 0)
    header = table.horizontalHeader()
    whole = table.sizeHintForColumn(0)
    assert header.sectionSize(0) >= whole  # not "Van Leeuwen Tan..."
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Interactive
    table.resize(1600, 300)
    qtbot.waitUntil(lambda: header.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch)
    assert header.sectionSize(0) > whole  # the name takes the room left

