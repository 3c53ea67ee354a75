"""The main window: a sidebar of pages, the account page, menus and shortcuts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TR_NOOP, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from relationapp import __version__
from relationapp.errors import ConnectionLost
from relationapp.services.common.changes import Changes, Kind
from relationapp.ui.common import theme
from relationapp.ui.common.accessibility import name_unnamed_controls
from relationapp.ui.common.context import AppContext
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.icons import icon
from relationapp.ui.common.view_state import remember_splitter
from relationapp.ui.shell import pages, window_place

if TYPE_CHECKING:  # imported when the first account is opened: start-up shows Today
    from relationapp.ui.accounts.account_page import AccountPage

# menu key -> title; the keys are what pages.MENU_ACTIONS names
MENU_TITLES = {
    "File": QT_TR_NOOP("&File"),
    "Edit": QT_TR_NOOP("&Edit"),
    "Go": QT_TR_NOOP("&Go"),
    "Tools": QT_TR_NOOP("&Tools"),
    "Help": QT_TR_NOOP("&Help"),
}

# the icon of each sidebar page (pages.PAGES keys) and of the main actions (resources/icons names)
PAGE_ICONS = {
    "today": "sun", "accounts": "building-2", "people": "users", "relationships": "heart-handshake",
    "visits": "map-pin", "value": "gem", "leads": "sprout", "sync": "sync-arrows", "reports": "file-text",
    "settings": "settings",
}
ACTION_ICONS = {  # pages.MENU_ACTIONS targets
    "relationapp.ui.leads.lead_dialog:open_lead_dialog": "sprout",
    "relationapp.ui.today.today_view:export_calendar": "calendar-plus",
    "relationapp.ui.data.import_wizard:open_import_wizard": "upload",
    "relationapp.ui.mail.mail_import:choose_and_import": "mail",
    "relationapp.ui.data.data_actions:export_everything": "download",
    "relationapp.ui.data.data_actions:export_people_vcards": "download",
    "relationapp.ui.data.data_actions:backup_now": "archive",
    "relationapp.ui.data.data_actions:restore_from_backup": "history",
    "relationapp.ui.data.data_actions:find_duplicates": "copy",
    "relationapp.ui.data.data_actions:privacy_of_a_person": "shield-check",
    "relationapp.ui.mail.senders_dialog:open_senders": "inbox",
    "relationapp.ui.mail.background:check_mail_now": "mail",
}


class _Pages(dict):
    """The sidebar's views, each built the first time it is asked for (start-up builds only Today)."""

    def __init__(self, window: "MainWindow"):
        super().__init__()
        self.window = window

    def __missing__(self, key: str):
        entry = next(e for e in pages.PAGES if e.key == key)
        try:
            view = pages.load(entry.target)(self.window.ctx, self.window.stack)
        except ConnectionLost:  # a page first opened while the server is away: read-only, built once it is back
            self.window.ctx.lose_connection()
            view = WaitingForServer(self.window.stack)
        if view.layout() is not None:
            theme.page_layout(view.layout())  # one margin and spacing on every page
        self[key] = view
        self.window.stack.addWidget(view)
        return view

    def rebuild_waiting(self) -> str | None:
        """The server is back: forget the pages that waited for it (each is built when next shown); the key
        of the one on screen, to show it built."""
        shown = self.window.stack.currentWidget()
        on_screen = None
        for key, view in list(self.items()):
            if isinstance(view, WaitingForServer):
                on_screen = key if view is shown else on_screen
                del self[key]
                self.window.stack.removeWidget(view)
        return on_screen


