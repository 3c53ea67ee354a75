"""Today: the customers who need you (ranked by value at stake), follow-ups due,
personal dates coming up, then the prospects in focus and the content due to
be sent (nurturing), each row one key or click away from its next action.

Keys in a list: Enter or O opens the account, L logs a touch, S snoozes,
F makes a follow-up, D marks done (a follow-up; content: sent; elsewhere: a
quick logged call or card for today), K opens a content's link.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QT_TR_NOOP,
    QEvent,
    QObject,
    QPoint,
    QRectF,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QScrollArea,
    QStyle,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from relationapp.errors import ServiceError
from relationapp.services.common.changes import Kind
from relationapp.services.customers.staff import current_staff, list_staff
from relationapp.services.data_care.demo import holds_data
from relationapp.services.leads import nurture
from relationapp.services.leads.content import CONTENT_KIND_LABELS
from relationapp.services.relationships.ambassadors import ambassador_person_ids
from relationapp.services.today import attention
from relationapp.services.today.attention_balance import attention_balance
from relationapp.services.touches import follow_ups as follow_up_service
from relationapp.services.touches import interactions as interaction_service
from relationapp.services.value.pyramid import current_tiers
from relationapp.services.visits.visits import planned_visits
from relationapp.text import formatting
from relationapp.ui.common import theme, view_state
from relationapp.ui.common.accessibility import NamesItsControls
from relationapp.ui.common import messages
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.page import Page
from relationapp.ui.common.staff_choice import StaffChoice
from relationapp.ui.common.widgets import DateField, plain_label
from relationapp.ui.lists.lazy_model import Column
from relationapp.ui.lists.rows_model import RowsModel, with_tooltip
from relationapp.ui.relationships.referral_widgets import (
    ambassador_column,
    thank_referrer_for,
)
from relationapp.ui.relationships.relationship_tabs import money_column, small_table
from relationapp.ui.today.welcome import Welcome
from relationapp.ui.touches.follow_up_dialog import FollowUpDialog

CHANGES = (Kind.INTERACTIONS, Kind.FOLLOW_UPS, Kind.ACCOUNTS, Kind.PEOPLE, Kind.ORDERS, Kind.SETTINGS, Kind.IMPORTANT_DATES,
           Kind.VISITS, Kind.LEADS, Kind.STAFF)
DAY_CHECK_MS = 60 * 60 * 1000  # once an hour: has the day changed while the app ran?
VISITS_SHOWN = 5  # on the visits line; the Visits page has them all


def _reason(item) -> str:
    """The service words a row's reason in the user's language (relationapp.text.catalogue)."""
    return item.reason


def _days(n: int) -> str:
    if n == 0:
        return tr("today")
    return tr("in 1 day") if n == 1 else tr("in {count} days").format(count=n)




REVENUE_TIP = QT_TR_NOOP("Revenue of the last 12 months")
VALUE_AT_STAKE_TIP = QT_TR_NOOP("12 months' revenue × days overdue ÷ cadence days; "
                                "for an account that dropped a tier, the revenue it lost")


def _section_columns(ctx) -> dict[str, list[Column]]:
    return {
        "attention": [
            Column(QT_TR_NOOP("Account"), lambda r: r.account),
            Column(QT_TR_NOOP("Why"), _reason),
            Column(QT_TR_NOOP("Days overdue"), lambda r: r.days_overdue, align_right=True),
            with_tooltip(money_column(QT_TR_NOOP("Revenue 12 m"), lambda r: r.revenue_12m, ctx), REVENUE_TIP),
            with_tooltip(money_column(QT_TR_NOOP("Value at stake"), lambda r: r.value, ctx), VALUE_AT_STAKE_TIP),
        ],
        "follow_ups": [
            Column(QT_TR_NOOP("Due"), lambda r: formatting.current().date(r.due_on)),
            Column(QT_TR_NOOP("What"), lambda r: r.title),
            Column(QT_TR_NOOP("With"), lambda r: ", ".join(p for p in (r.person, r.account) if p)),
            Column(QT_TR_NOOP("Days overdue"), lambda r: r.days_overdue, align_right=True),
            with_tooltip(money_column(QT_TR_NOOP("Revenue 12 m"), lambda r: r.value, ctx), REVENUE_TIP),
            ambassador_column(ctx),
        ],
        "coming_up": [
            Column(QT_TR_NOOP("Date"), lambda r: formatting.current().weekday_date(r.on)),
            Column(QT_TR_NOOP("When"), lambda r: _days(r.days_away)),
            Column(QT_TR_NOOP("What"), _reason),
            Column(QT_TR_NOOP("Account"), lambda r: r.account or ""),
            ambassador_column(ctx),
        ],
        "prospects": [
            Column(QT_TR_NOOP("Account"), lambda r: r.account),
            Column(QT_TR_NOOP("Why"), _reason),
            Column(QT_TR_NOOP("Days overdue"), lambda r: r.days_overdue, align_right=True),
        ],
        "content": [
            Column(QT_TR_NOOP("Person"), lambda r: r.person),
            Column(QT_TR_NOOP("Account"), lambda r: r.account),
            Column(QT_TR_NOOP("Content"), lambda r: r.title),
            Column(QT_TR_NOOP("Kind"), lambda r: tr(CONTENT_KIND_LABELS.get(r.kind, r.kind))),
            Column(QT_TR_NOOP("Due"), lambda r: formatting.current().date(r.due_on)),
        ],
    }


class PlanContactDialog(FollowUpDialog):
    """A follow-up made for an overdue account: it leaves "Needs attention" until then."""

    def save(self):
        result = attention.plan_contact(self.ctx.db, account_id=self.account.account_id(), title=self.title.text(),
                                        due_on=self.due.value(), notes=self.notes.toPlainText())
        return result


class PickDateDialog(NamesItsControls, QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Snooze until"))
        layout = QVBoxLayout(self)
        self.date = DateField(dt.date.today() + dt.timedelta(days=3), self)
        layout.addWidget(self.date)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class BalanceBar(QWidget):
    """Where the hours of the last 90 days went: customers by tier, then prospects."""

    COLOURS = {"top": "#1b5e20", "big": "#2e7d32", "medium": "#43a047", "small": "#81c784",
               "inactive": "#bdbdbd", "prospects": "#ef6c00", "other": "#9e9e9e"}

    def __init__(self, parent=None):
        super().__init__(parent)
        self.balance = None
        self.setMinimumHeight(12)
        self.setMaximumHeight(14)
        self.setAccessibleName(tr("Attention balance"))

    def sizeHint(self) -> QSize:
        return QSize(300, 14)

    def set_balance(self, balance) -> None:
        self.balance = balance
        lines = [tr("{group}: {hours} h").format(group=tr(g.label), hours=formatting.current().number(g.hours, digits=1)) + (f" ({formatting.current().share(g.share)})" if g.share is not None else "")
                 for g in balance.groups if g.hours]
        self.setToolTip("\n".join(lines) or tr("No time logged in the last 90 days"))
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), theme.accent("track"))
        if self.balance is None or not self.balance.total_hours:
            return
        x = 0.0
        total = float(self.balance.total_hours)
        for group in self.balance.groups:
            width = self.width() * float(group.hours) / total
            painter.fillRect(QRectF(x, 0, width, self.height()), QColor(self.COLOURS[group.group]))
            x += width


class DailyReminder(QObject):
    """A tray message summarising the day, on start and once each new day; nothing where no tray exists."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.announced: dt.date | None = None
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            icon = QApplication.windowIcon()
            if icon.isNull():
                icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip("relationapp")
            self.tray.activated.connect(self._raise_window)
            self.tray.show()

    def announce(self, agenda: attention.Agenda) -> bool:
        if self.tray is None or self.announced == agenda.today:
            return False
        self.announced = agenda.today
        self.tray.showMessage(tr("relationapp: today"), attention.summary_line(agenda),
                              QSystemTrayIcon.MessageIcon.Information, 10000)
        return True

    def _raise_window(self, _reason) -> None:
        window = self.parent().window() if isinstance(self.parent(), QWidget) else None
        if window is not None:
            window.showNormal()
            window.raise_()
            window.activateWindow()


