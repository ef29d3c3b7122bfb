"""The demo database: a provincial People's Committee office with its directory, signers,
movements, dispatches and open tasks (facts modelled on real dispatches; sentences our own).

`build_demo_database(path, today=None)` writes a new file; `ensure_demo_database(path)` builds it once.
What happened "recently" is dated relative to `today` (desktop.demo.current), so the follow-up board has
overdue, due-soon and done tasks whenever the demo is built; history (2018, 2021 …) keeps its dates.
"""
from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta
from importlib import resources
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.engine import sqlite_url
from db.models import (
    DocumentRecipient,
    DocumentReference,
    DraftingUnit,
    EmulationCluster,
    EmulationClusterMember,
    IncomingDocument,
    Movement,
    MovementDocument,
    Office,
    OutgoingDocument,
    Register,
    RegisterEntry,
    Signer,
    Task,
    Unit,
    UnitAlias,
    UnitGroup,
    UnitGroupMember,
)
from desktop.core.audit import record
from desktop.core.context import open_context
from desktop.demo.current import day, fill, number_registers
from desktop.demo.tracking import add_reference, add_tracking


def _load(name: str) -> dict:
    return json.loads(resources.files("resources.demo").joinpath(name).read_text(encoding="utf-8"))


def ensure_demo_database(path: Path) -> Path:
    if not path.exists():
        build_demo_database(path)
    return path


def build_demo_database(path: Path, *, filler: int = 160, today: date | None = None) -> Path:
    """Create `path` (must not exist) with the demo office as of `today` (default: the real today);
    returns the path."""
    from desktop.followup.recurring import roll_over

    path = Path(path)
    if path.exists():
        raise FileExistsError(f"Tệp {path} đã tồn tại; chọn tên khác hoặc xóa tệp cũ.")
    path.parent.mkdir(parents=True, exist_ok=True)
    today = today or date.today()
    ctx = open_context(sqlite_url(path))
    try:
        with ctx.write_session() as session, session.begin():
            _populate(session, filler, today)
            record(session, "demo", "create", "database", None, note="cơ sở dữ liệu mẫu", today=today)
        roll_over(ctx, today, "demo")  # recurring tasks get their current period
    finally:
        ctx.close()
    return path


def _populate(session: Session, filler: int, today: date | None = None) -> None:
    today = today or date.today()
    directory = _load("directory.json")
    data = _load("dispatches.json")
    office = Office(**directory["office"])
    session.add(office)
    session.flush()
    drafting = {abbr: DraftingUnit(office_id=office.id, name=name, abbreviation=abbr)
                for name, abbr in directory["drafting_units"]}
    session.add_all(drafting.values())
    registers = {code: Register(code=code, name=name, direction=direction, doc_type=doc_type)
                 for code, name, direction, doc_type in directory["registers"]}
    session.add_all(registers.values())
    signers = {name: Signer(name=name, title_lines="\n".join(lines), position=i)
               for i, (name, lines) in enumerate(directory["signers"])}
    session.add_all(signers.values())
    units = _add_units(session, directory)
    groups = _add_groups(session, directory, units)
    _add_clusters(session, directory, units)
    movements = _add_movements(session, data, units)
    session.flush()
    incoming, citing = {}, []
    for spec in data["incoming"]:
        spec = spec if not spec.get("relative") else _as_of(spec, today)
        doc = _add_incoming(session, spec, registers["VB-DEN"], units)
        incoming[f"{doc.number}/{doc.symbol}"] = doc
        if spec.get("cites"):
            citing.append((doc, spec["cites"]))
    modelled = {key: _add_outgoing(session, spec if not spec.get("relative") else _as_of(spec, today), office,
                                   drafting, registers, signers, units, groups, movements, incoming)
                for key, spec in ((spec.get("key"), spec) for spec in data["outgoing"])}
    _add_filler(session, filler, office, drafting, registers, signers, groups, today)
    session.flush()
    number_registers(session, today)
    for doc, cites in citing:  # a reply names the dispatch by the number its register gave it
        add_reference(session, doc, _cited(session, cites, modelled))
    add_tracking(session, set(modelled.values()))
    _seed_templates(session)


