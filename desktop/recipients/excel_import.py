"""Import the directory from .xlsx: a preview of every row (added / changed / unchanged / wrong
and why), then all-or-nothing.

Units are matched by their code ("Mã"); a row without a code is a new unit (it gets the next
code); a code the directory does not know adds a unit with that code, so a hand-made file can
name its new units in the other sheets. Nothing missing from the file is deleted. The rows are
applied in one transaction (each row in a savepoint, checked by the same rules as the forms);
a dry run, or any wrong row, rolls the whole of it back.
"""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Unit
from desktop.core.audit import record
from desktop.core.changes import Changes
from desktop.core.context import AppContext
from desktop.core.jobs import CancelToken, ProgressFn, no_progress
from desktop.recipients import excel_format as fmt
from desktop.recipients.directory import (
    DirectoryError,
    UnitInput,
    check_parent,
    check_unit,
    unit_input,
    write_unit,
)
from desktop.recipients.excel_links import import_clusters, import_memberships
from desktop.recipients.excel_read import ImportReport, RowOutcome, SheetRow, read_workbook

__all__ = ["import_directory", "ImportReport", "RowOutcome"]
FIELD_LABELS = {"code": "Mã", "name": "Tên đơn vị", "short_name": "Tên viết tắt", "aliases": "Tên gọi khác",
                "kind": "Loại", "parent_id": "Mã đơn vị cấp trên", "address": "Địa chỉ", "email": "Thư điện tử",
                "phone": "Điện thoại", "contact_person": "Người liên hệ", "active_from": "Hoạt động từ",
                "active_to": "Đến ngày"}
SHEET = fmt.UNITS_SHEET


def _unit_data(row: SheetRow, existing: Unit | None) -> UnitInput:
    t = lambda header: fmt.text(row.get(header)) or None  # noqa: E731
    kind = fmt.read_kind(row.get("Loại")) or (existing.kind if existing else "other")
    return UnitInput(
        name=t("Tên đơn vị") or "", code=t("Mã"), short_name=t("Tên viết tắt"),
        aliases=fmt.read_aliases(row.get("Tên gọi khác")), kind=kind,
        parent_id=existing.parent_id if existing else None, address=t("Địa chỉ"), email=t("Thư điện tử"),
        phone=t("Điện thoại"), contact_person=t("Người liên hệ"),
        active_from=fmt.read_date(row.get("Hoạt động từ"), "Hoạt động từ"),
        active_to=fmt.read_date(row.get("Đến ngày"), "Đến ngày"),
    )


def _import_unit(session: Session, row: SheetRow, by_code: dict[str, Unit]) -> tuple[RowOutcome, Unit]:
    code = fmt.text(row.get("Mã"))
    existing = by_code.get(code.casefold()) if code else None
    data = _unit_data(row, existing)
    if existing is None:
        checked = check_unit(session, data)
        unit = Unit(name=checked.name, kind=checked.kind)
        write_unit(unit, checked)
        session.add(unit)
        session.flush()
        by_code[unit.code.casefold()] = unit
        return RowOutcome(SHEET, row.number, "add", unit.name, f"Thêm đơn vị mới (mã {unit.code})."), unit
    checked = check_unit(session, data, except_id=existing.id)
    before = unit_input(existing)
    changed = [FIELD_LABELS[k] for k in vars(checked) if getattr(before, k) != getattr(checked, k)]
    if not changed:
        return RowOutcome(SHEET, row.number, "same", existing.name, "Không đổi."), existing
    write_unit(existing, checked)
    session.flush()
    return RowOutcome(SHEET, row.number, "change", existing.name, "Sửa: " + ", ".join(changed) + "."), existing


def _set_parent(session: Session, row: SheetRow, unit: Unit, outcome: RowOutcome, by_code: dict[str, Unit]) -> None:
    code = fmt.text(row.get("Mã đơn vị cấp trên"))
    parent = by_code.get(code.casefold()) if code else None
    if code and parent is None:
        raise DirectoryError(f"Mã đơn vị cấp trên «{code}» không có trong danh bạ hay trong sheet {SHEET}.")
    parent_id = parent.id if parent else None
    if parent_id == unit.parent_id:
        return
    if parent_id is not None:
        check_parent(session, parent_id, unit.id)
    unit.parent_id = parent_id
    session.flush()
    if outcome.status == "same":
        outcome.status, outcome.message = "change", "Sửa: Mã đơn vị cấp trên."
    elif outcome.status == "change":
        outcome.message = outcome.message.rstrip(".") + ", Mã đơn vị cấp trên."


def _error(sheet: str, row: SheetRow, subject: str, exc: Exception) -> RowOutcome:
    return RowOutcome(sheet, row.number, "error", subject, str(exc))


def import_units(session: Session, rows: list[SheetRow], cancel: CancelToken) -> list[RowOutcome]:
    by_code = {u.code.casefold(): u for u in session.scalars(select(Unit))}
    outcomes, placed = [], []
    for row in rows:
        cancel.raise_if_cancelled()
        subject = fmt.text(row.get("Tên đơn vị")) or fmt.text(row.get("Mã"))
        try:
            with session.begin_nested():
                outcome, unit = _import_unit(session, row, by_code)
            placed.append((row, unit, outcome))
        except (DirectoryError, fmt.CellError) as exc:
            outcome = _error(SHEET, row, subject, exc)
        outcomes.append(outcome)
    for row, unit, outcome in placed:  # parents may be units added further down the sheet
        try:
            with session.begin_nested():
                _set_parent(session, row, unit, outcome, by_code)
        except DirectoryError as exc:
            outcome.status, outcome.message = "error", str(exc)
    return outcomes


def import_directory(ctx: AppContext, path: str | Path, user: str, *, dry_run: bool = False,
                     progress: ProgressFn = no_progress, cancel: CancelToken | None = None
                     ) -> tuple[ImportReport, Changes]:
    """Read `path` and apply it; with `dry_run`, or when any row is wrong, nothing is written.
    The report holds one outcome per row (the preview) and whether it was written."""
    cancel = cancel or CancelToken()
    progress(0.05, "Đọc tệp…")
    sheets, problems = read_workbook(path)
    report = ImportReport(list(problems))
    with ctx.write_session() as session:
        progress(0.2, f"Kiểm tra sheet {fmt.UNITS_SHEET}…")
        report.outcomes += import_units(session, sheets[fmt.UNITS_SHEET], cancel)
        progress(0.6, f"Kiểm tra sheet {fmt.MEMBERS_SHEET}…")
        report.outcomes += import_memberships(session, sheets[fmt.MEMBERS_SHEET], cancel)
        progress(0.8, f"Kiểm tra sheet {fmt.CLUSTERS_SHEET}…")
        report.outcomes += import_clusters(session, sheets[fmt.CLUSTERS_SHEET], cancel)
        cancel.raise_if_cancelled()
        if dry_run or report.errors or not (report.added or report.changed):
            session.rollback()
            progress(1.0, "")
            return report, Changes()
        record(session, user, "import", "directory", None, file=Path(path).name, added=report.added,
               changed=report.changed, summary=report.summary())
        session.commit()
    report.written = True
    progress(1.0, "")
    return report, Changes(units=True)
