"""The demo is current whenever it is built: recent documents and tasks dated relative to "today"
(`demo --today` fixes the day), a complete register for today's year with its voided number shown as
voided, and no district People's Committees on documents dated after the 2025 reform."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import or_, select

from db.engine import sqlite_url
from db.models import (DocumentRecipient, IncomingDocument, OutgoingDocument, Register, RegisterEntry, Unit,
                       UnitGroup)
from desktop.cli import main
from desktop.core.context import open_context
from desktop.followup.task_query import task_rows

DISTRICTS_UNTIL = date(2025, 6, 30)


@pytest.fixture(params=["2026-03-15", "2027-01-05", "2031-06-01"])
def built(request, tmp_path, capsys):
    today = date.fromisoformat(request.param)
    path = tmp_path / "demo.sqlite3"
    assert main(["demo", "--db", str(path), "--today", request.param]) == 0
    assert "Đã tạo cơ sở dữ liệu mẫu" in capsys.readouterr().out
    ctx = open_context(sqlite_url(path))
    yield ctx, today
    ctx.close()


def test_the_board_has_every_kind_of_task_as_of_today(built):
    ctx, today = built
    rows = task_rows(ctx, today)
    categories = {r.category for r in rows}
    assert categories == {"done_on_time", "done_late", "open_in_time", "open_overdue"}
    soon = [r for r in rows if r.due_soon]
    assert soon and all(today <= r.deadline <= today + timedelta(days=7) for r in soon)
    recent = [r for r in rows if r.document_date and r.document_date > today - timedelta(days=120)]
    assert {r.category for r in recent} == categories  # not only history: something recent of each kind
    quarterly = [r for r in rows if r.deadline_text and r.deadline_text.endswith("hằng quý")]
    assert quarterly and quarterly[-1].deadline >= today  # the recurring task shows this quarter's deadline


def test_nothing_is_dated_after_today_and_texts_follow_the_day(built):
    ctx, today = built
    with ctx.session() as s:
        assert s.scalar(select(OutgoingDocument.id).where(OutgoingDocument.date > today)) is None
        assert s.scalar(select(IncomingDocument.id).where(IncomingDocument.arrival_date > today)) is None
        draft = s.scalar(select(OutgoingDocument).where(OutgoingDocument.status == "draft"))
    assert f"năm {today.year}" in draft.subject and "{" not in draft.body


def test_todays_register_has_no_hole_and_shows_its_voided_number(built):
    ctx, today = built
    with ctx.session() as s:
        for register in s.scalars(select(Register)):
            entries = s.execute(select(RegisterEntry.number, RegisterEntry.status, RegisterEntry.reason)
                                .where(RegisterEntry.register_id == register.id, RegisterEntry.year == today.year)
                                .order_by(RegisterEntry.number)).all()
            assert [n for n, _, _ in entries] == list(range(1, len(entries) + 1)), register.code
            voided = [(n, reason) for n, status, reason in entries if status == "voided"]
            if register.code == "CV-DI" and len(entries) > 2:
                assert len(voided) == 1 and voided[0][1]  # shown as voided, with its reason
            older = s.scalars(select(RegisterEntry).where(RegisterEntry.register_id == register.id,
                                                          RegisterEntry.year < today.year)).all()
            assert all(e.manual and e.reason for e in older)  # entered from the office's old files


def test_no_district_committees_after_the_reform(built):
    ctx, _today = built
    with ctx.session() as s:
        lines = s.execute(
            select(OutgoingDocument.date, DocumentRecipient.text)
            .join(DocumentRecipient, DocumentRecipient.outgoing_id == OutgoingDocument.id)
            .outerjoin(Unit, Unit.id == DocumentRecipient.unit_id)
            .outerjoin(UnitGroup, UnitGroup.id == DocumentRecipient.group_id)
            .where(or_(OutgoingDocument.date > DISTRICTS_UNTIL, OutgoingDocument.date.is_(None)))
            .where(or_(Unit.kind == "district", UnitGroup.name == "UBND các huyện, thành phố",
                       DocumentRecipient.text.ilike("%huyện%")))).all()
    assert lines == []


def test_a_wrong_today_is_one_line(tmp_path, capsys):
    assert main(["demo", "--db", str(tmp_path / "x.sqlite3"), "--today", "31/02/2026"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--today" in err[0]
