"""Tệp ▸ Khôi phục…: what the backup holds beside what the database holds now, before anything is replaced."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QGridLayout, QGroupBox, QLabel, QVBoxLayout,
                               QWidget)

from desktop.storage.restore import BackupInfo
from desktop.storage.summary import Summary


def _column(title: str, summary: Summary | None, other: Summary | None) -> QGroupBox:
    """The summary's lines; those that differ from the other side in bold."""
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    lines = summary.lines() if summary is not None else ["(không đọc được)"]
    theirs = set(other.lines()) if other is not None else set()
    for line in lines:
        label = QLabel(line)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if other is not None and line not in theirs and not line.startswith("Thời điểm"):
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        layout.addWidget(label)
    layout.addStretch(1)
    return box


def losses(backup: Summary, current: Summary | None) -> str | None:
    """A warning when the backup holds less than the data in use (work done since would go)."""
    if current is None:
        return None
    fewer = []
    if backup.documents < current.documents:
        fewer.append(f"{current.documents - backup.documents} văn bản")
    if backup.tasks < current.tasks:
        fewer.append(f"{current.tasks - backup.tasks} nhiệm vụ")
    if not fewer:
        return None
    return (f"Bản sao lưu ít hơn dữ liệu hiện tại {' và '.join(fewer)}: những việc làm sau lúc sao lưu sẽ không "
            "còn trong dữ liệu khôi phục (vẫn nằm trong bản được giữ lại).")


class RestoreDialog(QDialog):
    """Accepting it means "replace the data"; it changes nothing itself."""

    def __init__(self, info: BackupInfo, current: Summary | None, where: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Khôi phục dữ liệu từ bản sao lưu")
        self.setMinimumWidth(640)
        self.info = info
        intro = QLabel(f"Tệp sao lưu: <b>{info.path.name}</b><br>{info.path.parent}")
        intro.setWordWrap(True)
        grid = QGridLayout()
        self.backup_box = _column("Bản sao lưu", info.summary, current)
        self.current_box = _column("Dữ liệu hiện tại (sẽ được thay)", current, info.summary)
        grid.addWidget(self.backup_box, 0, 0)
        grid.addWidget(self.current_box, 0, 1)
        notes = [f"Dữ liệu hiện tại được giữ lại nguyên vẹn bên cạnh tệp {where} "
                 "(tên có thêm «truoc-khoi-phuc» và thời điểm) trước khi thay."]
        warning = losses(info.summary, current)
        if info.older:
            notes.append("Bản sao lưu này của phiên bản trước: chương trình sẽ nâng cấp nó sau khi khôi phục.")
        notes.append("Bản sao lưu được kiểm tra toàn vẹn trước khi thay; nếu có lỗi, dữ liệu hiện tại không đổi.")
        self.notes = QLabel("\n".join(notes))
        self.notes.setWordWrap(True)
        self.warning = QLabel(warning or "")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #9a3412; font-weight: bold;")
        self.warning.setVisible(bool(warning))
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton("Khôi phục", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton("Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        self.cancel_button.setFocus()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.warning)
        layout.addWidget(self.notes)
        layout.addWidget(buttons)
