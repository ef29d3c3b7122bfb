"""Running an export like a desktop program: ask where to save (the last folder first), write off the
GUI thread with a progress bar and Hủy, then offer "Mở tệp" / "Mở thư mục". A destination that
cannot be written gets its one-sentence message and, when the file is open in Excel, a second name
to save under instead. Never a traceback."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from desktop.reports.output import ExportError
from ui.common.background import default_error_handler, run_job
from ui.common.last_folder import last_folder, remember_folder

# job(path, progress=..., cancel=...) -> the path written
ExportJob = Callable[..., Path]


def ask_save_path(parent: QWidget | None, title: str, suggested: str) -> Path | None:
    """The save dialog, opened in the last export folder; None when the clerk cancels."""
    name, _ = QFileDialog.getSaveFileName(parent, title, str(last_folder() / suggested), "Sổ tính Excel (*.xlsx)")
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")


def open_file(path: Path) -> None:
    """Open the workbook with the program the system gives .xlsx files (Excel, LibreOffice)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def show_in_folder(path: Path) -> None:
    """Show the folder that holds `path` (on Windows, Explorer with the file selected)."""
    if sys.platform == "win32":
        subprocess.Popen(["explorer", f"/select,{path}"])  # noqa: S603,S607 - the system's own Explorer
        return
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))


def safe_file_name(text: str) -> str:
    """A file name from a title: no characters Windows refuses."""
    return "".join("-" if ch in '<>:"/\\|?*' else ch for ch in text).strip(" .")


class ExportRunner(QObject):
    """One export at a time for a window: `export(title, suggested, job)` asks the file name and runs
    `job`; `start(path, job, title)` runs it for a known path (tests, and the second name)."""

    finished = Signal(object)  # the path written

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.widget = parent
        self.token = None
        self.last_dialog: QMessageBox | None = None
        self.last_path: Path | None = None

    def export(self, title: str, suggested: str, job: ExportJob) -> None:
        path = ask_save_path(self.widget, title, safe_file_name(suggested))
        if path is not None:
            self.start(path, job, title)

    def start(self, path: Path, job: ExportJob, title: str = "Xuất Excel") -> None:
        remember_folder(path.parent)
        self.token = run_job(lambda progress, cancel: job(path, progress=progress, cancel=cancel),
                             self._done, lambda exc: self._failed(exc, job, title), parent=self.widget,
                             title=f"Đang xuất {path.name}…")

    def _done(self, path: Path) -> None:
        self.last_path = Path(path)
        size = max(1, round(self.last_path.stat().st_size / 1024))
        box = QMessageBox(QMessageBox.Icon.Information, "Đã xuất Excel",
                          f"Đã ghi «{self.last_path.name}» ({size:,} KB)\nvào thư mục {self.last_path.parent}."
                          .replace(",", "."), QMessageBox.StandardButton.NoButton, self.widget)
        file_button = box.addButton("Mở tệp", QMessageBox.ButtonRole.ActionRole)
        folder_button = box.addButton("Mở thư mục", QMessageBox.ButtonRole.ActionRole)
        box.addButton("Đóng", QMessageBox.ButtonRole.RejectRole)
        file_button.clicked.connect(lambda: open_file(self.last_path))
        folder_button.clicked.connect(lambda: show_in_folder(self.last_path))
        box.setDefaultButton(file_button)
        self._show(box)
        self.finished.emit(self.last_path)

    def _failed(self, exc: BaseException, job: ExportJob, title: str) -> None:
        if not isinstance(exc, ExportError):
            default_error_handler(exc)
            return
        box = QMessageBox(QMessageBox.Icon.Warning, "Không ghi được tệp", str(exc), QMessageBox.StandardButton.NoButton,
                          self.widget)
        if exc.alternative is not None:
            second: QPushButton = box.addButton(f"Lưu với tên «{exc.alternative.name}»",
                                                QMessageBox.ButtonRole.AcceptRole)
            second.clicked.connect(lambda: self.start(exc.alternative, job, title))
            box.setDefaultButton(second)
        other = box.addButton("Chọn tên khác…", QMessageBox.ButtonRole.ActionRole)
        other.clicked.connect(lambda: self.export(title, exc.path.name, job))
        box.addButton("Đóng", QMessageBox.ButtonRole.RejectRole)
        self._show(box)

    def _show(self, box: QMessageBox) -> None:
        self.last_dialog = box
        box.open()  # window-modal, returns at once: the clerk keeps working
