"""Users, roles and the audit log anyone can read: who works in the office, what each may do
(the rules themselves are desktop/core/access.py), signing in, and the log of who did what.

Public modules: `service` (list, add, change, lock users; passwords), `login` (who is working: sign_in,
needs_login, the CLI's --user), `passwords` (the KDF), `audit_log` (the log filtered, in local time, and to .xlsx), `cli` (the `users`
and `audit` subcommands).
"""

PUBLIC = ("service", "login", "passwords", "audit_log", "cli")
