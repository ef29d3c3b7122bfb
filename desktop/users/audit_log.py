"""The audit log as the office reads it: who did what, when, to which document, in local time.

The log stores UTC (desktop/core/audit.py); every time shown here is the computer's local time (the
office's UTC+7). A list is filtered by user, by date (local days, both ends included), by the kind of
thing touched, and by document (the list's search box reads the document's number, symbol and
subject). `AuditBrowser` is the lazy list the screen shows (and the "Xuất Excel" of every list writes,
desktop/reports/list_export.py: its times local too); `audit_rows` streams the same rows as text (CLI).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone
from typing import Any, Iterator

from sqlalchemy import String, and_, case, cast, func, select
from sqlalchemy.orm import aliased

from db.models import AuditEntry, IncomingDocument, OutgoingDocument
from desktop.core import listing
from desktop.core.browse import Browser
from desktop.core.context import AppContext
from desktop.core.listing import Column, Filter, ListSource
from desktop.core.vocabulary import (
    AUDIT_ACTION_LABELS,
    AUDIT_DETAIL_LABELS,
    AUDIT_ENTITY_LABELS,
    AUDIT_HIDDEN_DETAILS,
    DOCUMENT_STATUS_LABELS,
    REPLY_LINK_LABELS,
    ROLE_LABELS,
    SHORT_DATE_FORMAT,
    label,
)

A = AuditEntry
OUT = aliased(OutgoingDocument, name="audit_out")
IN = aliased(IncomingDocument, name="audit_in")
TIME_FORMAT = SHORT_DATE_FORMAT + " %H:%M:%S"
DOCUMENTS = ("outgoing_document", "incoming_document")
OUTGOING = ("outgoing_document", "recipient_tracking")  # a tracking entry names its dispatch


def local_time(at: datetime | None) -> datetime | None:
    """A stored (UTC, naive) time as the computer's local time (naive)."""
    if at is None:
        return None
    return at.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None)


def time_text(at: datetime | None) -> str:
    shown = local_time(at)
    return shown.strftime(TIME_FORMAT) if shown else ""


def utc_start(day: date) -> datetime:
    """The first instant of the local `day`, in stored (UTC, naive) time."""
    return datetime.combine(day, time.min).astimezone(timezone.utc).replace(tzinfo=None)


_SOURCE_TEXTS = {"manual": "thêm tay", "incoming": "từ văn bản đến"}  # where a task came from


def _key_text(key: str) -> str:
    return AUDIT_DETAIL_LABELS.get(key, key)


