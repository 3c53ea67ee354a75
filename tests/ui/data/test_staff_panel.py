"""Settings > Staff: add yourself and a colleague, choose "I am", mark someone as left (and undo)."""

from decimal import Decimal

from relationapp.services.customers.staff import current_staff, list_staff
from tests.ui.conftest import run_modal


def _settings(ctx, qtbot):
    from relationapp.ui.data.settings_view import SettingsView

    view = SettingsView(ctx)
    qtbot.addWidget(view)
    view.resize(1100, 800)
    view.show()
    return view


def test_a_fresh_firm_adds_its_staff_and_says_who_i_am(ctx, qtbot):
    view = _settings(ctx, qtbot)
    panel = view.form.staff_panel
    assert panel.model.rowCount() == 0 and "No staff yet" in panel.empty_state.text.text()
    assert panel.empty_state.isVisible()

    def fill(dialog, name, cost, me):
        dialog.name.setText(name)
        dialog.hourly_cost.setText(cost)
        dialog.me.setChecked(me)
        dialog.accept()

    run_modal(qtbot, panel.add_button.click, lambda d: fill(d, "Anna Jansen", "45,50", True))
    run_modal(qtbot, panel.add_button.click, lambda d: fill(d, "Bram de Vries", "", False))
    assert [s.name for s in list_staff(ctx.db)] == ["Anna Jansen", "Bram de Vries"]
    assert current_staff(ctx.db).name == "Anna Jansen"
    assert list_staff(ctx.db)[0].hourly_cost == Decimal("45.50")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2)
    assert panel.model.data(panel.model.index(0, 0)) == "Anna Jansen (me)"
    box = view.form.editors["current_staff_id"]  # the "I am" choice offers them at once
    assert [box.itemText(i) for i in range(1, box.count())] == ["Anna Jansen", "Bram de Vries"]
    assert box.currentText() == "Anna Jansen"  # saving the form now keeps her as "I am"
    view.save_button.click()
    assert current_staff(ctx.db).name == "Anna Jansen"


def test_marking_someone_as_left_takes_them_out_of_the_choices_and_undo_brings_them_back(ctx, qtbot):
    from relationapp.services.customers.staff import create_staff

    create_staff(ctx.db, name="Anna Jansen")
    create_staff(ctx.db, name="Bram de Vries")
    view = _settings(ctx, qtbot)
    panel = view.form.staff_panel
    panel.table.selectRow(1)
    assert panel.leave_button.text() == "Mark as left"
    panel.leave_button.click()
    assert [s.name for s in list_staff(ctx.db)] == ["Anna Jansen"]
    qtbot.waitUntil(lambda: panel.model.data(panel.model.index(1, 3)) == "left")
    assert ctx.undo()
    assert [s.name for s in list_staff(ctx.db)] == ["Anna Jansen", "Bram de Vries"]


def test_who_manages_staff_is_shown_and_a_colleague_cannot_take_it_over(ctx, qtbot, answered_boxes, tmp_path):
    from relationapp.services.customers import sign_in
    from relationapp.services.customers.staff import create_staff

    anna = create_staff(ctx.db, name="Anna Jansen")
    bram = create_staff(ctx.db, name="Bram de Vries")
    sign_in.set_password(ctx.db, staff_id=anna.id, password="correct horse")  # the first: she manages staff
    sign_in.sign_in(ctx.db, name_or_email="Anna Jansen", password="correct horse")
    sign_in.set_password(ctx.db, staff_id=bram.id, password="bram's own")
    sign_in.sign_in(ctx.db, name_or_email="Bram de Vries", password="bram's own")  # this window is Bram's
    view = _settings(ctx, qtbot)
    panel = view.form.staff_panel
    assert [panel.model.data(panel.model.index(r, 5)) for r in range(2)] == ["yes", ""]
    panel.table.selectRow(1)  # Bram himself: his own password, nothing more
    assert panel.password_button.isEnabled() and not panel.manages_button.isEnabled()
    assert not panel.leave_button.isEnabled()
    panel.table.selectRow(0)  # Anna: not his to change
    assert not panel.password_button.isEnabled() and not panel.leave_button.isEnabled()
    view.grab().save(str(tmp_path / "staff.png"))
    panel.toggle_manages()  # had the button been pressed anyway: refused, said, nothing changed
    assert answered_boxes.shown[-1][1] == "Only a staff member who manages staff can choose who manages staff."
    assert [s.manages_staff for s in list_staff(ctx.db)] == [True, False]

    sign_in.sign_in(ctx.db, name_or_email="Anna Jansen", password="correct horse")
    panel.table.selectRow(1)
    assert panel.manages_button.isEnabled() and not panel.manages_button.isChecked()
    panel.manages_button.click()
    qtbot.waitUntil(lambda: panel.model.data(panel.model.index(1, 5)) == "yes")
    assert panel.manages_button.isChecked() and [s.manages_staff for s in list_staff(ctx.db)] == [True, True]
