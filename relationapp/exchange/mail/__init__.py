"""E-mail in: .eml and .mbox files and folders (``files``), one IMAP folder (``imap``), the password in the
system keyring (``password``); each message read by ``read`` and logged by ``services.mail.record``."""
