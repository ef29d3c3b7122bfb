"""Users in the GUI: who is working (the login dialog of a shared office), the users dialog (quản trị),
changing one's own password, and the Nhật ký section (the audit log, filtered, exported to Excel).

Public modules: `login_dialog` (ask_login), `users_dialog`, `password_dialog`, `audit_section`, `actions`.
"""

PUBLIC = ("login_dialog", "users_dialog", "password_dialog", "audit_section", "actions")
