"""Files in and out: CSV, vCard, ICS, backups, exports (no Qt)."""
