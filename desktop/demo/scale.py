"""A demo office at scale: `demo --db PATH --scale N` gives it N outgoing documents, with tasks,
tracking rows (a group line one row per member) and replies in proportion (a fifth of the dispatches assign tasks to two or three units;
most of those are done, some late, with a reply letter registered as incoming).

Rows are written with bulk inserts in one transaction (100,000 documents in well under a minute);
the accent-folded search columns are filled as the ORM hook fills them, and the search index is
rebuilt at the end (bulk inserts bypass the hooks that keep it).
"""
from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select, update

from db.listeners import rebuild_search_index, search_text
from db.models import (
    DocumentRecipient,
    DraftingUnit,
    RecipientTracking,
    IncomingDocument,
    OutgoingDocument,
    Register,
    RegisterEntry,
    Signer,
    Task,
    Unit,
    UnitGroup,
)
from desktop.core.jobs import ProgressFn, no_progress
from desktop.recipients.groups import group_members_on

BATCH = 5000
FIRST_YEAR = 2019
OFFICE_NAME = "ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG"
_SUBJECTS = (
    "đề nghị khen thưởng tập thể, cá nhân có thành tích trong phong trào thi đua năm {y}",
    "đôn đốc gửi hồ sơ đề nghị khen thưởng năm {y}",
    "tổ chức hội nghị sơ kết 6 tháng đầu năm {y} của cụm thi đua",
    "báo cáo kết quả thực hiện phong trào thi đua chuyên đề năm {y}",
    "rà soát, thẩm định hồ sơ danh hiệu Chiến sĩ thi đua cấp tỉnh năm {y}",
    "góp ý dự thảo quy chế hoạt động của khối thi đua năm {y}",
)
_TASKS = ("Báo cáo kết quả thực hiện", "Gửi hồ sơ đề nghị khen thưởng", "Tổng hợp danh sách đăng ký thi đua",
          "Góp ý dự thảo bằng văn bản")


def build_scaled_demo(path: Path, n: int, *, progress: ProgressFn = no_progress, today: date | None = None) -> Path:
    """The demo office (without its small filler) grown to `n` outgoing documents."""
    from db.engine import sqlite_url
    from desktop.core.context import open_context
    from desktop.demo.office import build_demo_database

    if n < 1:
        raise ValueError("--scale phải là số nguyên dương")
    today = today or date.today()
    build_demo_database(path, filler=0, today=today)
    ctx = open_context(sqlite_url(path))
    try:
        with ctx.write_session() as session, session.begin():
            grow(session, n, progress=progress, today=today)
    finally:
        ctx.close()
    return Path(path)


# Every row of a model carries the same keys (one executemany per batch).
_OPTIONAL = {
    RegisterEntry: ("outgoing_id", "incoming_id", "reason"),
    DocumentRecipient: ("unit_id", "group_id"),
    RecipientTracking: ("unit_id", "sent_at", "channel", "acknowledged_at", "replied_at", "answered_on",
                        "reply_incoming_id", "reply_link"),
    Task: ("reply_incoming_id", "reply_date", "completed_on"),
}
_PARENTS_FIRST = (IncomingDocument, OutgoingDocument, RegisterEntry, DocumentRecipient, RecipientTracking, Task)


class _Writer:
    """Buffered bulk inserts; ids are given here, so rows refer to each other before they are written."""

    def __init__(self, session):
        self.session = session
        self.buffers: dict[type, list[dict]] = {m: [] for m in _PARENTS_FIRST}
        self.next_id: dict[type, int] = {}

    def new_id(self, model) -> int:
        if model not in self.next_id:
            self.next_id[model] = (self.session.scalar(select(func.max(model.id))) or 0) + 1
        value = self.next_id[model]
        self.next_id[model] = value + 1
        return value

    def add(self, model, **row) -> None:
        for key in _OPTIONAL.get(model, ()):
            row.setdefault(key, None)
        self.buffers[model].append(row)
        if len(self.buffers[model]) >= BATCH:
            self.flush()

    def flush(self) -> None:
        for model in _PARENTS_FIRST:
            rows, self.buffers[model] = self.buffers[model], []
            if rows:
                self.session.execute(insert(model), rows)