def _as_of(spec: dict, today: date) -> dict:
    """A relative entry of dispatches.json with its dates and texts as of `today`."""
    out = dict(spec)
    for key in ("date", "arrival_date", "deadline"):
        if key in out:
            value = day(out[key], today)
            out[key] = value.isoformat() if value else None
    for key in ("subject",):
        out[key] = fill(out[key], today)
    if "body" in out:
        out["body"] = [fill(line, today) for line in out["body"]]
    if "tasks" in out:
        out["tasks"] = [[label, unit, _iso(day(deadline, today)), fill(text, today), movement, fill(title, today),
                         *({k: _iso(day(v, today)) if k == "done" else v for k, v in extra.items()} for extra in rest)]
                        for label, unit, deadline, text, movement, title, *rest in out["tasks"]]
    return out


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _cited(session, cites: list, modelled: dict) -> list:
    """[type, number, symbol, date] of a reply's citation; "@key" names a modelled dispatch (its number
    and date as given when the demo was built)."""
    kind, number, symbol, on = cites
    if isinstance(number, str) and number.startswith("@"):
        doc = session.get(OutgoingDocument, modelled[number[1:]])
        number = str(doc.number)
        on = doc.date.isoformat() if on else None
    return [kind, number, symbol, on]


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _add_units(session: Session, directory: dict) -> dict[str, Unit]:
    """The directory as it stands after the 2025 reforms: departments merged on 1/3/2025 and the
    districts (until 30/6/2025) kept with their end date, communes and wards from 1/7/2025."""
    units: dict[str, Unit] = {}
    for spec in directory["units"]:
        unit = Unit(name=spec["name"], short_name=spec["short"], kind=spec["kind"], email=spec.get("email"),
                    phone=spec.get("phone"), address=spec.get("address"), contact_person=spec.get("contact"),
                    active_from=_day(spec.get("active_from")), active_to=_day(spec.get("active_to")))
        unit.active = unit.active_to is None or unit.active_to >= date.today()
        unit.aliases = [UnitAlias(alias=a) for a in spec.get("aliases", [])]
        units[unit.name] = unit
        session.add(unit)
        session.flush()  # codes DV0001… in the listed order
    for spec in directory["units"]:
        if spec.get("parent"):
            units[spec["name"]].parent_id = units[spec["parent"]].id
    return units


def _add_groups(session: Session, directory: dict, units: dict[str, Unit]) -> dict[str, UnitGroup]:
    """Each group's members with their periods: a unit belongs while both it and the group run."""
    groups: dict[str, UnitGroup] = {}
    for spec in directory["groups"]:
        group = UnitGroup(name=spec["name"])
        session.add(group)
        session.flush()
        groups[group.name] = group
        start, end = _day(spec.get("from")), _day(spec.get("to"))
        members = ([units[n] for n in spec["units"]] if "units" in spec
                   else [u for u in units.values() if u.kind in spec["kinds"]])
        position = 0
        for unit in members:
            valid_from = max(filter(None, (start, unit.active_from)), default=None)
            valid_to = min(filter(None, (end, unit.active_to)), default=None)
            if valid_from and valid_to and valid_to < valid_from:
                continue  # the unit had ended before the group began
            session.add(UnitGroupMember(group_id=group.id, unit_id=unit.id, position=position,
                                        valid_from=valid_from, valid_to=valid_to))
            position += 1
    return groups


def _add_clusters(session: Session, directory: dict, units: dict[str, Unit]) -> None:
    for name, kind, year, members in directory["clusters"]:
        cluster = EmulationCluster(name=name, kind=kind, year=year)
        session.add(cluster)
        session.flush()
        for unit_name, role in members:
            session.add(EmulationClusterMember(cluster_id=cluster.id, unit_id=units[unit_name].id, role=role))


def _add_movements(session: Session, data: dict, units: dict[str, Unit]) -> dict[str, Movement]:
    movements = {}
    for spec in data["movements"]:
        movement = Movement(
            name=spec["name"], period_start=spec["period"][0], period_end=spec["period"][1],
            launching_reference=spec["launching"], monitoring_unit_id=units[spec["monitor"]].id,
            interim_review_date=date.fromisoformat(spec["interim"]),
            final_review_date=date(spec["period"][1], 12, 31),
        )
        movements[spec["name"]] = movement
    session.add_all(movements.values())
    return movements


