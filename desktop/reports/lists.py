"""The Báo cáo section's list: the registers (sổ đăng ký), number by number."""
from __future__ import annotations

from sqlalchemy import func

from db.models import IncomingDocument, OutgoingDocument, Register, RegisterEntry
from desktop.core.vocabulary import ENTRY_STATUS_LABELS, label, short_date
from desktop.core.listing import Column, Filter, ListSource, number_text

E = RegisterEntry

REGISTER_ENTRIES = ListSource(
    key="register_entries",
    id_column=E.id,
    columns=(
        Column("register", "Sổ", Register.name, width=200),
        Column("year", "Năm", E.year, width=60),
        Column("number", "Số", number_text(E.number), sort=E.number, width=60, export=E.number),
        Column("symbol", "Ký hiệu", func.coalesce(OutgoingDocument.symbol, IncomingDocument.symbol), width=130),
        Column("date", "Ngày", func.coalesce(OutgoingDocument.date, IncomingDocument.arrival_date), width=90,
               format=short_date),
        Column("subject", "Trích yếu / lý do", func.coalesce(OutgoingDocument.subject, IncomingDocument.subject,
                                                              E.reason), width=420),
        Column("status", "Tình trạng", E.status, width=90, format=label(ENTRY_STATUS_LABELS)),
    ),
    from_clause=lambda q: q.select_from(E).join(Register, Register.id == E.register_id)
    .outerjoin(OutgoingDocument, OutgoingDocument.id == E.outgoing_id)
    .outerjoin(IncomingDocument, IncomingDocument.id == E.incoming_id),
    search_column=func.coalesce(OutgoingDocument.search_folded, IncomingDocument.search_folded, ""),
    default_sort="year",
    default_descending=True,
    tie_breaker=E.number,
    filters=(
        Filter("out", "Sổ văn bản đi", lambda: Register.direction == "out"),
        Filter("in", "Sổ văn bản đến", lambda: Register.direction == "in"),
    ),
)