class _Office:
    """What the generator shares while it writes: the office's registers, people and units, the
    numbers taken, and the replies to number once all are known."""

    def __init__(self, session, n: int, today: date):
        self.rng = random.Random(n)
        self.today = today
        self.w = _Writer(session)
        registers = {r.code: r.id for r in session.scalars(select(Register))}
        self.out_register, self.in_register = registers["CV-DI"], registers["VB-DEN"]
        # every list in id order, so the same seed gives the same office on SQLite and PostgreSQL
        self.drafting = [(d.abbreviation, d.name)
                         for d in session.scalars(select(DraftingUnit).order_by(DraftingUnit.id))]
        self.signers = [(s.id, s.name, s.title_lines)
                        for s in session.scalars(select(Signer).order_by(Signer.position, Signer.id))][:3]
        self.units = [(u.id, u.name) for u in session.scalars(
            select(Unit).where(Unit.kind.in_(("department", "organisation", "commune", "enterprise")))
            .order_by(Unit.id))]
        self.groups = [(g.id, g.name) for g in session.scalars(select(UnitGroup).order_by(UnitGroup.id))]
        # a group line is tracked per member (the members of today: the generator's dispatches are synthetic)
        self.members = {gid: [(m.unit_id, m.name) for m in group_members_on(session, gid, today)]
                        for gid, _ in self.groups}
        self.taken = {(e.register_id, e.year, e.number) for e in session.scalars(select(RegisterEntry))}
        self.counters: dict[tuple[int, int], int] = {}
        self.replies: list[tuple[date, int, str]] = []  # (arrival date, id, search text without the number)

    def next_number(self, register_id: int, year: int) -> int:
        number = self.counters.get((register_id, year), 0) + 1
        while (register_id, year, number) in self.taken:
            number += 1
        self.counters[(register_id, year)] = number
        return number