class WaitingForServer(QWidget):
    """In place of a page that could not be read: the server did not answer when it was first opened."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.text = QLabel(tr("This page opens once the server answers again. "
                              "The window is read-only until then."), self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        theme.mark(self.text, "note")
        layout.addStretch(1)
        layout.addWidget(self.text)
        layout.addStretch(2)


class PageStack(QStackedWidget):
    """The pages, as small as the page shown allows: a page shown once (the widest, Leads) must not
    keep the window from fitting a small screen (200 % text) while another page is shown.

    Each page sits in a scroll area that lets it fill the window and scrolls it when the window is
    shorter than the page (960x540 logical pixels: a 1080p screen at 200 %), where Qt would otherwise
    squeeze its fields over one another. Callers see the pages themselves, never the scroll areas.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._holder: dict[int, QScrollArea] = {}  # id(page) -> its scroll area

    def addWidget(self, page: QWidget) -> int:
        holder = QScrollArea(self)
        holder.setFrameShape(QFrame.Shape.NoFrame)
        holder.setWidgetResizable(True)
        holder.setWidget(page)
        self._holder[id(page)] = holder
        return super().addWidget(holder)

    def removeWidget(self, page: QWidget) -> None:  # noqa: N802 - Qt's name
        """The page goes, with its scroll area."""
        holder = self._holder.pop(id(page), page)
        super().removeWidget(holder)
        holder.deleteLater()

    def widget(self, index: int) -> QWidget | None:
        holder = super().widget(index)
        return holder.widget() if isinstance(holder, QScrollArea) else holder

    def currentWidget(self) -> QWidget | None:
        return self.widget(self.currentIndex())

    def setCurrentWidget(self, page: QWidget) -> None:
        super().setCurrentWidget(self._holder.get(id(page), page))

    def indexOf(self, page: QWidget) -> int:
        return super().indexOf(self._holder.get(id(page), page))

    def sizeHint(self) -> QSize:
        page = self.currentWidget()
        return page.sizeHint() if page is not None else QSize(0, 0)

    def minimumSizeHint(self) -> QSize:
        # as wide as the page needs (no sideways scrolling), as short as the scroll area allows
        page = self.currentWidget()
        if page is None:
            return QSize(0, 0)
        return QSize(page.minimumSizeHint().width(), super().minimumSizeHint().height())


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(f"relationapp — {ctx.settings.company_name}")
        self.sidebar = QListWidget(self)
        # focus by click only: a list taking focus selects its first row, which would leave an account page
        self.sidebar.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.sidebar.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 6px 8px; }")
        self.sidebar.setIconSize(QSize(18, 18))
        self.sidebar.setAccessibleName(tr("Pages"))
        self.stack = PageStack(self)
        # a page shown is named for screen readers where Qt cannot (tables and fields under a heading)
        self.stack.currentChanged.connect(lambda i: name_unnamed_controls(self.stack.widget(i)))
        self.views = _Pages(self)
        self._account_page: AccountPage | None = None
        self._history: list[tuple[str, int | None]] = []
        for entry in pages.PAGES:
            item = QListWidgetItem(icon(PAGE_ICONS.get(entry.key, "circle-help")), tr(entry.title), self.sidebar)
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
        # as wide as its longest title with its icon, in either language and at any font size
        # (a fixed 180 px cut "Customer value" off once the icons came)
        fitted = self.sidebar.sizeHintForColumn(0) + 2 * self.sidebar.frameWidth() + 4
        self.sidebar.setMinimumWidth(fitted)
        self.sidebar.setMaximumWidth(fitted + 40)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        splitter = QSplitter(self)
        splitter.addWidget(self.sidebar)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([fitted, 1050])
        remember_splitter(splitter, "main/sidebar")
        self.setCentralWidget(splitter)
        self.sidebar.currentRowChanged.connect(self._sidebar_changed)
        # clicking the highlighted page again leaves the account page for it
        self.sidebar.itemClicked.connect(lambda _item: self._sidebar_changed(self.sidebar.currentRow()))
        ctx.account_requested.connect(self.show_account)
        ctx.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        ctx.changed.connect(self._changed)
        self._build_menus()
        self._build_toolbar()
        self.offline_label = QLabel(tr("Read-only: lost the connection to the server"), self)
        self.offline_label.setTextFormat(Qt.TextFormat.PlainText)
        theme.mark(self.offline_label, "error")
        self.offline_label.hide()
        self.statusBar().addPermanentWidget(self.offline_label)
        ctx.connection_lost_changed.connect(self._connection_lost_changed)
        self.who_label = QLabel(self)  # who signed in here, kept in sight
        self.who_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.who_label)
        self._show_who()
        ctx.person_requested.connect(self.show_person)
        window_place.restore(self)
        self.show_page(pages.PAGES[0].key)
        from relationapp.ui.mail.background import MailSync

        self.mail_sync = MailSync(ctx, self)  # the watched IMAP folder, when Settings > Mail names one
        from relationapp.ui.sync.background import PhoneSync

        self.phone_sync = PhoneSync(ctx, self)  # the phone's contacts and calendars, once the Sync page sets them up
        self.setAcceptDrops(True)  # .eml and .mbox files, or a folder of them: logged as touches

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        window_place.remember(self)
        self.ctx.stop_probing()
        self.mail_sync.stop()
        self.phone_sync.stop()
        super().closeEvent(event)

    # --- mail dropped on the window (on an account page: for that account) ---------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        from relationapp.ui.mail.mail_import import mail_paths

        if not self.ctx.read_only and mail_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt's name
        from relationapp.ui.mail.mail_import import import_mail_files, mail_paths

        paths = [] if self.ctx.read_only else mail_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        import_mail_files(self.ctx, self, paths, account_id=self._current_account_id())

    @property
    def account_page(self) -> AccountPage:
        if self._account_page is None:  # built on first use, with all its tabs
            from relationapp.ui.accounts.account_page import AccountPage

            self._account_page = AccountPage(self.ctx, self.stack)
            theme.page_layout(self._account_page.layout())
            self.stack.addWidget(self._account_page)
        return self._account_page

    # --- navigation -----------------------------------------------------------
    def show_page(self, key: str) -> None:
        row = [e.key for e in pages.PAGES].index(key)
        if self.sidebar.currentRow() == row:
            self._sidebar_changed(row)
        else:
            self.sidebar.setCurrentRow(row)

    def current_page(self) -> str | None:
        item = self.sidebar.currentItem()
        if self._account_page is not None and self.stack.currentWidget() is self._account_page:
            return "account"
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _sidebar_changed(self, row: int) -> None:
        if row < 0:
            return
        key = pages.PAGES[row].key
        view = self.views[key]
        if self.stack.currentWidget() is view:
            return
        self._remember()
        self.stack.setCurrentWidget(view)

    def show_account(self, account_id: int) -> None:
        self._remember()
        self.account_page.set_account(account_id)
        self.stack.setCurrentWidget(self.account_page)
        self._clear_sidebar()

    def _clear_sidebar(self) -> None:
        """An account is no sidebar page: nothing there stays highlighted."""
        self.sidebar.blockSignals(True)
        self.sidebar.setCurrentRow(-1)
        self.sidebar.blockSignals(False)

    def _remember(self) -> None:
        current = self.stack.currentWidget()
        if self._account_page is not None and current is self._account_page and self._account_page.account is not None:
            self._history.append(("account", self.account_page.account.id))
        else:
            for key, view in self.views.items():
                if view is current:
                    self._history.append((key, None))
        del self._history[:-50]

    def go_back(self) -> None:
        if not self._history:
            return
        key, account_id = self._history.pop()
        if key == "account" and account_id is not None:
            self.account_page.set_account(account_id)
            self.stack.setCurrentWidget(self.account_page)
            self._clear_sidebar()
        else:
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentRow([e.key for e in pages.PAGES].index(key))
            self.sidebar.blockSignals(False)
            self.stack.setCurrentWidget(self.views[key])

    def _changed(self, changes: Changes) -> None:
        # each page listens itself (ui.common.page); the window only keeps its title
        if changes.touches(Kind.SETTINGS):
            self.setWindowTitle(f"relationapp — {self.ctx.settings.company_name}")
            theme.use(self.ctx.settings.appearance)  # Settings > General > Appearance, at once

    def _build_toolbar(self) -> None:
        from relationapp.ui.shell.global_search import GlobalSearch

        toolbar = self.addToolBar(tr("Search"))
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setIconSize(QSize(18, 18))
        self.search_box = GlobalSearch(self.ctx, toolbar)
        toolbar.addWidget(self.search_box)
        # the menus' own actions (one action, one shortcut), with a short text beside the icon
        for action, text in ((self.log_action, tr("Log interaction")), (self.new_account_action, tr("New account")),
                             (self._menu_actions["relationapp.ui.data.import_wizard:open_import_wizard"], tr("Import")),
                             (self._menu_actions["relationapp.ui.data.data_actions:export_everything"], tr("Export")),
                             (self._page_actions["reports"], tr("Reports"))):
            action.setIconText(text)
            toolbar.addAction(action)

    def show_person(self, person_id: int) -> None:
        from relationapp.ui.people.person_dialog import PersonDialog

        PersonDialog(self.ctx, person_id=person_id, parent=self).exec()

    # --- menus ------------------------------------------------------------------
    def _action(self, menu, title: str, slot, shortcut: str | QKeySequence.StandardKey | None = None,
                icon_name: str | None = None) -> QAction:
        action = QAction(title, self)
        if icon_name is not None:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.menus = {name: bar.addMenu(tr(title)) for name, title in MENU_TITLES.items()}
        file_menu, edit, go, help_menu = self.menus["File"], self.menus["Edit"], self.menus["Go"], self.menus["Help"]
        self.log_action = self._action(file_menu, tr("&Log interaction…"), self.log_interaction, "Ctrl+L", "message-square-plus")
        self.new_account_action = self._action(file_menu, tr("New &account…"), self.new_account,
                                               QKeySequence.StandardKey.New, "building")
        self.new_person_action = self._action(file_menu, tr("New &person…"), self.new_person, "Ctrl+Shift+N", "user-plus")
        self.new_follow_up_action = self._action(file_menu, tr("New &follow-up…"), self.new_follow_up, "Ctrl+Shift+F",
                                                 "bell-plus")
        file_menu.addSeparator()
        self._extra_separator = file_menu.addSeparator()
        self.switch_user_action = self._action(file_menu, tr("Sign &out / switch user…"), self.switch_user)
        self._action(file_menu, tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, "log-out")
        self.undo_action = self._action(edit, tr("&Undo"), self.ctx.undo, QKeySequence.StandardKey.Undo, "undo-2")
        self.undo_action.setEnabled(False)
        self.ctx.undo_changed.connect(self._undo_changed)
        edit.addSeparator()
        self._action(edit, tr("&Find in list"), self.focus_search, QKeySequence.StandardKey.Find, "search")
        self._action(edit, tr("Find &anyone"), lambda: (self.search_box.setFocus(), self.search_box.selectAll()), "Ctrl+K")
        self._action(edit, tr("&Settings"), self.open_settings, "Ctrl+,", "settings")
        self._page_actions = {
            entry.key: self._action(go, tr(entry.title), lambda key=entry.key: self.show_page(key), entry.shortcut,
                                    PAGE_ICONS.get(entry.key))
            for entry in pages.PAGES
        }
        go.addSeparator()
        self._action(go, tr("&Back"), self.go_back, "Alt+Left", "arrow-left")
        self._action(help_menu, tr("&About relationapp"), self.about)
        self._menu_actions: dict[str, QAction] = {}
        for entry in pages.MENU_ACTIONS:
            menu = self.menus.get(entry.menu, self.menus["Tools"])
            # each module imported when its entry is chosen: a dozen dialogs' imports kept out of the start-up
            action = self._action(menu, tr(entry.title), lambda t=entry.target: pages.load(t)(self.ctx, self),
                                  entry.shortcut, ACTION_ICONS.get(entry.target))
            self._menu_actions[entry.target] = action
            if menu is file_menu:  # above Quit, not below it
                menu.insertAction(self._extra_separator, action)

    def _undo_changed(self, label: str) -> None:
        self.undo_action.setEnabled(bool(label))
        self.undo_action.setText(tr("&Undo {action}").format(action=label.lower()) if label else tr("&Undo"))

    # --- actions ----------------------------------------------------------------
    def _current_account_id(self) -> int | None:
        page = self._account_page
        if page is not None and self.stack.currentWidget() is page and page.account is not None:
            return page.account.id
        return None

    def log_interaction(self, account_id: int | None = None) -> None:
        from relationapp.ui.touches.log_interaction import LogInteractionDialog

        LogInteractionDialog(self.ctx, account_id or self._current_account_id(), parent=self).exec()

    def new_account(self) -> None:
        from relationapp.ui.accounts.account_dialog import AccountDialog

        dialog = AccountDialog(self.ctx, parent=self)
        if dialog.exec():
            self.show_account(dialog.result_value.id)

    def new_person(self) -> None:
        from relationapp.ui.people.person_dialog import PersonDialog

        PersonDialog(self.ctx, account_id=self._current_account_id(), parent=self).exec()

    def new_follow_up(self) -> None:
        from relationapp.ui.touches.follow_up_dialog import FollowUpDialog

        FollowUpDialog(self.ctx, self._current_account_id(), parent=self).exec()

    def focus_search(self) -> None:
        view = self.stack.currentWidget()
        if not hasattr(view, "focus_search"):
            self.show_page("accounts")
            view = self.views["accounts"]
        if hasattr(view, "focus_search"):
            view.focus_search()

    def _connection_lost_changed(self, lost: bool) -> None:
        """Read-only while the server does not answer: the new-record actions off, a line in the status bar
        (and a dialog, unless the refusal of the save that noticed it said so already)."""
        for action in (self.log_action, self.new_account_action, self.new_person_action, self.new_follow_up_action):
            action.setEnabled(not lost)
        self.offline_label.setVisible(lost)
        if not lost:
            shown = self.views.rebuild_waiting()
            if shown is not None:
                self.stack.setCurrentWidget(self.views[shown])
        if lost and not self.ctx.connection_lost_told:
            from relationapp.ui.common import messages

            messages.warn(self, tr("Lost the connection"),
                          tr("Lost the connection to the server; the window is read-only until it returns."))

    def _show_who(self) -> None:
        from relationapp.services.customers.staff import current_staff

        me = current_staff(self.ctx.db) if self.ctx.signed_in else None
        self.who_label.setText(tr("Signed in: {name}").format(name=me.name) if me else "")
        self.who_label.setVisible(me is not None)

    def switch_user(self) -> None:
        """Sign out, and whoever signs in next is this window's "I am"; Esc (Quit) closes the window."""
        from relationapp.services.customers import sign_in as sign_in_service
        from relationapp.ui.common import messages
        from relationapp.ui.shell.sign_in import sign_in_if_asked

        if not sign_in_service.has_passwords(self.ctx.db):
            messages.inform(self, tr("Nobody signs in"),
                            tr("No staff member has a password, so nobody signs in: “I am” in the settings says who "
                               "you are. Give staff members a password (Settings > Staff > Password…) to sign in."))
            return
        sign_in_service.sign_out(self.ctx.db)
        if not sign_in_if_asked(self.ctx.db, self):
            self.close()
            return
        self._show_who()
        self.ctx.broadcast(Changes.of(Kind.STAFF, Kind.SETTINGS))  # "my" lists follow whoever signed in

    def open_settings(self) -> None:
        """Ctrl+, shows the Settings page: the settings live in one place."""
        self.show_page("settings")

    def about(self) -> None:
        db = self.ctx.db.path or self.ctx.db.url
        box = QMessageBox(self)
        box.setWindowTitle(tr("About relationapp"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            tr("relationapp {version}\nLeads are people; existing customers come first.\n\nDatabase: {path}").format(
                version=__version__, path=db
            )
        )
        box.exec()
