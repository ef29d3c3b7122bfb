"""The server password asked at start when the OS keyring has none (never written to a file)."""
from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QLineEdit

from ui.common.messages import confirm


def ask_password(address, reason: str | None = None) -> str | None:
    """None when the clerk cancels (the program then opens the local file)."""
    text = (f"{reason}\n\n" if reason else "") + (
        f"Mật khẩu của người dùng {address.user} trên máy chủ {address.host} (cơ sở dữ liệu {address.database}):")
    value, ok = QInputDialog.getText(None, "Kết nối máy chủ cơ sở dữ liệu", text, QLineEdit.EchoMode.Password)
    return value if ok else None


def offer_local_file() -> bool:
    """After a cancelled password: work on this PC's file instead? (No = quit.)"""
    return confirm(None, "Chưa kết nối được máy chủ. Mở tệp dữ liệu trên máy này thay cho máy chủ?\n"
                         "(Có thể chọn lại máy chủ trong Tệp ▸ Cơ sở dữ liệu….) Chọn Hủy để thoát chương trình.",
                   "Kết nối máy chủ cơ sở dữ liệu", yes="Mở tệp trên máy này")
