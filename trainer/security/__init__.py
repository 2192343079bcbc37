"""Trust: users and roles (users.py, roles.py), permissions and the audit trail held in the
session events (guard.py, audit.py), backups and restore (backups.py). See docs/architecture.md."""
