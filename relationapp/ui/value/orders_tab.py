"""The "Orders" tab of the account page: its value in money, its orders, and a
row to type one in (amounts read by ``relationapp.text.parsing`` in the current
language, as every other amount field: 1.234,56 in Dutch, 1,234.56 in English;
a minus sign makes a credit note)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QT_TR_NOOP
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relationapp.errors import ServiceError
from relationapp.services.value import orders as orders_service
from relationapp.services.value import quarters
from relationapp.services.value import value as value_service
from relationapp.text import formatting, parsing
from relationapp.text.formatting import Formatter  # noqa: F401  (the type below)
from relationapp.ui.common.chart import Chart, Series
from relationapp.ui.common.i18n import tr
from relationapp.ui.common.tables import fit_columns
from relationapp.ui.common.widgets import DateField, plain_label
from relationapp.ui.lists.lazy_model import Column
from relationapp.ui.lists.rows_model import RowsModel
from relationapp.ui.relationships.relationship_tabs import error_label, small_table


class OrdersTab(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.account_id: int | None = None
        layout = QVBoxLayout(self)
        self.value_line = plain_label("", self)
        self.value_line.setWordWrap(True)
        layout.addWidget(self.value_line)
        # revenue per quarter, the current one last (services.value.orders.revenue_by_quarter)
        self.chart = Chart(self, y_title=tr("Revenue per quarter"), y_format=self._money_axis,
                           empty_text=tr("No orders in the last two years."))
        self.chart.setAccessibleName(tr("Revenue per quarter"))
        self.chart.setMinimumHeight(170)
        self.chart.setMaximumHeight(220)
        layout.addWidget(self.chart)
        self.model = RowsModel([
            Column(QT_TR_NOOP("Date"), lambda o: formatting.current().date(o.ordered_on)),
            Column(QT_TR_NOOP("Reference"), lambda o: o.reference or ""),
            Column(QT_TR_NOOP("Description"), lambda o: o.description or ""),
            Column(QT_TR_NOOP("Amount"), lambda o: self._money(o.amount), align_right=True),
            Column(QT_TR_NOOP("Cost of goods"), lambda o: self._money(o.cost_of_goods) if o.cost_of_goods is not None else "", align_right=True),
            Column(QT_TR_NOOP("Margin"), lambda o: self._money(o.margin) if o.margin is not None else "", align_right=True),
        ], self)
        self.table = small_table(self.model)
        fit_columns(self.table, 2)  # the description takes the room left
        layout.addWidget(self.table, 1)

        form = QGridLayout()
        self.date = DateField(parent=self)
        self.amount = QLineEdit(self)
        self.cost = QLineEdit(self)
        self.reference = QLineEdit(self)
        self.description = QLineEdit(self)
        for column, (label, widget) in enumerate(((tr("Date"), self.date), (tr("Amount"), self.amount),
                                                  (tr("Cost of goods"), self.cost), (tr("Reference"), self.reference),
                                                  (tr("Description"), self.description))):
            form.addWidget(plain_label(label, self), 0, column)
            form.addWidget(widget, 1, column)
        form.setColumnStretch(4, 1)
        layout.addLayout(form)
        self.error = error_label(self)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(tr("Add order"), self)
        self.delete_button = QPushButton(tr("Delete selected order"), self)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_order)
        for field in (self.amount, self.cost, self.reference, self.description):
            field.returnPressed.connect(self.add_order)
        self.delete_button.clicked.connect(self.delete_selected)
        self._update_placeholders()

    # --- helpers ------------------------------------------------------------------------
    def _formatter(self) -> Formatter:
        return formatting.current()

    def _money(self, amount) -> str:
        return self._formatter().money(amount)

    def _money_axis(self, value: float) -> str:
        return self._formatter().money(Decimal(round(value)), whole=True)

    def _update_placeholders(self) -> None:
        example = parsing.editable_amount(Decimal("1234.56"))
        self.amount.setPlaceholderText(example)
        self.amount.setToolTip(tr("Like {example}; a minus sign makes a credit note.").format(example=example))
        self.cost.setPlaceholderText(tr("optional"))
        self.reference.setPlaceholderText(tr("invoice number"))

    def _amount(self, field: QLineEdit, name: str, label: str):
        """The typed amount (None when blank: the service says when one is required)."""
        return parsing.parse_amount(field.text(), field=name, label=label)

    # --- loading ------------------------------------------------------------------------
    def set_account(self, account_id: int) -> None:
        self.account_id = account_id
        self._update_placeholders()
        self.model.set_rows(orders_service.list_orders(self.ctx.db, account_id=account_id))
        self.delete_button.setEnabled(bool(self.model.rows))
        value = value_service.account_value(self.ctx.db, account_id=account_id)
        parts = [
            tr("Revenue 12 months {amount}").format(amount=self._money(value.revenue)),
            tr("margin {amount}").format(amount=self._money(value.margin)),
            tr("profit after cost to serve {amount}").format(amount=self._money(value.profit)),
            tr("lifetime {amount}").format(amount=self._money(value.lifetime_revenue)),
        ]
        if value.annual_budget is not None:
            parts.append(tr("share of wallet {share} of {budget} (gap {gap})").format(
                share=formatting.current().share(value.share_of_wallet), budget=self._money(value.annual_budget), gap=self._money(value.wallet_gap)))
        else:
            parts.append(tr("no budget estimated (share of wallet unknown)"))
        self.value_line.setText(" · ".join(parts))
        by_quarter = orders_service.revenue_by_quarter(self.ctx.db, account_id=account_id)
        self.chart.set_data([formatting.current().quarter(quarters.parse(q.quarter)) for q in by_quarter],
                            [Series(tr("Revenue"), [q.revenue for q in by_quarter], kind="bar")]
                            if any(q.revenue for q in by_quarter) else [])

    # --- actions ------------------------------------------------------------------------
    def add_order(self) -> None:
        if self.account_id is None:
            return
        try:
            order = self.ctx.ops.call(
                orders_service.create_order, self.ctx.db, account_id=self.account_id, ordered_on=self.date.value(),
                amount=self._amount(self.amount, "amount", tr("Amount")),
                cost_of_goods=self._amount(self.cost, "cost_of_goods", tr("Cost of goods")),
                reference=self.reference.text(), description=self.description.text(),
            )
        except ServiceError as exc:  # keep what was typed; say what is wrong
            self.error.setText(str(exc))
            self.error.show()
            return
        self.error.hide()
        for field in (self.amount, self.cost, self.reference, self.description):
            field.clear()
        added = tr("Credit note of {amount} added.") if order.is_credit_note else tr("Order of {amount} added.")
        self.ctx.say(added.format(amount=self._money(order.amount)))
        self._changed()
        self.amount.setFocus()

    def delete_selected(self) -> None:
        order = self.model.row_object(self.table.currentIndex().row())
        if order is None or self.account_id is None:
            return
        def undo(o=order):
            orders_service.create_order(self.ctx.db, account_id=o.account_id, ordered_on=o.ordered_on, amount=o.amount,
                                        cost_of_goods=o.cost_of_goods, reference=o.reference, description=o.description)

        self.ctx.ops.run(self, orders_service.delete_order, self.ctx.db, order_id=order.id, undo=undo,
                         undo_label=tr("Order of {amount} deleted").format(amount=self._money(order.amount)))
        self._changed()

    def _changed(self) -> None:
        if not self.isVisible():  # when shown, the account page reloads its tabs on the notice
            self.set_account(self.account_id)