def _add_outgoing(session, spec, office, drafting, registers, signers, units, groups, movements, incoming) -> int:
    doc_date = date.fromisoformat(spec["date"]) if spec["date"] else None
    number = spec["number"] if isinstance(spec["number"], int) else None  # "next": given by the register
    doc = OutgoingDocument(
        doc_type="Công văn", register_id=registers["CV-DI"].id,
        year=doc_date.year if spec["number"] else None, number=number, symbol=spec["symbol"],
        date=doc_date, place=office.place, issuer_name=office.name, issuer_parent=office.parent_name,
        subject=spec["subject"], body="\n".join(spec["body"]), status=spec["status"],
        signer_id=signers[spec["signer"]].id, signer_name=spec["signer"],
        signer_title_lines="\n".join(["TM. ỦY BAN NHÂN DÂN", *spec["signer_lines"]])
        if spec["signer_lines"][0].startswith("KT.") else "\n".join(spec["signer_lines"]),
        drafting_unit_id=drafting[spec["drafting_unit"]].id, drafter="Nguyễn Thị Hà",
        copies=spec["copies"], file_copies=spec["file_copies"],
        issued_at=datetime.combine(doc_date, datetime.min.time()) + timedelta(hours=15) if spec["number"] else None,
    )
    session.add(doc)
    session.flush()
    if number:
        session.add(RegisterEntry(register_id=doc.register_id, year=doc.year, number=doc.number,
                                  status="issued", outgoing_id=doc.id, created_by="văn thư"))
    _add_lines(session, doc.id, "recipient", spec["recipients"], units, groups)
    _add_lines(session, doc.id, "distribution", spec["distribution"], units, groups)
    for pos, (kind, number, symbol, on) in enumerate(spec["references"]):
        session.add(DocumentReference(outgoing_id=doc.id, position=pos, ref_type=kind, ref_number=number,
                                      ref_symbol=symbol, ref_date=date.fromisoformat(on),
                                      raw=f"{kind} số {number}/{symbol}"))
    for name in spec["movements"]:
        session.add(MovementDocument(movement_id=movements[name].id, outgoing_id=doc.id))
    for label, unit_name, deadline, deadline_text, movement, title, *progress in spec["tasks"]:
        unit = units.get(unit_name)
        recurring = deadline_text if deadline_text and deadline_text.startswith("hằng") else None
        done = progress[0] if progress else {}
        reply = incoming.get(done.get("reply"))
        session.add(Task(
            outgoing_id=doc.id, item_label=label, title=title, assignee_text=unit_name,
            assignee_unit_id=unit.id if unit else None,
            movement_id=movements[movement].id if movement else None,
            deadline=date.fromisoformat(deadline) if deadline else None,
            deadline_text=deadline_text, recurrence=recurring,
            status="done" if done.get("done") else "open",
            completed_on=date.fromisoformat(done["done"]) if done.get("done") else None,
            reply_incoming_id=reply.id if reply else None, reply_date=reply.arrival_date if reply else None,
        ))
    return doc.id


def _add_lines(session, doc_id, role, lines, units, groups) -> None:
    for pos, line in enumerate(lines):
        kind, name = line[0], line[1]
        purpose = line[2] if len(line) > 2 else None
        row = DocumentRecipient(outgoing_id=doc_id, role=role, position=pos, text=name, purpose=purpose)
        if kind == "unit":
            row.unit_id = units[name].id
        elif kind == "group":
            row.group_id = groups[name].id
        session.add(row)


def _add_incoming(session, spec, register, units) -> IncomingDocument:
    arrival = date.fromisoformat(spec["arrival_date"])
    issuer = units.get(spec["issuer"])
    number = spec["arrival"] if isinstance(spec["arrival"], int) else None  # "next": given by the register
    doc = IncomingDocument(
        register_id=register.id, arrival_year=arrival.year, arrival_number=number, arrival_date=arrival,
        doc_type=spec["doc_type"], issuer_name=spec["issuer"], issuer_unit_id=issuer.id if issuer else None,
        number=spec["number"], symbol=spec["symbol"], date=date.fromisoformat(spec["date"]),
        subject=spec["subject"],
        handling_deadline=date.fromisoformat(spec["deadline"]) if spec["deadline"] else None,
    )
    session.add(doc)
    session.flush()
    if number:
        session.add(RegisterEntry(register_id=register.id, year=arrival.year, number=number,
                                  status="issued", incoming_id=doc.id, created_by="văn thư"))
    return doc


# The groups the filler draws from (four, so the random sequence, hence the numbers, stay as they were).
_FILLER_GROUPS = ("Các Sở, Ban, ngành, đoàn thể cấp tỉnh", "Các cơ quan Trung ương đóng trên địa bàn tỉnh",
                  "Các doanh nghiệp nhà nước thuộc tỉnh", "UBND các huyện, thành phố")
