"""Ai đang làm việc? The login of a shared office (two or more active users), before the main window.

The names offered are the active users (typing one works too); a wrong name or password is one red line
under the password, which is cleared for the next try. Signing in is a write (the audit log records it).
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from desktop.core.access import PermissionDenied
from desktop.users.login import login_choices, sign_in
from ui.common.background import run_write
from ui.common.forms import error_label, ok_cancel


class LoginDialog(QDialog):
    def __init__(self, ctx, parent=None, *, name: str | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("TĐKT Desk – Đăng nhập")
        self.user = QComboBox()
        self.user.setEditable(True)
        self.user.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for login, full in login_choices(ctx):
            self.user.addItem(f"{full} ({login})" if full else login, login)
        if name:
            index = self.user.findData(name, flags=Qt.MatchFlag.MatchFixedString)
            self.user.setCurrentIndex(index) if index >= 0 else self.user.setEditText(name)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = error_label()
        form = QFormLayout()
        form.addRow("Người dùng:", self.user)
        form.addRow("Mật khẩu:", self.password)
        form.addRow("", self.error)
        buttons, self.ok_button = ok_cancel(self, "Đăng nhập", self.submit, "Thoát")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Cơ quan có nhiều người dùng. Ai đang làm việc?"))
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.password.setFocus()

    def login_name(self) -> str:
        typed = self.user.currentText().strip()
        index = self.user.currentIndex()
        if index >= 0 and typed == self.user.itemText(index):
            return self.user.itemData(index)
        return typed

    def submit(self) -> None:
        ctx, name, password = self.ctx, self.login_name(), self.password.text()
        if not name:
            self._failed(PermissionDenied("Hãy chọn hoặc gõ tên người dùng."))
            return
        self.ok_button.setEnabled(False)
        run_write(lambda: sign_in(ctx, name, password), lambda _actor: self.accept(), self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.error.setText(str(exc) if isinstance(exc, ValueError) else f"Không đăng nhập được: {exc}")
        self.error.show()
        self.password.clear()
        self.password.setFocus()


def ask_login(ctx, name: str | None = None) -> bool:
    """Show the login dialog until someone signs in (True) or the user quits (False)."""
    return LoginDialog(ctx, name=name).exec() == QDialog.DialogCode.Accepted
