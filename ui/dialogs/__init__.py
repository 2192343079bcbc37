"""Dialogs. Each offers a classmethod ask(parent, …) so tests can drive or replace it."""
