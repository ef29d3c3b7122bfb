"""Where a hit matched, in its own words: "Nơi nhận: Sở Tư pháp (để biết)", "Nội dung: …gửi hồ sơ
quyết toán kinh phí…" — for the search window, so two letters with the same subject can be told apart
and a hit found by its body says why. Nothing when the title already shows the words."""
from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import DocumentRecipient, IncomingDocument, OutgoingDocument, Task, Unit, UnitAlias
from desktop.core.text import fold
from desktop.core.vocabulary import RECIPIENT_ROLE_LABELS

BEFORE, AFTER = 30, 90  # characters of context around the first word found


def _lines(session: Session, owner, doc) -> list[tuple[str, str]]:
    lines = session.scalars(select(DocumentRecipient).where(owner == doc.id)
                            .order_by(DocumentRecipient.role, DocumentRecipient.position)).all()
    return [(RECIPIENT_ROLE_LABELS[r.role], " ".join(filter(None, (r.text, r.purpose)))) for r in lines]


def _appendices(doc) -> list[tuple[str, str]]:
    """Each appendix as its place names it ("Phụ lục II"), its subtitle and body."""
    from desktop.documents.parts import appendix_title, read_appendices

    items = read_appendices(doc.appendices)
    return [(a.title or appendix_title(i, len(items)), "\n".join(filter(None, (a.subtitle, a.body))))
            for i, a in enumerate(items)]


# how many of an item's first fields the hit shows already (title and detail line): no context from them
_SHOWN = {"outgoing": 1, "incoming": 2, "task": 2, "unit": 1}


def _fields(session: Session, kind: str, item_id: int) -> list[tuple[str, str]]:
    """(label, text) of an item in the order a clerk reads them, what the hit shows first."""
    if kind == "outgoing":
        d = session.get(OutgoingDocument, item_id)
        return [("Trích yếu", d.subject), *_lines(session, DocumentRecipient.outgoing_id, d),
                ("Nội dung", d.body), ("Người ký", d.signer_name or ""), *_appendices(d),
                ("Địa chỉ", d.contact or "")] if d else []
    if kind == "incoming":
        d = session.get(IncomingDocument, item_id)
        return [("Trích yếu", d.subject), ("Cơ quan ban hành", d.issuer_name),
                *_lines(session, DocumentRecipient.incoming_id, d), ("Nội dung", d.body or ""),
                ("Ý kiến chỉ đạo", d.instructions or "")] if d else []
    if kind == "task":
        t = session.get(Task, item_id)
        unit = session.get(Unit, t.assignee_unit_id).name if t and t.assignee_unit_id else None
        return [("Nhiệm vụ", t.title), ("Đơn vị", unit or t.assignee_text or ""), ("Thời hạn", t.deadline_text or ""),
                ("Ghi chú", t.notes or "")] if t else []
    u = session.get(Unit, item_id)
    if u is None:
        return []
    aliases = session.scalars(select(UnitAlias.alias).where(UnitAlias.unit_id == item_id)).all()
    return [("Tên", u.name), *(("Tên khác", a) for a in aliases), ("Địa chỉ", u.address or ""),
            ("Người liên hệ", u.contact_person or "")]


def _folded(text: str) -> str:
    """fold() character by character, so that a position in it is the same position in `text`."""
    return "".join((fold(ch) or " ")[0] for ch in text)


def _patterns(terms: list[str]) -> list[re.Pattern]:
    # every word whole, the last one possibly the start of a word (as the search matches them)
    return [re.compile(r"(?<![0-9a-z])" + re.escape(t) + ("" if i == len(terms) - 1 else r"(?![0-9a-z])"))
            for i, t in enumerate(terms)]


def context(session: Session, kind: str, item_id: int, terms: list[str]) -> str:
    """The line of the item holding most of `terms`, cut around the first of them; "" when the hit
    shows that line already (its title, its detail) or none holds any."""
    patterns = _patterns(terms)
    best: tuple[int, int, str, str, int] | None = None  # (words found, -order, label, line, at)
    for order, (label, text) in enumerate(_fields(session, kind, item_id)):
        for line in (text or "").splitlines():
            folded = _folded(line)
            found = [m.start() for m in (p.search(folded) for p in patterns) if m]
            if found and (best is None or len(found) > best[0]):
                best = (len(found), order, label, line, min(found))
            if best is not None and best[0] == len(terms):
                break
        if best is not None and best[0] == len(terms):
            break
    if best is None or best[1] < _SHOWN[kind]:
        return ""
    _, _, label, line, at = best
    start = max(0, line.rfind(" ", 0, max(0, at - BEFORE)) + 1) if at > BEFORE else 0
    end = line.find(" ", at + AFTER)
    end = len(line) if end < 0 else end
    return f"{label}: {'…' if start else ''}{line[start:end].strip()}{'…' if end < len(line) else ''}"


def match_context(ctx, kind: str, item_id: int, query: str) -> str:
    """`context` for one hit of `query` (off the GUI thread: it reads the item)."""
    from desktop.core.text import words

    terms = words(query).split()
    if not terms:
        return ""
    with ctx.session() as session:
        return context(session, kind, item_id, terms)