_COMMUNES_FROM = date(2025, 7, 1)
_FILLER_SUBJECTS = (
    "đề nghị khen thưởng tập thể, cá nhân có thành tích trong phong trào thi đua năm {year}",
    "góp ý dự thảo quy chế hoạt động của khối thi đua năm {year}",
    "đôn đốc gửi hồ sơ đề nghị khen thưởng năm {year}",
    "tổ chức hội nghị sơ kết 6 tháng đầu năm {year} của cụm thi đua",
    "cử cán bộ tham dự tập huấn nghiệp vụ thi đua, khen thưởng năm {year}",
    "rà soát, thẩm định hồ sơ danh hiệu Chiến sĩ thi đua cấp tỉnh năm {year}",
    "tuyên truyền gương điển hình tiên tiến năm {year}",
    "báo cáo kết quả thực hiện phong trào thi đua chuyên đề năm {year}",
)


def _add_filler(session, count, office, drafting, registers, signers, groups, today: date) -> None:
    """Ordinary issued dispatches across the years, so lists, sorting and filters have work.

    Numbers follow dates within each year, at the pace the real dispatches show (about 15 a
    day), so they sit consistently around the modelled ones (2457 on 25/5/2018 ...).
    """
    rng = random.Random(2018)
    register = registers["CV-DI"]
    units = list(drafting.values())
    signer_list = list(signers.values())
    group_list = [groups[name] for name in _FILLER_GROUPS]
    pace = {2018: 16.9, 2021: 16.7, 2026: 13.3}
    taken = {(y, n) for y, n in session.execute(
        select(RegisterEntry.year, RegisterEntry.number).where(RegisterEntry.register_id == register.id))}
    last_day = min(date(2026, 11, 20), today - timedelta(days=1))  # nothing dated after "today"
    for i in range(count):
        year = 2019 + i % 8
        on = date(year, 1, 2) + timedelta(days=rng.randint(0, 355))
        if on > last_day:
            on = last_day - timedelta(days=rng.randint(1, 200))
        year = on.year
        rate = pace.get(year, 15.0)
        number = int(on.timetuple().tm_yday * rate) + rng.randint(0, int(rate) - 2)
        if (year, number) in taken:
            continue
        drafting_unit = rng.choice(units)
        signer = rng.choice(signer_list[:3])
        doc = OutgoingDocument(
            doc_type="Công văn", register_id=register.id, year=year, number=number,
            symbol=f"{office.abbreviation}-{drafting_unit.abbreviation}", date=on, place=office.place,
            issuer_name=office.name, subject=rng.choice(_FILLER_SUBJECTS).format(year=year),
            body="UBND tỉnh đề nghị các cơ quan, đơn vị thực hiện nội dung nêu tại trích yếu./.",
            status="issued", signer_id=signer.id, signer_name=signer.name,
            signer_title_lines=signer.title_lines, drafting_unit_id=drafting_unit.id,
            drafter=rng.choice(["Nguyễn Thị Hà", "Trần Văn Phúc", "Lê Thị Mai"]), copies=rng.randint(5, 60),
            issued_at=datetime.combine(on, datetime.min.time()) + timedelta(hours=16),
        )
        session.add(doc)
        session.flush()
        taken.add((year, number))
        session.add(RegisterEntry(register_id=register.id, year=year, number=number, status="issued",
                                  outgoing_id=doc.id, created_by="văn thư"))
        group = rng.choice(group_list)
        if group.name == "UBND các huyện, thành phố" and on >= _COMMUNES_FROM:
            group = groups["UBND các xã, phường"]  # no districts on documents after 30/6/2025
        session.add(DocumentRecipient(outgoing_id=doc.id, role="recipient", position=0, text=group.name,
                                      group_id=group.id))
        session.add(DocumentRecipient(outgoing_id=doc.id, role="distribution", position=0, text="Như trên"))
        session.add(DocumentRecipient(outgoing_id=doc.id, role="distribution", position=1,
                                      text=f"Lưu: VT, {drafting_unit.abbreviation}"))


def _seed_templates(session: Session) -> None:
    """The office's recurring-dispatch templates, when the template library is installed."""
    try:
        from desktop.templates.seed import seed_templates
    except ImportError:
        return
    seed_templates(session)
