"""Dialogs to add and edit accounts, people, interactions and follow-ups."""