def grow(session, n: int, *, progress: ProgressFn = no_progress, today: date) -> None:
    office = _Office(session, n, today)
    w, rng = office.w, office.rng
    existing = session.scalar(select(func.count(OutgoingDocument.id))) or 0
    start = date(FIRST_YEAR, 1, 2)
    span = max((today - start).days, 1)
    wanted = max(n - existing, 0)
    for i in range(wanted):
        on = start + timedelta(days=span * i // max(wanted, 1))
        number = office.next_number(office.out_register, on.year)
        if rng.random() < 0.004:  # now and then a number held back or voided, as registers have
            status = "reserved" if rng.random() < 0.6 else "voided"
            w.add(RegisterEntry, id=w.new_id(RegisterEntry), register_id=office.out_register, year=on.year,
                  number=number, status=status, reason="Giữ số cho văn bản của lãnh đạo" if status == "reserved"
                  else "Văn bản không ban hành", created_by="văn thư",
                  created_at=datetime.combine(on, datetime.min.time()) + timedelta(hours=9))
            number = office.next_number(office.out_register, on.year)
        _dispatch(office, on, number)
        if i % BATCH == 0:
            progress(0.9 * i / max(wanted, 1), f"{i:,} văn bản".replace(",", "."))
    w.flush()
    _number_replies(session, office)
    progress(0.9, "chỉ mục tìm kiếm")
    rebuild_search_index(session, lambda f, _m: progress(0.9 + 0.1 * f, "chỉ mục tìm kiếm"))
    progress(1.0, "")


def _number_replies(session, office: _Office) -> None:
    """Arrival numbers follow arrival dates within each year, as a register's do."""
    updates = []
    for arrival, reply_id, search in sorted(office.replies):
        number = office.next_number(office.in_register, arrival.year)
        updates.append({"id": reply_id, "arrival_number": number, "search_folded": search_text(search, number)})
        office.w.add(RegisterEntry, id=office.w.new_id(RegisterEntry), register_id=office.in_register,
                     year=arrival.year, number=number, status="issued", incoming_id=reply_id, created_by="văn thư",
                     created_at=datetime.combine(arrival, datetime.min.time()) + timedelta(hours=10))
    for start in range(0, len(updates), BATCH):
        session.execute(update(IncomingDocument), updates[start:start + BATCH])
    office.w.flush()


def _dispatch(office: _Office, on: date, number: int) -> None:
    w, rng = office.w, office.rng
    doc_id = w.new_id(OutgoingDocument)
    abbr, drafting_name = rng.choice(office.drafting)
    signer_id, signer_name, signer_lines = rng.choice(office.signers)
    subject = rng.choice(_SUBJECTS).format(y=on.year)
    symbol = f"UBND-{abbr}"
    issued = datetime.combine(on, datetime.min.time()) + timedelta(hours=16)
    w.add(OutgoingDocument, id=doc_id, doc_type="Công văn", register_id=office.out_register, year=on.year,
          number=number, symbol=symbol, date=on, place="Đắk Nông", issuer_name=OFFICE_NAME, subject=subject,
          body="UBND tỉnh đề nghị các cơ quan, đơn vị thực hiện nội dung nêu tại trích yếu./.", status="issued",
          signer_id=signer_id, signer_name=signer_name, signer_title_lines=signer_lines, drafter="Nguyễn Thị Hà",
          copies=rng.randint(5, 60), issued_at=issued, version=1,
          search_folded=search_text(f"{number:02d}/{symbol}", "Công văn", subject, signer_name, "Nguyễn Thị Hà"))
    w.add(RegisterEntry, id=w.new_id(RegisterEntry), register_id=office.out_register, year=on.year, number=number,
          status="issued", outgoing_id=doc_id, created_by="văn thư", created_at=issued)
    position = 0
    track = [0]  # the next tracking row's printed position
    if rng.random() < 0.3:
        group_id, group_name = rng.choice(office.groups)
        line_id = w.new_id(DocumentRecipient)
        w.add(DocumentRecipient, id=line_id, outgoing_id=doc_id, role="recipient", position=position,
              group_id=group_id, text=group_name)
        for unit_id, name in office.members[group_id]:
            _track(office, doc_id, line_id, track, unit_id, name, sent_at=issued + timedelta(hours=1), channel="axis")
        position += 1
    with_tasks = rng.random() < 0.2
    for unit in rng.sample(office.units, rng.randint(1, 3)):
        _tracked_line(office, doc_id, position, track, unit, on, with_tasks, f"{number:02d}/{symbol}", drafting_name)
        position += 1
    w.add(DocumentRecipient, id=w.new_id(DocumentRecipient), outgoing_id=doc_id, role="distribution", position=0,
          text="Như trên")
    w.add(DocumentRecipient, id=w.new_id(DocumentRecipient), outgoing_id=doc_id, role="distribution", position=1,
          text=f"Lưu: VT, {abbr}")


def _track(office: _Office, doc_id: int, line_id: int, track: list[int], unit_id: int, name: str, **values) -> None:
    office.w.add(RecipientTracking, outgoing_id=doc_id, line_id=line_id, position=track[0], unit_id=unit_id,
                 name=name, awaits_reply=True, backfilled=False, **values)
    track[0] += 1


def _tracked_line(office: _Office, doc_id: int, position: int, track: list[int], unit: tuple[int, str], on: date,
                  with_tasks: bool, number_symbol: str, handler: str) -> None:
    """A Kính gửi line with its tracking row; with a task, its progress and maybe a reply letter."""
    w, rng, today = office.w, office.rng, office.today
    unit_id, unit_name = unit
    sent = datetime.combine(on, datetime.min.time()) + timedelta(days=rng.randint(0, 1), hours=16)
    acknowledged = sent + timedelta(days=rng.randint(0, 2), hours=1) if rng.random() < 0.85 else None
    line_id = w.new_id(DocumentRecipient)
    w.add(DocumentRecipient, id=line_id, outgoing_id=doc_id, role="recipient", position=position, unit_id=unit_id,
          text=unit_name)
    row = dict(sent_at=sent if sent.date() <= today else None, channel="axis" if sent.date() <= today else None,
               acknowledged_at=acknowledged if acknowledged and acknowledged.date() <= today else None)
    if not with_tasks:
        _track(office, doc_id, line_id, track, unit_id, unit_name, **row)
        return
    deadline = on + timedelta(days=rng.randint(10, 40))
    finished = on + timedelta(days=rng.randint(5, (deadline - on).days + 25))
    done = finished <= today and rng.random() < 0.8
    task = dict(outgoing_id=doc_id, item_label=str(position + 1), title=f"{rng.choice(_TASKS)} theo Công văn số "
                f"{number_symbol}", assignee_unit_id=unit_id, assignee_text=unit_name, role="lead",
                deadline=deadline, status="done" if done else "open", completed_on=finished if done else None)
    if done and rng.random() < 0.6:
        reply_id = w.new_id(IncomingDocument)
        reply_number, reply_symbol = str(rng.randint(10, 999)), "BC-" + "".join(
            word[0] for word in unit_name.split()[:3]).upper()
        subject = f"kết quả thực hiện Công văn số {number_symbol}"
        w.add(IncomingDocument, id=reply_id, register_id=office.in_register, arrival_year=finished.year,
              arrival_number=None, arrival_date=finished, doc_type="Báo cáo", issuer_name=unit_name,
              issuer_unit_id=unit_id, number=reply_number, symbol=reply_symbol, date=finished, subject=subject,
              handler=handler, search_folded="")
        office.replies.append((finished, reply_id, search_text(f"{reply_number}/{reply_symbol}", "Báo cáo",
                                                               unit_name, subject)))
        task.update(reply_incoming_id=reply_id, reply_date=finished)
        row.update(replied_at=datetime.combine(finished, datetime.min.time()) + timedelta(hours=10),
                   answered_on=finished, reply_incoming_id=reply_id, reply_link="auto")
    _track(office, doc_id, line_id, track, unit_id, unit_name, **row)
    w.add(Task, **task, search_folded=search_text(task["item_label"], task["title"], unit_name))