class _Keys(QObject):
    """Letter keys in a list run the row's actions."""

    def __init__(self, view: "TodayView", section: str):
        super().__init__(view)
        self.view = view
        self.section = section

    def eventFilter(self, obj, event) -> bool:
        if event.type() != QEvent.Type.KeyPress or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        action = {Qt.Key.Key_Return: "open", Qt.Key.Key_Enter: "open", Qt.Key.Key_O: "open", Qt.Key.Key_L: "log",
                  Qt.Key.Key_S: "snooze", Qt.Key.Key_F: "follow_up", Qt.Key.Key_D: "done",
                  Qt.Key.Key_K: "link"}.get(event.key())
        if action is None:
            return False
        self.view.act(self.section, action)
        return True


class _Section(QWidget):
    def __init__(self, view: "TodayView", key: str, title: str, columns: list[Column], actions: list[tuple[str, str, str]]):
        super().__init__(view)
        self.key = key
        self.title = title
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, theme.SPACE_M, 0, 0)
        layout.setSpacing(theme.SPACE_S)
        # the heading folds the section away (and back); each section remembers it on this computer
        self.heading = QToolButton(self)
        self.heading.setText(title)
        self.heading.setCheckable(True)
        self.heading.setAutoRaise(True)
        self.heading.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.heading.setToolTip(tr("Fold or unfold this list"))
        theme.mark(self.heading, "heading")
        layout.addWidget(self.heading)
        self.model = RowsModel(columns, self)
        self.table = small_table(self.model)
        self.table.setAccessibleName(title)
        # the page scrolls, not the list: the table is as tall as its rows
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # the row in a list without focus is marked softly: one strong highlight on the page
        self.table.setStyleSheet("QTableView:!focus { selection-background-color: palette(midlight); selection-color: palette(text); }")
        self.table.doubleClicked.connect(lambda _index: view.act(key, "open"))
        self.table.installEventFilter(_Keys(view, key))
        self.body = QWidget(self)
        body_layout = theme.tight(QVBoxLayout(self.body))
        body_layout.addWidget(self.table)
        bar = QHBoxLayout()
        self.buttons: dict[str, QWidget] = {}
        for action, text, tip in actions:
            if action == "snooze":
                button = QToolButton(self)
                button.setText(text)
                button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
                button.setMenu(view.snooze_menu(key, button))
            else:
                button = QPushButton(text, self)
                button.clicked.connect(lambda _c=False, a=action: view.act(key, a))
            button.setToolTip(tip)
            bar.addWidget(button)
            self.buttons[action] = button
        bar.addStretch(1)
        self.empty = plain_label("", self)
        bar.addWidget(self.empty)
        body_layout.addLayout(bar)
        layout.addWidget(self.body)
        folded = view_state.read(f"today/folded/{key}") in (True, "true")
        self.heading.setChecked(not folded)
        self._show_folded(not folded)
        self.heading.toggled.connect(self.set_unfolded)

    def set_unfolded(self, unfolded: bool) -> None:
        self.heading.setChecked(unfolded)
        self._show_folded(unfolded)
        view_state.write(f"today/folded/{self.key}", not unfolded)

    def _show_folded(self, unfolded: bool) -> None:
        self.body.setVisible(unfolded)
        self.heading.setArrowType(Qt.ArrowType.DownArrow if unfolded else Qt.ArrowType.RightArrow)

    def folded(self) -> bool:
        return not self.body.isVisibleTo(self)

    def set_rows(self, rows, total: int, empty_text: str) -> None:
        self.model.set_rows(list(rows))
        shown = formatting.current().number(total) if total == len(rows) else tr("{shown} of {total}").format(shown=formatting.current().number(len(rows)), total=formatting.current().number(total))
        self.heading.setText(f"{self.title} ({shown})")
        more = total - len(rows)  # the agenda brings the first rows only, and how many there are in all
        self.empty.setText(empty_text if not rows else tr("and {count} more").format(count=formatting.current().number(more)) if more > 0 else "")
        for button in self.buttons.values():
            button.setEnabled(bool(rows))
        if rows:
            self.table.selectRow(0)
        visible = max(len(rows), 1)  # every row the agenda brought: the page scrolls, not the list
        header = self.table.horizontalHeader().sizeHint().height()
        rows_height = visible * self.table.verticalHeader().defaultSectionSize()
        self.table.setFixedHeight(header + rows_height + 2 * self.table.frameWidth())

    def current(self):
        index = self.table.currentIndex()
        return self.model.row_object(index.row()) if index.isValid() else None


