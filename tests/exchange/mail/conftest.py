"""The real IMAP server fixtures (``imap_server_session``, ``imap``) live in tests/conftest.py: the window's
tests use them too."""
