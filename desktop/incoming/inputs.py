"""Plain values the incoming-letter service takes and returns (what the editor form holds)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop.core.dispatch import Reference

__all__ = ["IncomingInput", "LoadedIncoming", "IncomingSaved", "IncomingInvalid", "DuplicateIncoming",
           "URGENCY_CHOICES"]

URGENCY_CHOICES = (("", ""), ("khan", "Khẩn"), ("thuong_khan", "Thượng khẩn"), ("hoa_toc", "Hỏa tốc"))


@dataclass
class IncomingInput:
    doc_type: str = "Công văn"
    issuer_name: str = ""  # cơ quan ban hành, as the letter names it
    issuer_parent: str | None = None  # its governing body ("UBND TỈNH ĐẮK NÔNG")
    issuer_unit_id: int | None = None  # the directory unit, when known
    number: str | None = None  # as written, leading zeros kept
    symbol: str | None = None
    date: date | None = None
    place: str | None = None
    subject: str = ""
    urgency: str | None = None  # "khan", "thuong_khan", "hoa_toc"
    body: str | None = None
    signer_name: str | None = None
    signer_title_lines: str | None = None
    arrival_date: date | None = None  # ngày đến; today when blank
    handling_deadline: date | None = None  # thời hạn giải quyết
    handler: str | None = None  # người xử lý
    instructions: str | None = None  # ý kiến chỉ đạo
    recipients: list[str] = field(default_factory=list)  # Kính gửi lines as read
    distribution: list[str] = field(default_factory=list)  # Nơi nhận lines as read
    references: list[Reference] = field(default_factory=list)  # cited documents
    source_file: str | None = None  # a file to keep as the original (create only)


@dataclass
class LoadedIncoming:
    id: int
    data: IncomingInput
    arrival_number: int | None
    arrival_year: int | None
    file_name: str | None  # the kept original, if any
    replies_to: list[tuple[int, str, str]]  # (outgoing id, "Công văn số …", unit) this letter answers
    cited_ours: list[tuple[int, str]]  # (outgoing id, citation) of our dispatches it cites, unlinked


@dataclass
class IncomingSaved:
    id: int
    arrival_number: int | None
    links: list = field(default_factory=list)  # desktop.tracking.replies.LinkOutcome
    tasks: int = 0

    @property
    def message(self) -> str:
        extra = f", số đến {self.arrival_number}" if self.arrival_number else ""
        text = f"Đã lưu văn bản đến (id {self.id}, {self.tasks} nhiệm vụ{extra})"
        notes = " ".join(link.message for link in self.links)
        return f"{text}. {notes}".strip() if notes else text


class IncomingInvalid(ValueError):
    """Fields that cannot be stored: {field: Vietnamese message}; nothing was written."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("; ".join(errors.values()))


class DuplicateIncoming(ValueError):
    """The letter (or its file) is registered already; `existing` are (id, label) of the copies."""

    def __init__(self, message: str, existing: list[tuple[int, str]]):
        self.existing = existing
        super().__init__(message)