def _value_text(key: str, value: Any) -> str:
    if isinstance(value, bool):
        return "có" if value else "không"
    if key in ("from", "to", "status") and isinstance(value, str):
        return DOCUMENT_STATUS_LABELS.get(value, value)
    if key == "what" and isinstance(value, str):  # the action an undo took back
        return AUDIT_ACTION_LABELS.get(value, value)
    if key == "how" and isinstance(value, str):  # how a reply was linked
        return REPLY_LINK_LABELS.get(value, value)
    if key == "source" and isinstance(value, str):
        return _SOURCE_TEXTS.get(value, value)
    if key == "roles" and isinstance(value, list):
        return ", ".join(ROLE_LABELS.get(r, r) for r in value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key_text(k)}: {_value_text(k, v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def details_text(raw: str | None) -> str:
    """The stored JSON details as one readable line ("từ: Đã ký; sang: Đã ban hành; số: 12")."""
    if not raw:
        return ""
    try:
        values = json.loads(raw)
    except ValueError:
        return raw[:500]
    if not isinstance(values, dict):
        return str(values)[:500]
    text = "; ".join(f"{_key_text(k)}: {_value_text(k, v)}" for k, v in values.items()
                     if v not in (None, "", [], {}) and k not in AUDIT_HIDDEN_DETAILS)
    return text[:500]


def _document_number():
    def numbered(doc):
        padded = case((doc.number < 10, "0" + cast(doc.number, String)), else_=cast(doc.number, String))
        return case((doc.number.is_(None), doc.symbol), else_=padded + "/" + func.coalesce(doc.symbol, ""))
    return func.coalesce(numbered(OUT), numbered(IN), "")


AUDIT_ENTRIES = ListSource(
    key="audit_log",
    id_column=A.id,
    columns=(
        Column("at", "Thời gian", A.at, width=140, format=time_text),
        Column("user", "Người dùng", A.user, width=110),
        Column("action", "Thao tác", A.action, width=120, format=label(AUDIT_ACTION_LABELS)),
        Column("entity", "Đối tượng", A.entity, width=110, format=label(AUDIT_ENTITY_LABELS)),
        Column("number", "Số, ký hiệu", _document_number(), width=130),
        Column("subject", "Trích yếu", func.coalesce(OUT.subject, IN.subject, ""), width=260),
        Column("details", "Chi tiết", A.details, width=360, sortable=False, format=details_text),
    ),
    from_clause=lambda q: q.select_from(A)
    .outerjoin(OUT, and_(A.entity.in_(OUTGOING), OUT.id == A.entity_id))
    .outerjoin(IN, and_(A.entity == "incoming_document", IN.id == A.entity_id)),
    search_column=func.coalesce(OUT.search_folded, IN.search_folded, ""),
    default_sort="at",
    default_descending=True,
    tie_breaker=A.id,
    filters=(
        Filter("documents", "Văn bản đi, đến", lambda: A.entity.in_(DOCUMENTS)),
        Filter("registers", "Sổ đăng ký", lambda: A.entity == "register"),
        Filter("users", "Người dùng, đăng nhập", lambda: A.entity == "user"),
        Filter("settings", "Thiết lập", lambda: A.entity.in_(("settings", "calendar_day"))),
    ),
)


@dataclass(frozen=True)
class AuditQuery:
    """What the log screen filters on besides the search box (documents) and the kind filter."""

    user: str | None = None
    start: date | None = None  # local days, both included
    end: date | None = None
    entity: str | None = None  # one thing: ("outgoing_document", 12)
    entity_id: int | None = None

    def conditions(self) -> list:
        out = []
        if self.user:
            out.append(A.user == self.user)
        if self.start is not None:
            out.append(A.at >= utc_start(self.start))
        if self.end is not None:
            out.append(A.at < utc_start(self.end + timedelta(days=1)))
        if self.entity:
            out.append(A.entity == self.entity)
        if self.entity_id is not None:
            out.append(A.entity_id == self.entity_id)
        return out

    def with_(self, **changes) -> AuditQuery:
        return replace(self, **changes)

    def notes(self) -> list[str]:
        """The filters as the export's description lines ("Người dùng: lan", "Từ ngày: 01/12/2026")."""
        return [f"{label}: {value}" for label, value in (
            ("Người dùng", self.user), ("Từ ngày", self.start and self.start.strftime(SHORT_DATE_FORMAT)),
            ("Đến ngày", self.end and self.end.strftime(SHORT_DATE_FORMAT))) if value]


class AuditBrowser(Browser):
    """The lazy list of the log screen; `query` (an AuditQuery) narrows every `ids` call."""

    def __init__(self, ctx: AppContext):
        super().__init__(ctx, AUDIT_ENTRIES, entry_detail)
        self.query = AuditQuery()

    def ids(self, text: str = "", sort_key: str | None = None, descending: bool | None = None,
            filter_key: str | None = None, limit: int | None = None) -> list[int]:
        with self._ctx.session() as session:
            return listing.ids(session, AUDIT_ENTRIES, text, sort_key, descending, filter_key,
                               where=self.query.conditions(), limit=limit)

    def values(self, wanted: list[int], keys: list[str]) -> dict[int, tuple]:
        """The export's cells, the time in local time (a real Excel date and time)."""
        out = super().values(wanted, keys)
        if "at" not in keys:
            return out
        at = keys.index("at")
        return {k: (*row[:at], local_time(row[at]), *row[at + 1:]) for k, row in out.items()}


def entry_detail(session, entry_id: int) -> list[tuple[str, str]]:
    row = listing.rows(session, AUDIT_ENTRIES, [entry_id]).get(entry_id)
    if row is None:
        return []
    entry = session.get(AuditEntry, entry_id)
    pairs = [(c.title, text) for c, text in zip(AUDIT_ENTRIES.columns, row) if c.key != "details"]
    pairs.append(("Số định danh", str(entry.entity_id) if entry.entity_id is not None else ""))
    if entry.details:
        try:
            values = json.loads(entry.details)
        except ValueError:
            values = {"": entry.details}
        for key, value in (values.items() if isinstance(values, dict) else [("", values)]):
            if key in AUDIT_HIDDEN_DETAILS:
                continue
            pairs.append((_key_text(key).capitalize(), _value_text(key, value)))
    return pairs


def audit_users(ctx: AppContext) -> list[str]:
    """Every name the log records, in order (the screen's user filter)."""
    with ctx.session() as session:
        return sorted(session.scalars(select(A.user).distinct()), key=str.casefold)


def audit_rows(ctx: AppContext, query: AuditQuery = AuditQuery(), text: str = "", filter_key: str | None = None,
               *, chunk: int = 2000) -> Iterator[tuple[datetime | None, list[str]]]:
    """(local time, display texts of every column) of the matching entries, newest first, fetched
    `chunk` at a time."""
    wanted = AuditBrowser(ctx)
    wanted.query = query
    ids = wanted.ids(text, filter_key=filter_key)
    for start in range(0, len(ids), chunk):
        page = ids[start:start + chunk]
        with ctx.session() as session:
            rows = listing.rows(session, AUDIT_ENTRIES, page)
        for entry_id in page:
            row = rows.get(entry_id)
            if row is not None:
                yield local_time(row.values[0]), list(row)


def export_audit(ctx: AppContext, path, query: AuditQuery = AuditQuery(), text: str = "", *, progress=None,
                 cancel=None):
    """The matching entries to .xlsx, as the "Xuất Excel" of the Nhật ký screen writes them (CLI)."""
    from desktop.reports.list_export import ListView, export_list

    browser = AuditBrowser(ctx)
    browser.query = query
    notes = query.notes() + ([f"Tìm: «{text.strip()}»"] if text.strip() else [])
    view = ListView("Nhật ký thao tác", text=text, description=notes)
    kwargs = {k: v for k, v in (("progress", progress), ("cancel", cancel)) if v is not None}
    return export_list(ctx, browser, path, view, **kwargs)


__all__ = ["AUDIT_ENTRIES", "AuditQuery", "AuditBrowser", "audit_users", "audit_rows", "export_audit", "local_time",
           "time_text", "details_text", "utc_start"]
