"""Two-way sync with the phone (CardDAV/CalDAV): the accounts, the item mapping, conflicts and deletions.

The server side (requests, payloads, the sync run) is ``exchange.dav``.
"""
