"""Nhật ký: the audit log anyone can read — who did what, when (local time), to which document.

The search box finds a document (number, symbol, subject, without accents); the row below filters by
user and by days (both ends included), the kind filter by what was touched. "Xuất Excel" (every list's) writes
what the list shows, times in local time. Every write of the program adds to the log, so the list
reloads on any change.
"""
from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel

from desktop.core.changes import Changes
from desktop.users.audit_log import AuditBrowser, audit_users
from ui.common.background import run_read
from ui.common.dates import DateField
from ui.common.list_section import ListSection

EVERYONE = "Mọi người dùng"


class AuditSection(ListSection):
    def __init__(self, ctx):
        super().__init__(AuditBrowser(ctx), title="Nhật ký thao tác",
                         watch=tuple(f.name for f in fields(Changes)), item_name="dòng",
                         export_title="Nhật ký thao tác")
        self.ctx = ctx
        self.filter_box.setPlaceholderText("Tìm văn bản theo số, ký hiệu, trích yếu (có dấu hoặc không)…")
        self.user_choice = QComboBox()
        self.user_choice.addItem(EVERYONE, None)
        self.by_date = QCheckBox("Từ ngày")
        today = QDate.currentDate()
        self.start, self.end = DateField(today.addDays(-30)), DateField(today)  # typed or picked, as every form
        for edit in (self.start, self.end):
            edit.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(QLabel("Người dùng:"))
        row.addWidget(self.user_choice)
        row.addSpacing(12)
        row.addWidget(self.by_date)
        row.addWidget(self.start)
        row.addWidget(QLabel("đến"))
        row.addWidget(self.end)
        row.addStretch(1)
        self.layout().insertLayout(1, row)
        table_view = self.exporter.view_of
        self.exporter.view_of = lambda selection: self._with_query(table_view(selection))
        self.user_choice.currentIndexChanged.connect(lambda _i: self.apply_query())
        self.by_date.toggled.connect(self._dates_toggled)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(lambda _d: self.apply_query())

    def activate(self) -> None:
        first = not self._loaded_once
        super().activate()
        if first:
            self.reload_users()

    def reload_users(self) -> None:
        ctx = self.ctx
        run_read(lambda: audit_users(ctx), self._show_users)

    def _show_users(self, names: list[str]) -> None:
        current = self.user_choice.currentData()
        self.user_choice.blockSignals(True)
        self.user_choice.clear()
        self.user_choice.addItem(EVERYONE, None)
        for name in names:
            self.user_choice.addItem(name, name)
        index = self.user_choice.findData(current)
        self.user_choice.setCurrentIndex(max(index, 0))
        self.user_choice.blockSignals(False)

    def _dates_toggled(self, on: bool) -> None:
        self.start.setEnabled(on)
        self.end.setEnabled(on)
        self.apply_query()

    def apply_query(self) -> None:
        dated = self.by_date.isChecked()
        self.browser.query = self.browser.query.with_(
            user=self.user_choice.currentData(),
            start=self.start.date().toPython() if dated else None,
            end=self.end.date().toPython() if dated else None,
        )
        self._apply_filter()

    def _with_query(self, view):
        """The export's description also names the user and the days filtered on."""
        if view is not None:
            view.description[0:0] = self.browser.query.notes()
        return view

    def _on_changed(self, changes: Changes) -> None:
        super()._on_changed(changes)
        if self._loaded_once and changes.any():
            self.reload_users()
