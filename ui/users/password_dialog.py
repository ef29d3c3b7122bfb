"""Tệp ▸ Đổi mật khẩu…: a signed-in user changes their own password (the old one first)."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit, QVBoxLayout

from desktop.users.service import UserError, set_password
from ui.common.background import default_error_handler, run_write
from ui.common.forms import error_label, ok_cancel
from ui.common.window_size import fit_window


class PasswordDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(f"Đổi mật khẩu – {ctx.user}")
        self.old, self.new, self.repeat = QLineEdit(), QLineEdit(), QLineEdit()
        self.errors = {key: error_label() for key in ("old", "password")}
        form = QFormLayout()
        for label, box, key in (("Mật khẩu đang dùng:", self.old, "old"), ("Mật khẩu mới:", self.new, None),
                                ("Nhập lại mật khẩu mới:", self.repeat, "password")):
            box.setEchoMode(QLineEdit.EchoMode.Password)
            form.addRow(label, box)
            if key:
                form.addRow("", self.errors[key])
        buttons, self.save_button = ok_cancel(self, "Đổi mật khẩu", self.save)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_window(self, "password")

    def save(self) -> None:
        for label in self.errors.values():
            label.hide()
        if self.new.text() != self.repeat.text():
            self._show({"password": "Hai lần nhập mật khẩu mới không giống nhau."})
            return
        ctx, user_id, old, new = self.ctx, self.ctx.actor.user_id, self.old.text(), self.new.text()
        self.save_button.setEnabled(False)
        run_write(lambda: set_password(ctx, user_id, new, ctx.user, old=old), lambda _c: self.accept(), self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, UserError):
            self._show(exc.errors or {"password": str(exc)})
        else:
            default_error_handler(exc)

    def _show(self, errors: dict[str, str]) -> None:
        for key, text in errors.items():
            label = self.errors.get(key, self.errors["password"])
            label.setText(text)
            label.show()
