"""The IMAP password in the system keyring (the ``keyring`` library), never in the database or a file.

macOS Keychain, Windows Credential Manager, the Secret Service (GNOME
Keyring, KWallet) on Linux. Where none is usable (a server without a
desktop session), ``KeyringMissing`` says so in one line, and how to go on.
"""

from __future__ import annotations

from relationapp.errors import ServiceError
from relationapp.text.catalogue import _

SERVICE = "relationapp-imap"


class KeyringMissing(ServiceError):
    """No keyring backend can be used on this computer."""


def _entry(host: str, user: str) -> str:
    return f"{user}@{host}"


MAIL_COMMAND = "relationapp mail sync --password-stdin"


def _keyring(command: str):
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    chain = getattr(backend, "backends", None)  # the chainer: usable if any of its backends is
    if isinstance(backend, fail.Keyring) or (chain is not None and not chain):
        raise KeyringMissing(_(
            "No system keyring is usable on this computer, so the password cannot be stored; unlock or install "
            "one (GNOME Keyring or KWallet on Linux, the Keychain on macOS, the Credential Manager on Windows), or "
            "give the password at each sync with: {command}").format(command=command))
    return keyring


def _failed(exc: Exception, command: str) -> KeyringMissing:
    reason = " ".join(str(exc).split()) or type(exc).__name__
    return KeyringMissing(_("The system keyring refused: {reason}. Unlock it and try again, or give the password "
                            "at each sync with: {command}").format(reason=reason[:200], command=command))


# the mail password by default; the phone sync passes its own service and command
def store_password(*, host: str, user: str, password: str, service: str = SERVICE, command: str = MAIL_COMMAND) -> None:
    keyring = _keyring(command)
    try:
        keyring.set_password(service, _entry(host, user), password)
    except Exception as exc:  # noqa: BLE001 - a locked or broken keyring: one line
        raise _failed(exc, command) from exc


def load_password(*, host: str, user: str, service: str = SERVICE, command: str = MAIL_COMMAND) -> str | None:
    keyring = _keyring(command)
    try:
        return keyring.get_password(service, _entry(host, user))
    except Exception as exc:  # noqa: BLE001
        raise _failed(exc, command) from exc


def forget_password(*, host: str, user: str, service: str = SERVICE, command: str = MAIL_COMMAND) -> None:
    from keyring.errors import PasswordDeleteError

    keyring = _keyring(command)
    try:
        keyring.delete_password(service, _entry(host, user))
    except PasswordDeleteError:
        pass
    except Exception as exc:  # noqa: BLE001
        raise _failed(exc, command) from exc
