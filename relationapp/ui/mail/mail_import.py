"""Mail files into touches from the window: dropped on it (or on an account), or chosen with File > Import mail.

The import runs off the UI thread (``ctx.ops.start``) with a progress bar;
what it logged is broadcast, and a summary says what came of every mail.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from relationapp.errors import ServiceError
from relationapp.exchange.mail.files import MAIL_SUFFIXES
from relationapp.ui.common import messages
from relationapp.ui.common.i18n import tr

DROPPED_SUFFIXES = (*MAIL_SUFFIXES, ".msg")  # .msg too: the import says why it is not read
SHOWN = 12  # problem and remark lines in the summary before "… and N more"


def mail_paths(mime) -> list[Path]:
    """The files and folders of a drag that may hold mail; [] when it holds none (the drop is refused)."""
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.is_dir() or p.suffix.lower() in DROPPED_SUFFIXES]


def import_mail_files(ctx, parent, paths: list[Path], *, account_id: int | None = None, on_done=None) -> None:
    """Import these files and folders: a progress dialog while it runs, then the summary."""
    from relationapp.exchange.mail.files import import_mail

    progress = QProgressDialog(tr("Reading mail…"), "", 0, 0, parent)
    progress.setWindowTitle(tr("Import mail"))
    progress.setCancelButton(None)  # a batch in progress always finishes; the rest can be imported later
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.show()

    def progressed(done: int, total: int, text: str) -> None:
        progress.setMaximum(max(total, 1))
        progress.setValue(min(done, max(total, 1)))
        progress.setLabelText(text)

    def finished(summary) -> None:
        progress.close()
        show_summary(parent, summary, title=tr("Mail imported"))
        if on_done is not None:
            on_done(summary)

    def failed(exc: Exception) -> None:
        progress.close()
        text = str(exc) if isinstance(exc, ServiceError) else f"{type(exc).__name__}: {exc}"
        messages.warn(parent, tr("Mail not imported"), text)

    ctx.say(tr("Importing mail…"))
    ctx.ops.start(import_mail, ctx.db, paths=[str(p) for p in paths], account_id=account_id,
                  on_done=finished, on_error=failed, on_progress=progressed)


def summary_text(summary) -> str:
    lines = [tr("{logged} of {read} mails logged as touches.").format(logged=summary.logged, read=summary.read)]
    if summary.duplicates:
        lines.append(tr("{count} were seen before.").format(count=summary.duplicates))
    if summary.unknown:
        lines.append(tr("{count} came from senders we do not know; they are logged when you add the sender "
                        "(Tools > Unknown senders).").format(count=summary.unknown))
    if summary.skipped:
        lines.append(tr("{count} left out (ignored addresses, automatic mail, mail among ourselves).").format(
            count=summary.skipped))
    notes = list(summary.problems) + list(summary.remarks)
    if notes:
        lines.append("")
        lines.extend(notes[:SHOWN])
        if len(notes) > SHOWN:
            lines.append(tr("… and {count} more.").format(count=len(notes) - SHOWN))
    return "\n".join(lines)


def show_summary(parent, summary, *, title: str) -> None:
    show = messages.warn if summary.problems and not summary.logged else messages.inform
    show(parent, title, summary_text(summary))


def choose_and_import(ctx, window) -> None:
    """File > Import mail…: .eml and .mbox files."""
    names, _ = QFileDialog.getOpenFileNames(window, tr("Import mail"), str(Path.home()),
                                            tr("Mail (*.eml *.mbox *.mbx);;All files (*)"))
    if names:
        import_mail_files(ctx, window, [Path(n) for n in names])


def import_for_account(ctx, account_page, account_id: int) -> None:
    """An account page's Import mail…: mail with nobody we know is logged for this account."""
    names, _ = QFileDialog.getOpenFileNames(account_page, tr("Import mail for this account"), str(Path.home()),
                                            tr("Mail (*.eml *.mbox *.mbx);;All files (*)"))
    if names:
        import_mail_files(ctx, account_page, [Path(n) for n in names], account_id=account_id)
