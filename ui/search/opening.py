"""Opening a hit where its list opens it: a document in the editor or its detail (as Văn bản đi /
Văn bản đến do on Enter), a task in its progress dialog (the board), a unit in its form (Đơn vị nhận).
The main window shows that section too, so the clerk sees where the item lives."""
from __future__ import annotations

# kind of hit -> the section that lists it
SECTION_OF = {"outgoing": "outgoing", "incoming": "incoming", "task": "tasks", "unit": "units"}


def open_item(window, kind: str, item_id: int) -> None:
    """`window` is the main window (`section(key)` builds and shows a section)."""
    section = window.section(SECTION_OF[kind])
    if kind == "task":
        section.open_task(item_id)
    else:
        section.opened.emit(item_id)  # what Enter on the list's row does
