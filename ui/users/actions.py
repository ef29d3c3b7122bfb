"""Tệp ▸ Người dùng… (quản trị) and Tệp ▸ Đổi mật khẩu…"""
from __future__ import annotations

from desktop.core.access import ADMIN
from ui.actions import ActionSpec, register_action
from ui.common.messages import show_info


def open_users(window) -> None:
    from ui.users.users_dialog import UsersDialog

    dialog = UsersDialog(window.ctx, window)
    window.last_users_dialog = dialog
    dialog.open()


def open_password(window) -> None:
    if window.ctx.actor.user_id is None:
        show_info(window, "Cơ quan chưa có tài khoản người dùng nên không có mật khẩu để đổi. "
                          "Quản trị tạo tài khoản ở Tệp ▸ Người dùng…")
        return
    from ui.users.password_dialog import PasswordDialog

    dialog = PasswordDialog(window.ctx, window)
    window.last_password_dialog = dialog
    dialog.open()


register_action(ActionSpec("users", "file", "Người dùng…", "user-check", "", 95, open_users, ADMIN))
register_action(ActionSpec("password", "file", "Đổi mật khẩu…", "edit", "", 96, open_password))
