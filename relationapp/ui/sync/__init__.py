"""The Sync page and the background sync with the phone (CardDAV/CalDAV)."""
