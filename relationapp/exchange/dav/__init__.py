"""Two-way sync with CardDAV/CalDAV servers (the phone's contacts and calendars)."""
