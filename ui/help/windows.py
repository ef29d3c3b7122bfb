"""The Trợ giúp windows: the guide to the daily work, the keyboard shortcuts, Thông tin. Non-modal,
one of each per main window (opening again brings it to the front), sized to fit the screen."""
from __future__ import annotations

import sys
from importlib import resources
from typing import Callable

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QTextBrowser,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from desktop import __version__
from desktop.core.paths import data_dir
from ui.common.window_size import fit_window
from ui.help.shortcuts import all_shortcuts


def _single(window: QWidget, key: str, title: str, fill: Callable[[QDialog, QVBoxLayout], None],
            size: tuple[int, int]) -> QDialog:
    """The window's one `key` dialog: built once (contents by `fill`, then Đóng), then brought forward."""
    name = f"{key.replace('-', '_')}_dialog"
    dialog = getattr(window, name, None)
    if dialog is None:
        dialog = QDialog(window)
        dialog.setWindowTitle(title)
        layout = QVBoxLayout(dialog)
        fill(dialog, layout)
        dialog.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        dialog.buttons.rejected.connect(dialog.close)
        layout.addWidget(dialog.buttons)
        fit_window(dialog, f"help-{key}", *size)
        setattr(window, name, dialog)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def guide_text() -> str:
    return resources.files("resources.help").joinpath("huong-dan.md").read_text(encoding="utf-8")


def show_guide(window: QWidget) -> QDialog:
    def fill(dialog: QDialog, layout: QVBoxLayout) -> None:
        dialog.text = QTextBrowser()
        dialog.text.setMarkdown(guide_text())
        layout.addWidget(dialog.text)

    return _single(window, "guide", "Hướng dẫn công việc hằng ngày", fill, (720, 640))


def show_shortcuts(window: QWidget) -> QDialog:
    def fill(dialog: QDialog, layout: QVBoxLayout) -> None:
        dialog.tree = tree = QTreeWidget()
        tree.setHeaderLabels(["Việc", "Phím"])
        tree.setRootIsDecorated(False)
        for place, rows in all_shortcuts(window):
            group = QTreeWidgetItem(tree, [place])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            for what, keys in rows:
                QTreeWidgetItem(group, [what, keys])
        tree.expandAll()
        tree.setColumnWidth(0, 360)
        layout.addWidget(tree)

    return _single(window, "shortcuts", "Phím tắt", fill, (560, 620))


def show_about(window: QWidget) -> QDialog:
    folder = data_dir()

    def fill(dialog: QDialog, layout: QVBoxLayout) -> None:
        layout.addWidget(QLabel(f"<b>TĐKT Desk</b> phiên bản {__version__}<br>Soạn, đăng ký công văn và theo dõi "
                                "nhiệm vụ cho Ban Thi đua – Khen thưởng."))
        ctx = getattr(window, "ctx", None)
        where = (ctx.db_path or ctx.engine.url.render_as_string(hide_password=True)) if ctx is not None else ""
        form = QFormLayout()
        dialog.values = {}
        for label, value in (("Thư mục dữ liệu", str(folder)), ("Cơ sở dữ liệu đang dùng", str(where)),
                             ("Người dùng", getattr(ctx, "user", "")),
                             ("Nền tảng", f"Python {sys.version.split()[0]}, Qt {qVersion()}, PySide6 {pyside_version}")):
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(f"{label}:", text)
            dialog.values[label] = text
        layout.addLayout(form)
        dialog.open_folder = QPushButton("Mở thư mục dữ liệu")
        dialog.open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        layout.addWidget(dialog.open_folder, 0, Qt.AlignmentFlag.AlignLeft)

    return _single(window, "about", "Thông tin", fill, (620, 0))
