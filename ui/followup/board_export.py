"""The board's "Xuất Excel": the task list under the board's filters, as the clerk sees it."""
from __future__ import annotations

from ui.common.list_export import ListExporter, sort_description, visible_columns


def board_view(board, selection: bool):
    from desktop.reports.list_export import ListView

    u = board.ui
    text, _ = board.model.query_state
    sort_key, descending = board.model.sort_state
    notes = []
    if text.strip():
        notes.append(f"Tìm: «{text.strip()}»")
    chosen = [combo.currentText() for combo in (u.unit_combo, u.category_combo, u.movement_combo, u.dispatch_combo)
              if combo.currentData() is not None]
    if u.due_box.isChecked():
        chosen.append(f"hạn từ {u.due_from.text()} đến {u.due_to.text()}")
    if chosen:
        notes.append("Lọc: " + "; ".join(chosen))
    notes.append(sort_description(board.model))
    if selection:
        notes.append("Chỉ các dòng đã chọn")
    keys = [c.key for c in board.model.columns]
    return ListView("Danh sách nhiệm vụ", text=text, sort_key=sort_key, descending=descending,
                    column_keys=visible_columns(u.table.horizontalHeader(), keys),
                    selected_ids=board.selected_ids() if selection else None, description=notes)


def add_board_export(board) -> ListExporter:
    exporter = ListExporter(board, board.ctx, board.browser, lambda selection: board_view(board, selection))
    board.ui.toolbar.insertWidget(board.ui.toolbar.count() - 2, exporter.button)  # before the stretch and count
    return exporter
