"""The mail commands: import, sync, setup, senders."""
