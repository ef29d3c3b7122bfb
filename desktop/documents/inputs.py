"""Plain values the drafting services take and return (what the editor form holds).

No ORM objects cross this boundary: the editor fills a `DraftInput`, the services answer
with `LoadedDraft`. `draft_to_payload` / `draft_from_payload` give the JSON-safe form used
for autosaves.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from typing import Any

from desktop.core.text import storable, unstorable
from desktop.core.vocabulary import DOCUMENT_STATUS_LABELS, pad2

# DocumentRecipient.notes of the Nơi nhận lines the service writes itself ("Như trên", "Lưu: VT, ..."):
# they are printed but not listed among the clerk's recipients (the importer stores them so too)
AUTO_NOTE = "auto"

# The free-text fields of the form, with the names the clerk sees (for messages about them).
TEXT_FIELDS = {
    "doc_type": "Loại văn bản", "symbol": "Ký hiệu", "place": "Địa danh", "subject": "Trích yếu",
    "body": "Nội dung", "recipients": "Kính gửi", "distribution": "Nơi nhận", "drafter": "Người soạn thảo",
    "drafter_initials": "Chữ viết tắt người soạn thảo", "issuer_name": "Tên cơ quan ban hành",
    "issuer_parent": "Tên cơ quan chủ quản",
}



@dataclass
class RecipientInput:
    """One Kính gửi / Nơi nhận line: a unit, a group (printed as its name) or free text."""

    text: str = ""
    unit_id: int | None = None
    group_id: int | None = None
    purpose: str | None = None  # "(b/c)", "(để ph/h th/h)"


@dataclass
class AppendixInput:
    """One appendix (Phụ lục) of a draft: its title printed in capitals, its body in the stored form."""

    subtitle: str | None = None
    body: str = ""
    title: str | None = None  # None: "Phụ lục" / "Phụ lục I, II…" by its place (as read from a file otherwise)


@dataclass
class DraftInput:
    doc_type: str = "Công văn"
    register_id: int | None = None
    symbol: str | None = None  # "UBND-NC"; blank = built from the office and drafting unit
    drafting_unit_id: int | None = None
    place: str | None = None  # blank = the office's place
    date: date | None = None  # blank until issue
    subject: str = ""  # trích yếu without "V/v"
    urgency: str | None = None  # "khan", "thuong_khan", "hoa_toc"
    body: str = ""  # stored form (desktop.documents.body)
    recipients: list[RecipientInput] = field(default_factory=list)  # Kính gửi
    # Nơi nhận without "Như trên" and the "Lưu: VT, ..." line: the service adds those.
    distribution: list[RecipientInput] = field(default_factory=list)
    signer_id: int | None = None
    copies: int = 0
    file_copies: int | None = None
    drafter: str | None = None
    drafter_initials: str | None = None
    template_id: int | None = None
    issuer_name: str | None = None  # blank = the office profile
    issuer_parent: str | None = None
    secrecy: str | None = None  # "mat", "toi_mat", "tuyet_mat" (ô 10a)
    contact: list[str] = field(default_factory=list)  # the address footer (ô 13), line by line
    appendices: list[AppendixInput] = field(default_factory=list)


@dataclass
class LoadedDraft:
    """A stored document as the editor needs it: its input form plus the flow state."""

    id: int
    data: DraftInput
    status: str
    version: int
    year: int | None = None
    number: int | None = None
    issued_at: datetime | None = None
    corrects_id: int | None = None
    correction_kind: str | None = None
    signer_name: str | None = None
    signer_title_lines: list[str] = field(default_factory=list)
    printed_distribution: list[str] = field(default_factory=list)  # with "Như trên" and "Lưu"

    @property
    def status_label(self) -> str:
        return DOCUMENT_STATUS_LABELS.get(self.status, self.status)

    @property
    def editable(self) -> bool:
        return self.status in ("draft", "submitted")

    @property
    def number_label(self) -> str:
        """"05/UBND-NC" once issued; "" before."""
        if self.number is None:
            return ""
        return f"{pad2(self.number)}/{self.data.symbol or ''}"


def draft_to_payload(data: DraftInput) -> dict[str, Any]:
    out = asdict(data)
    out["date"] = data.date.isoformat() if data.date else None
    return out


def draft_from_payload(payload: dict[str, Any]) -> DraftInput:
    """The inverse of `draft_to_payload`; unknown keys are ignored, missing ones take defaults."""
    known = set(DraftInput.__dataclass_fields__)
    values = {k: v for k, v in payload.items() if k in known}
    if isinstance(values.get("date"), str):
        values["date"] = date.fromisoformat(values["date"])
    values["appendices"] = [
        a if isinstance(a, AppendixInput) else AppendixInput(**{
            k: v for k, v in dict(a).items() if k in AppendixInput.__dataclass_fields__
        })
        for a in values.get("appendices") or []
    ]
    for key in ("recipients", "distribution"):
        values[key] = [
            r if isinstance(r, RecipientInput) else RecipientInput(**{
                k: v for k, v in dict(r).items() if k in RecipientInput.__dataclass_fields__
            })
            for r in values.get(key) or []
        ]
    return DraftInput(**values)


def _line_texts(line: RecipientInput) -> list[str]:
    return [line.text or "", line.purpose or ""]


def unstorable_fields(data: DraftInput) -> dict[str, list[str]]:
    """Field name -> the characters in it that no store can hold (control characters, NUL, lone
    surrogates); empty when the form can be stored and printed as it is."""
    out: dict[str, list[str]] = {}
    for name in TEXT_FIELDS:
        value = getattr(data, name)
        texts = [t for line in value for t in _line_texts(line)] if isinstance(value, list) else [value or ""]
        bad = list(dict.fromkeys(ch for t in texts for ch in unstorable(t)))
        if bad:
            out[name] = bad
    return out


def storable_input(data: DraftInput) -> DraftInput:
    """`data` without the characters `unstorable_fields` finds (what the editor keeps of a paste)."""
    if not unstorable_fields(data):
        return data
    changes: dict[str, Any] = {}
    for name in TEXT_FIELDS:
        value = getattr(data, name)
        if isinstance(value, list):
            changes[name] = [RecipientInput(storable(r.text) or "", r.unit_id, r.group_id, storable(r.purpose))
                             for r in value]
        else:
            changes[name] = storable(value)
    return replace(data, **changes)
