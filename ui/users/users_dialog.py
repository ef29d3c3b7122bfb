"""Tệp ▸ Người dùng… (quản trị): the office's users, their roles, locking, passwords.

The table lists every user; selecting one fills the form below (the login name cannot change: the audit
log records it). "Thêm người dùng" clears the form for a new one, which needs a password typed twice.
In an office without users the form is ready for its first user, the administrator (the person at the
computer, every role). Each problem is shown in red under its field; nothing is written then.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.access import ADMIN, PermissionDenied
from desktop.core.vocabulary import ROLE_LABELS
from desktop.users.service import UserError, UserInput, add_user, list_users, set_password, update_user
from ui.common.background import default_error_handler, run_read, run_write
from ui.common.forms import error_label
from ui.common.rights import restrict_all
from ui.common.window_size import fit_window

ROLE_TIPS = {
    "chuyen_vien": "Soạn, sửa dự thảo, trình ký; mẫu, nhiệm vụ, danh bạ, phong trào",
    "van_thu": "Cấp số, ban hành, giữ số, hủy số, vào sổ văn bản đến",
    "lanh_dao": "Ký duyệt văn bản, trả lại dự thảo",
    "quan_tri": "Quản lý người dùng, thiết lập của cơ quan, khôi phục dữ liệu",
}


class UsersDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.users = []
        self.editing: int | None = None  # the selected user's id; None: a new user
        self.setWindowTitle("Người dùng và vai trò")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Tên đăng nhập", "Họ và tên", "Vai trò", "Tình trạng"])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 140)
        self.table.setColumnWidth(1, 240)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.itemSelectionChanged.connect(self._selected)

        self.name, self.full_name = QLineEdit(), QLineEdit()
        self.password, self.repeat = QLineEdit(), QLineEdit()
        for box in (self.password, self.repeat):
            box.setEchoMode(QLineEdit.EchoMode.Password)
        self.role_boxes = {code: QCheckBox(label) for code, label in ROLE_LABELS.items()}
        roles_row = QHBoxLayout()
        for code, box in self.role_boxes.items():
            box.setToolTip(ROLE_TIPS[code])
            roles_row.addWidget(box)
        roles_row.addStretch(1)
        roles = QWidget()
        roles.setLayout(roles_row)
        roles_row.setContentsMargins(0, 0, 0, 0)
        self.active = QCheckBox("Đang dùng (bỏ chọn để khóa tài khoản)")
        self.errors = {key: error_label() for key in ("name", "full_name", "roles", "active", "password")}
        self.form_box = QGroupBox()
        form = QFormLayout(self.form_box)
        for label, widget, key in (("Tên đăng nhập:", self.name, "name"), ("Họ và tên:", self.full_name, "full_name"),
                                   ("Vai trò:", roles, "roles"), ("", self.active, "active"),
                                   ("Mật khẩu:", self.password, None), ("Nhập lại mật khẩu:", self.repeat, "password")):
            form.addRow(label, widget)
            if key:
                form.addRow("", self.errors[key])
        self.new_button = QPushButton("Thêm người dùng")
        self.save_button = QPushButton("Lưu")
        self.message = QLabel()
        self.message.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addStretch(1)
        actions.addWidget(self.message, 3)
        actions.addWidget(self.save_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.form_box)
        layout.addLayout(actions)
        layout.addWidget(close)
        fit_window(self, "users", 820, 560)
        self.new_button.clicked.connect(self.new_user)
        self.save_button.clicked.connect(self.save)
        restrict_all(ctx, ADMIN, self.new_button, self.save_button)
        self.reload()

    # ---- loading ------------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        ctx = self.ctx
        run_read(lambda: list_users(ctx), lambda users: self._show(users, select))

    def _show(self, users, select: str | None) -> None:
        self.users = users
        self.table.blockSignals(True)
        self.table.setRowCount(len(users))
        for row, user in enumerate(users):
            for col, text in enumerate((user.name, user.full_name, user.role_text,
                                        "Đang dùng" if user.active else "Đã khóa")):
                item = QTableWidgetItem(text)
                if not user.active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(row, col, item)
        self.table.blockSignals(False)
        if not users:
            self.note.setText(
                "Cơ quan chưa có người dùng: chương trình chạy không cần đăng nhập, mọi việc do quản trị làm. "
                "Để thêm người dùng, trước hết hãy tạo tài khoản quản trị cho chính anh/chị (có mật khẩu); "
                "từ người dùng thứ hai trở đi, mỗi lần mở chương trình sẽ hỏi ai đang làm việc.")
            self.new_user(first=True)
            return
        active = sum(1 for u in users if u.active)
        self.note.setText("Một người dùng: chương trình chạy không cần đăng nhập." if active <= 1 else
                          f"{active} người dùng đang dùng: mỗi lần mở chương trình sẽ hỏi ai đang làm việc.")
        names = [u.name for u in users]
        if select in names:
            self.table.selectRow(names.index(select))
        elif self.editing is None:
            self.new_user()

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        user = self.users[rows[0].row()]
        self.editing = user.id
        self.form_box.setTitle(f"Người dùng {user.name}")
        self.name.setText(user.name)
        self.name.setReadOnly(True)
        self.full_name.setText(user.full_name)
        for code, box in self.role_boxes.items():
            box.setChecked(code in user.roles)
        self.active.setChecked(user.active)
        self.password.clear()
        self.repeat.clear()
        self.password.setPlaceholderText("để trống nếu giữ mật khẩu cũ")
        self._clear_errors()

    def new_user(self, first: bool = False) -> None:
        self.table.clearSelection()
        self.editing = None
        self.form_box.setTitle("Quản trị của cơ quan (người dùng đầu tiên)" if first else "Người dùng mới")
        self.name.setReadOnly(False)
        self.name.setText(self.ctx.user if first else "")
        self.full_name.clear()
        for code, box in self.role_boxes.items():
            box.setChecked(first)
        self.active.setChecked(True)
        self.password.clear()
        self.repeat.clear()
        self.password.setPlaceholderText("ít nhất 6 ký tự")
        self._clear_errors()

    # ---- saving -------------------------------------------------------------------------------
    def collect(self) -> UserInput:
        return UserInput(self.name.text().strip(), self.full_name.text().strip(),
                         tuple(code for code, box in self.role_boxes.items() if box.isChecked()),
                         self.active.isChecked())

    def save(self) -> None:
        self._clear_errors()
        data, password, user_id = self.collect(), self.password.text(), self.editing
        if password != self.repeat.text():
            self._show_errors({"password": "Hai lần nhập mật khẩu không giống nhau."})
            return
        ctx, user = self.ctx, self.ctx.user

        def write():
            if user_id is None:
                return add_user(ctx, data, password, user)
            changes = update_user(ctx, user_id, data, user)
            if password:
                changes = set_password(ctx, user_id, password, user)
            return changes

        self.save_button.setEnabled(False)
        run_write(write, lambda _v: self._saved(data.name), self._failed)

    def _saved(self, name: str) -> None:
        self.save_button.setEnabled(True)
        self.message.setStyleSheet("")
        self.message.setText(f"Đã lưu người dùng {name}.")
        self.editing = None
        self.reload(select=name)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, UserError) and exc.errors:
            self._show_errors(exc.errors)
        elif isinstance(exc, (UserError, PermissionDenied)):
            self._show_errors({"active": str(exc)})
        else:
            default_error_handler(exc)

    def _show_errors(self, errors: dict[str, str]) -> None:
        for key, text in errors.items():
            label = self.errors.get("password" if key == "old" else key, self.errors["active"])
            label.setText(text)
            label.show()

    def _clear_errors(self) -> None:
        self.message.clear()
        for label in self.errors.values():
            label.hide()