class TodayView(Page, QWidget):
    CHANGES = CHANGES
    LIMIT = attention.DEFAULT_LIMIT  # rows per list; the heading says how many there are in all

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.agenda: attention.Agenda | None = None
        self.visits: list = []  # the visits planned for today (visits.Stop)
        self._loading = False
        self._again = False
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.day_label = plain_label("", self)
        theme.mark(self.day_label, "title")
        top.addWidget(self.day_label, 1)
        # whose Today: one's own ("I am") once the first agenda has read the staff; everyone's one choice away
        self.whose = StaffChoice(tr("Everyone's Today"), self)
        self.whose.setAccessibleName(tr("Whose Today"))
        self.whose.hide()
        self.whose.currentIndexChanged.connect(lambda _i: self.refresh())
        top.addWidget(self.whose)
        outer.addLayout(top)
        self.summary = plain_label(tr("Loading…"), self)
        outer.addWidget(self.summary)
        self.welcome = Welcome(ctx, self)
        self.welcome.hide()
        outer.addWidget(self.welcome)
        balance_row = QHBoxLayout()
        self.balance_bar = BalanceBar(self)
        self.balance_label = plain_label("", self)
        self.balance_title = plain_label(tr("Time, last 90 days:"), self)
        balance_row.addWidget(self.balance_title)
        balance_row.addWidget(self.balance_bar, 1)
        balance_row.addWidget(self.balance_label)
        outer.addLayout(balance_row)
        self.visits_label = plain_label("", self)
        self.visits_label.setAccessibleName(tr("Visits today"))
        self.visits_label.setWordWrap(True)
        self.visits_label.hide()
        outer.addWidget(self.visits_label)

        columns = _section_columns(ctx)
        self.sections = {
            "attention": _Section(self, "attention", tr("Needs attention"), columns["attention"], [
                ("log", tr("Log touch…"), tr("Log a touch with the log form (L)")),
                ("snooze", tr("Snooze"), tr("Put aside: 1 day, 1 week or a date you pick (S)")),
                ("follow_up", tr("Follow-up…"), tr("Plan the contact for a later day (F)")),
                ("done", tr("Called today"), tr("Log a call for today without a form (D)")),
                ("open", tr("Open account"), tr("Open the account (Enter)"))]),
            "follow_ups": _Section(self, "follow_ups", tr("Follow-ups due"), columns["follow_ups"], [
                ("done", tr("Done"), tr("Mark the follow-up done (D)")),
                ("snooze", tr("Snooze"), tr("1 day, 1 week or a date you pick (S)")),
                ("log", tr("Log touch…"), tr("Log an interaction with this account (L)")),
                ("follow_up", tr("Follow-up…"), tr("Make another follow-up (F)")),
                ("open", tr("Open account"), tr("Open the account (Enter)"))]),
            "coming_up": _Section(self, "coming_up", tr("Coming up"), columns["coming_up"], [
                ("log", tr("Log card or gift…"), tr("Log a card or a gift (L); gifts warn when given before")),
                ("done", tr("Card sent"), tr("Log a card sent today without a form (D)")),
                ("follow_up", tr("Follow-up…"), tr("Make a follow-up (F)")),
                ("open", tr("Open account"), tr("Open the account (Enter)"))]),
            "prospects": _Section(self, "prospects", tr("Prospects in focus"), columns["prospects"], [
                ("log", tr("Log touch…"), tr("Log an interaction (L)")),
                ("snooze", tr("Snooze"), tr("1 day, 1 week or a date you pick (S)")),
                ("follow_up", tr("Follow-up…"), tr("Plan the contact (F)")),
                ("open", tr("Open account"), tr("Open the account (Enter)"))]),
            "content": _Section(self, "content", tr("Content to send"), columns["content"], [
                ("done", tr("Sent"), tr("Log it as sent to this person today: a touch (D)")),
                ("link", tr("Open link"), tr("Open the content's link (K)")),
                ("open", tr("Open account"), tr("Open the account (Enter)"))]),
        }
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        for section in self.sections.values():
            body_layout.addWidget(section)
        body_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self.reminder = DailyReminder(self)
        self.day_timer = QTimer(self)
        self.day_timer.setInterval(DAY_CHECK_MS)
        self.day_timer.timeout.connect(self._check_day)
        self.day_timer.start()
        self.watch(ctx)
        self.refresh()

    # --- loading ----------------------------------------------------------------
    def is_filled(self) -> bool:
        """The lists show an agenda (the start-up benchmark waits for this)."""
        return self.agenda is not None and not self._loading

    def refresh(self) -> None:
        """Compute the agenda off the UI thread; the lists fill when it is ready, then the balance bar."""
        if self._loading:
            self._again = True
            return
        self._loading = True
        db, today, limit = self.ctx.db, dt.date.today(), self.LIMIT
        chosen = self.whose.currentData() if self.whose.count() else None
        first = self.whose.count() == 0

        def compute():
            staff, me = list_staff(db), current_staff(db)
            staff_id = (me.id if me else None) if first else chosen
            # the pyramid standing is cached in the database (pyramid.current_tiers): kept until orders change
            return (attention.agenda(db, today=today, limit=limit, staff_id=staff_id),
                    planned_visits(db, on=today, staff_id=staff_id),
                    ambassador_person_ids(db), holds_data(db), (staff, me, staff_id))

        self.ctx.tasks.run(compute, on_done=self._loaded, on_error=self._failed)

    def _loaded(self, result) -> None:
        if not isValid(self):  # the page was closed while the agenda was computed
            return
        self._loading = False
        agenda, self.visits, ambassadors, has_data, (staff, me, shown_for) = result
        self.whose.fill(staff, me=me)  # keeps the choice; the first time, or after "I am" changed, picks "I am"
        self.whose.setVisible(len(staff) > 1 or (me is None and bool(staff)))
        if self.whose.currentData() != shown_for:  # "I am" changed meanwhile: compute the new one's Today
            self._again = True
        self.welcome.setVisible(not has_data)
        for section in self.sections.values():  # five empty lists would only say the same again
            section.setVisible(has_data)
        for section in self.sections.values():  # the badge column reads these off the UI thread, not at first paint
            for column in section.model.columns:
                if getattr(column.value, "ids", False) is None:
                    column.value.ids = ambassadors
        if self._again:
            self._again = False
            self.refresh()
        focused = next((k for k, s in self.sections.items() if s.table.hasFocus()), None)
        self.agenda = agenda
        self.day_label.setText(formatting.current().long_date(agenda.today))
        self.summary.setText(attention.summary_line(agenda))
        self.sections["attention"].set_rows(agenda.needs_attention, agenda.needs_attention_total,
                                            tr("Every customer has been touched on time."))
        self.sections["follow_ups"].set_rows(agenda.follow_ups_due, agenda.follow_ups_due_total, tr("Nothing due."))
        self.sections["coming_up"].set_rows(agenda.coming_up, agenda.coming_up_total, tr("No personal dates in the coming days."))
        self.sections["prospects"].set_rows(agenda.prospects_in_focus, agenda.prospects_total, tr("No prospect in focus is waiting. Put a few leads in focus on the Leads page."))
        self.sections["content"].set_rows(agenda.content_to_send, len(agenda.content_to_send),
                                          tr("No content is due. Nurture tracks are on the Leads page."))
        self._show_visits()
        if focused is not None:
            self.sections[focused].table.setFocus()
        self.reminder.announce(agenda)
        db, today = self.ctx.db, agenda.today
        whose = next((member.name for member in staff if member.id == shown_for), None)
        self.balance_title.setText(tr("Time of {name}, last 90 days:").format(name=whose) if whose
                                   else tr("Time, last 90 days:"))
        self.ctx.tasks.run(lambda: attention_balance(db, today=today, tiers=current_tiers(db, as_of=today), staff_id=shown_for),
                           on_done=self._balance_loaded)

    def _show_visits(self) -> None:
        """One line, by time: "Visits today: 09:30 Bakkerij Vos (Piet), De Haan BV"; none, no line."""
        visits = sorted(self.visits, key=lambda stop: (stop.start_time is None, stop.start_time or dt.time(), stop.position))
        several = len({stop.staff for stop in visits}) > 1  # everyone's day: say whose stop it is
        stops = [(f"{stop.start_time:%H:%M} " if stop.start_time else "") + stop.account
                 + (f" ({stop.staff})" if several and stop.staff else "") for stop in visits[:VISITS_SHOWN]]
        more = len(visits) - len(stops)
        text = tr("Visits today ({count}): {stops} and {more} more") if more > 0 else tr("Visits today ({count}): {stops}")
        text = text.format(count=len(visits), stops=", ".join(stops), more=more)
        self.visits_label.setText(text if visits else "")
        self.visits_label.setVisible(bool(visits))

    def _balance_loaded(self, balance) -> None:
        if not isValid(self):
            return
        self.balance_bar.set_balance(balance)
        self.balance_label.setText(tr("{customers} h customers · {prospects} h prospects").format(
            customers=formatting.current().number(balance.customer_hours, digits=1),
            prospects=formatting.current().number(balance.prospect_hours, digits=1)))

    def _failed(self, exc) -> None:
        if not isValid(self):
            return
        self._loading = False
        self.summary.setText(tr("Today could not be computed: {error}").format(error=exc))

    def _check_day(self) -> None:
        if self.agenda is not None and self.agenda.today != dt.date.today():
            self.refresh()

    # --- actions ------------------------------------------------------------------
    def snooze_menu(self, section: str, parent) -> QMenu:
        menu = QMenu(parent)
        menu.addAction(tr("1 day"), lambda: self.snooze(section, dt.date.today() + dt.timedelta(days=1)))
        menu.addAction(tr("1 week"), lambda: self.snooze(section, dt.date.today() + dt.timedelta(days=7)))
        menu.addAction(tr("Pick a date…"), lambda: self.snooze(section, None))
        return menu

    def act(self, section: str, action: str) -> None:
        row = self.sections[section].current()
        if row is None:
            return
        if action == "open":
            if row.account_id is not None:
                self.ctx.open_account(row.account_id)
        elif action == "log":
            self.log_touch(section, row)
        elif action == "snooze" and section != "coming_up":
            table = self.sections[section].table
            rect = table.visualRect(table.currentIndex())
            self.snooze_menu(section, self).exec(table.viewport().mapToGlobal(QPoint(rect.left(), rect.bottom())))
        elif action == "follow_up" and section != "content":
            self.make_follow_up(section, row)
        elif action == "done" and section == "content":
            self.content_sent(row)
        elif action == "done":
            self.mark_done(section, row)
        elif action == "link" and getattr(row, "url", None):
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl(row.url))

    def content_sent(self, row) -> None:
        """One action: the touch, the record that this person has it, the track's next step."""
        sent = self.ctx.ops.run(self, lambda: nurture.log_sent(self.ctx.db, enrolment_id=row.enrolment_id,
                                                               person_id=row.person_id, today=dt.date.today()))
        if sent is not None:
            self.ctx.say(tr("Logged “{title}” as sent to {person}.").format(title=row.title, person=row.person))

    def log_touch(self, section: str, row) -> None:
        from relationapp.ui.touches.log_interaction import LogInteractionDialog

        kind = "card" if section == "coming_up" else "call"
        person_ids = [row.person_id] if getattr(row, "person_id", None) else []
        dialog = LogInteractionDialog(self.ctx, row.account_id, kind=kind, person_ids=person_ids, parent=self)
        dialog.exec()  # the service closes the account's planned contact with the touch

    def mark_done(self, section: str, row) -> None:
        if section == "follow_ups":
            if thank_referrer_for(self.ctx, self, row.follow_up_id):  # "Thank …": a card or gift, logged
                return
            self.ctx.ops.run(self, lambda: follow_up_service.complete_follow_up(
                self.ctx.db, follow_up_id=row.follow_up_id, done_on=dt.date.today()),
                undo=lambda: follow_up_service.reopen_follow_up(self.ctx.db, follow_up_id=row.follow_up_id),
                undo_label=tr("Follow-up done"))
            return
        if row.account_id is None:
            return
        kind = "card" if section == "coming_up" else "call"
        logged = self.ctx.ops.run(self, lambda: interaction_service.log_interaction(
            self.ctx.db, account_id=row.account_id, kind=kind, occurred_on=dt.date.today(),
            duration_minutes=15 if kind == "call" else 5,
            person_ids=[row.person_id] if getattr(row, "person_id", None) else [],
            subject=row.reason if section == "coming_up" else None))
        if logged is not None:  # the service closed the account's planned contact too
            self.ctx.push_undo(tr("Log card") if kind == "card" else tr("Log call"),
                               lambda: interaction_service.delete_interaction(self.ctx.db, interaction_id=logged.id))
            logged_text = tr("Logged a card with {account}.") if kind == "card" else tr("Logged a call with {account}.")
            self.ctx.say(logged_text.format(account=logged.account))

    def make_follow_up(self, section: str, row) -> None:
        due = dt.date.today() + dt.timedelta(days=7)
        if section in ("attention", "prospects"):
            PlanContactDialog(self.ctx, row.account_id, title=tr("Get in touch with {account}").format(account=row.account),
                              due_on=due, parent=self).exec()
        else:
            title = row.reason if section == "coming_up" else ""
            FollowUpDialog(self.ctx, row.account_id, title=title, due_on=due, parent=self).exec()

    def snooze(self, section: str, until: dt.date | None) -> None:
        row = self.sections[section].current()
        if row is None or section == "coming_up":
            return
        if until is None:
            picker = PickDateDialog(self)
            if not picker.exec():
                return
            until = picker.date.value()
        if section == "follow_ups":
            call = lambda: follow_up_service.snooze_follow_up(self.ctx.db, follow_up_id=row.follow_up_id, until=until)  # noqa: E731
        else:
            call = lambda: attention.snooze_account(self.ctx.db, account_id=row.account_id, until=until)  # noqa: E731
        if self.ctx.ops.run(self, call) is not None:
            self.ctx.say(tr("Snoozed until {date}.").format(date=formatting.current().date(until)))


def export_calendar(ctx, window) -> None:
    """File > Export calendar…: follow-ups, birthdays and anniversaries as an .ics file."""
    from relationapp.exchange.ics import export_calendar as write_calendar

    path, _ = QFileDialog.getSaveFileName(window, tr("Export calendar"), "relationapp.ics", tr("Calendar (*.ics)"))
    if not path:
        return
    if not path.lower().endswith(".ics"):
        path += ".ics"

    def failed(exc) -> None:

        message = str(exc) if isinstance(exc, (ServiceError, OSError)) else tr("Unexpected error: {error}").format(error=exc)
        messages.warn(window, tr("Calendar not exported"), message)

    ctx.tasks.run(lambda: write_calendar(ctx.db, path=path),
                  on_done=lambda count: ctx.say(tr("Exported {count} events to {path}.").format(count=count, path=path)),
                  on_error=failed)
