"""Tệp ▸ Cơ sở dữ liệu…: where this PC keeps its data. The local SQLite file, or the office's PostgreSQL
server (host, port, database, user; the password goes to the OS keyring where there is one). "Kiểm tra kết
nối" tries the server; "Chuyển dữ liệu lên máy chủ" moves this PC's data into the (empty) server database
once, as a job with progress and Hủy. The choice takes effect at the next start."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup, QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QLineEdit,
    QRadioButton, QSpinBox, QVBoxLayout, QWidget,
)

from desktop.database.choice import describe_url, load_choice, save_choice
from desktop.database.server import ServerAddress, check_server, server_url
from ui.common.background import run_job, run_read
from ui.common.messages import confirm, show_info

ERROR_STYLE = "color: #b71c1c;"


class DatabaseDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Cơ sở dữ liệu")
        self.local = QRadioButton("Tệp trên máy này (một máy, không cần máy chủ)")
        self.server = QRadioButton("Máy chủ PostgreSQL của cơ quan (nhiều máy dùng chung)")
        group = QButtonGroup(self)
        group.addButton(self.local)
        group.addButton(self.server)
        self.host = QLineEdit()
        self.host.setPlaceholderText("ví dụ 192.168.1.10 hoặc may-chu")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(5432)
        self.database = QLineEdit("tdkt")
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.move_data = QCheckBox("Chuyển dữ liệu của máy này lên máy chủ (một lần; tệp trên máy vẫn được giữ)")
        self.status = QLabel()
        self.status.setWordWrap(True)
        fields = QGroupBox("Máy chủ")
        form = QFormLayout(fields)
        form.addRow("Địa chỉ máy chủ:", self.host)
        form.addRow("Cổng:", self.port)
        form.addRow("Cơ sở dữ liệu:", self.database)
        form.addRow("Người dùng:", self.user)
        form.addRow("Mật khẩu:", self.password)
        form.addRow(self.move_data)
        self.fields = fields
        current = QLabel(f"Đang dùng: {describe_url(ctx.url)}")
        current.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.test_button = buttons.addButton("Kiểm tra kết nối", QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = buttons.addButton("Lưu", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Đóng", QDialogButtonBox.ButtonRole.RejectRole)
        self.test_button.clicked.connect(self.test_connection)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(current)
        layout.addWidget(self.local)
        layout.addWidget(self.server)
        layout.addWidget(fields)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        chosen = load_choice()
        (self.server if chosen else self.local).setChecked(True)
        if chosen:
            self.host.setText(chosen.host)
            self.port.setValue(chosen.port)
            self.database.setText(chosen.database)
            self.user.setText(chosen.user)
        self.server.toggled.connect(self._sync)
        for edit in (self.host, self.database, self.user, self.password):
            edit.textEdited.connect(lambda _=None: self._say(""))
        self._sync()
        self.resize(560, self.sizeHint().height())

    def address(self) -> ServerAddress:
        return ServerAddress(self.host.text().strip(), self.port.value(), self.database.text().strip(),
                             self.user.text().strip())

    def _sync(self) -> None:
        self.fields.setEnabled(self.server.isChecked())
        self.test_button.setEnabled(self.server.isChecked())
        self._say("")

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(ERROR_STYLE if error else "")

    def _checked_address(self) -> ServerAddress | None:
        address = self.address()
        problem = address.problem()
        if problem:
            self._say(problem, error=True)
            return None
        return address

    def test_connection(self) -> None:
        address = self._checked_address()
        if address is None:
            return
        self._say("Đang kết nối…")
        self.test_button.setEnabled(False)
        url = server_url(address, self.password.text())
        run_read(lambda: check_server(url), self._tested, lambda exc: self._tested(str(exc)))

    def _tested(self, problem: str | None) -> None:
        self.test_button.setEnabled(self.server.isChecked())
        if problem:
            self._say(problem, error=True)
        else:
            self._say("Kết nối được máy chủ.")

    def save(self) -> None:
        if self.local.isChecked():
            save_choice(None)
            self._done("Lần khởi động sau, chương trình dùng tệp trên máy này.")
            return
        address = self._checked_address()
        if address is None:
            return
        url = server_url(address, self.password.text())
        if not self.move_data.isChecked():
            self._say("Đang kết nối…")
            run_read(lambda: check_server(url), lambda problem: self._connected(address, problem),
                     lambda exc: self._say(str(exc), error=True))
            return
        agreed = confirm(
            self, "Chuyển toàn bộ dữ liệu của máy này (văn bản, sổ đăng ký, nhiệm vụ, danh bạ…) vào cơ sở dữ liệu "
            f"{address.database} trên máy chủ {address.host}?\nCơ sở dữ liệu trên máy chủ phải còn trống; tệp "
            "trên máy này được giữ nguyên.", "Chuyển dữ liệu lên máy chủ", yes="Chuyển dữ liệu")
        if not agreed:
            return
        from desktop.database.transfer import copy_to_server

        run_job(lambda progress, cancel: copy_to_server(self.ctx, url, progress=progress, cancel=cancel),
                lambda report: self._moved(address, report), lambda exc: self._say(str(exc), error=True),
                parent=self, title="Đang chuyển dữ liệu lên máy chủ…")

    def _connected(self, address: ServerAddress, problem: str | None) -> None:
        if problem:
            self._say(problem, error=True)
            return
        self._keep(address)

    def _moved(self, address: ServerAddress, report) -> None:
        numbers = ", ".join(f"{k}: số {v}" for k, v in sorted(report.last_numbers.items())[:6])
        self._keep(address, f"Đã chuyển {report.total:,} bản ghi (đã đối chiếu số lượng từng bảng). "
                            f"Số cuối của các sổ: {numbers}.".replace(",", ".", 1))

    def _keep(self, address: ServerAddress, moved: str = "") -> None:
        from desktop.database.secrets import store_password

        save_choice(address)
        kept = store_password(address.user, address.host, address.database, self.password.text())
        where = ("Mật khẩu được lưu trong kho mật khẩu của hệ điều hành." if kept
                 else "Máy này không có kho mật khẩu: chương trình sẽ hỏi mật khẩu mỗi lần khởi động.")
        self._done(" ".join(p for p in (moved, where, "Lần khởi động sau, chương trình dùng máy chủ.") if p))

    def _done(self, text: str) -> None:
        self._say(text)
        show_info(self, text, "Cơ sở dữ liệu")
        self.accept()

