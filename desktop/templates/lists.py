"""The Mẫu văn bản list."""
from __future__ import annotations

from db.models import Template
from desktop.core.listing import Column, Filter, ListSource

TPL = Template

TEMPLATES = ListSource(
    key="templates",
    id_column=TPL.id,
    columns=(
        Column("name", "Tên mẫu", TPL.name, width=340),
        Column("doc_type", "Loại văn bản", TPL.doc_type, width=120),
        Column("subject", "Trích yếu", TPL.subject, width=420),
        Column("archived", "Lưu trữ", TPL.archived, width=80, format=lambda v: "Đã lưu trữ" if v else ""),
    ),
    from_clause=lambda q: q.select_from(TPL),
    search_column=TPL.search_folded,
    default_sort="name",
    filters=(Filter("active", "Đang dùng", lambda: TPL.archived.is_(False)),),
)


def template_detail(session, template_id: int) -> list[tuple[str, str]]:
    tpl = session.get(TPL, template_id)
    if tpl is None:
        return []
    return [
        ("Tên mẫu", tpl.name),
        ("Loại văn bản", tpl.doc_type),
        ("Trích yếu", tpl.subject),
        ("Nội dung", tpl.body),
        ("Trường cần điền", tpl.placeholders),
    ]
