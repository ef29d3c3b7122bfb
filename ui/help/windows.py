"""The Trợ giúp windows: the guide to the daily work, the keyboard shortcuts, Thông tin. Non-modal,
one of each per main window (opening again brings it to the front), sized to fit the screen."""
from __future__ import annotations

import sys
from importlib import resources

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QPushButton, QTextBrowser,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from desktop import __version__
from desktop.core.paths import data_dir
from ui.common.window_size import fit_window
from ui.help.shortcuts import all_shortcuts


def _single(window: QWidget, name: str, build) -> QDialog:
    dialog = getattr(window, name, None)
    if dialog is None:
        dialog = build()
        setattr(window, name, dialog)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


def _closing(dialog: QDialog, layout: QVBoxLayout) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
    buttons.rejected.connect(dialog.close)
    layout.addWidget(buttons)
    return buttons


def guide_text() -> str:
    return resources.files("resources.help").joinpath("huong-dan.md").read_text(encoding="utf-8")


def show_guide(window: QWidget) -> QDialog:
    def build() -> QDialog:
        dialog = QDialog(window)
        dialog.setWindowTitle("Hướng dẫn công việc hằng ngày")
        layout = QVBoxLayout(dialog)
        dialog.text = QTextBrowser()
        dialog.text.setOpenExternalLinks(True)
        dialog.text.setMarkdown(guide_text())
        layout.addWidget(dialog.text)
        _closing(dialog, layout)
        fit_window(dialog, "help-guide", 720, 640)
        return dialog

    return _single(window, "guide_dialog", build)


def show_shortcuts(window: QWidget) -> QDialog:
    def build() -> QDialog:
        dialog = QDialog(window)
        dialog.setWindowTitle("Phím tắt")
        layout = QVBoxLayout(dialog)
        tree = QTreeWidget()
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
        dialog.tree = tree
        layout.addWidget(tree)
        _closing(dialog, layout)
        fit_window(dialog, "help-shortcuts", 560, 620)
        return dialog

    return _single(window, "shortcuts_dialog", build)


def show_about(window: QWidget) -> QDialog:
    def build() -> QDialog:
        dialog = QDialog(window)
        dialog.setWindowTitle("Thông tin")
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(f"<b>TĐKT Desk</b> phiên bản {__version__}<br>Soạn, đăng ký công văn và theo dõi "
                                "nhiệm vụ cho Ban Thi đua – Khen thưởng."))
        form = QFormLayout()
        folder = data_dir()
        ctx = getattr(window, "ctx", None)
        where = (ctx.db_path or ctx.engine.url.render_as_string(hide_password=True)) if ctx is not None else ""
        values = (("Thư mục dữ liệu:", str(folder)), ("Cơ sở dữ liệu đang dùng:", str(where)),
                  ("Người dùng:", getattr(ctx, "user", "")),
                  ("Nền tảng:", f"Python {sys.version.split()[0]}, Qt {qVersion()}, PySide6 {pyside_version}"))
        dialog.values = {}
        for label, value in values:
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(text.textInteractionFlags() | text.textInteractionFlags().TextSelectableByMouse)
            form.addRow(label, text)
            dialog.values[label.rstrip(":")] = text
        layout.addLayout(form)
        buttons = _closing(dialog, layout)
        dialog.open_folder = QPushButton("Mở thư mục dữ liệu")
        dialog.open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        buttons.addButton(dialog.open_folder, QDialogButtonBox.ButtonRole.ActionRole)
        fit_window(dialog, "help-about", 620, 0)
        return dialog

    return _single(window, "about_dialog", build)
