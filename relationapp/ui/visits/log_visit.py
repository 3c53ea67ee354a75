"""Log a planned visit: the log dialog filled in from the plan; saving marks the stop visited."""

from __future__ import annotations

from relationapp.services.visits import visits as visits_service
from relationapp.services.visits.visits import VisitPrefill
from relationapp.ui.common.i18n import tr
from relationapp.ui.relationships.nps_widgets import check_nps_person, save_nps
from relationapp.ui.touches.log_interaction import LogInteractionDialog


class LogVisitDialog(LogInteractionDialog):
    """Account, people, date and planned duration come from the plan; Enter saves."""

    def __init__(self, ctx, prefill: VisitPrefill, parent=None):
        super().__init__(ctx, prefill.account_id, kind="visit", person_ids=prefill.person_ids,
                         occurred_on=prefill.occurred_on, duration_minutes=prefill.duration_minutes,
                         subject=prefill.subject, parent=parent)
        self.setWindowTitle(tr("Log visit: {account}").format(account=prefill.account))
        self.prefill = prefill
        # the visit belongs to this account and is a visit; the rest is the user's to correct
        self.account.setEnabled(False)
        self.kind.setEnabled(False)
        self.staff.hide()  # the visit is the planned manager's
        self.form.labelForField(self.staff).hide()
        self.notes.setFocus()

    def save(self):
        nps_person = check_nps_person(self.nps_score, self.person_ids(), self.date.value())
        logged = visits_service.log_visit(
            self.ctx.db, visit_id=self.prefill.visit_id, occurred_on=self.date.value(),
            duration_minutes=self.minutes.value(), person_ids=self.person_ids(), subject=self.subject.text(),
            notes=self.notes.toPlainText(),
        )
        self.ctx.say(tr("Logged the visit to {account}.").format(account=logged.stop.account))
        save_nps(self.ctx, self.nps_score, nps_person, day=self.date.value(), comment=self.notes.toPlainText())
        return logged
