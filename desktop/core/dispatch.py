"""The dispatch as a value: the form of ../shared/domain/dispatch-json.md.

`import --json` prints it, `render --json` reads it, the letter layout draws it. Values are
NFC; body text keeps the emphasis markers (*italic*, **bold**).
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields, is_dataclass, replace
from datetime import date
from typing import Any

from desktop.core.text import char_names, fold, nfc, storable, unstorable
from desktop.core.vocabulary import NO_URGENCY_LABEL, SECRECY_LABELS, URGENCY_LABELS, urgency_code

SECRECY_PRINTED = tuple(SECRECY_LABELS.values())  # `secrecy` as the JSON writes it: "Mật", "Tối mật" …


class DispatchFormatError(ValueError):
    """The JSON does not describe a dispatch; `field` names the offending field."""

    def __init__(self, field_name: str, message: str):
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
        self.message = message


@dataclass
class Issuer:
    name: str | None = None
    parent: str | None = None


@dataclass
class Paragraph:
    text: str
    label: str | None = None  # "1", "5.1", "I", "a" for numbered items; None otherwise
    # On items only:
    assignees: list[str] = field(default_factory=list)
    deadline: date | None = None
    deadline_text: str | None = None
    recurrence: str | None = None

    @property
    def is_item(self) -> bool:
        return self.label is not None


@dataclass
class Reference:
    type: str | None = None
    number: str | None = None
    symbol: str | None = None
    date: date | None = None
    issuer: str | None = None


@dataclass
class SignerBlock:
    title_lines: list[str] = field(default_factory=list)
    name: str | None = None


@dataclass
class Appendix:
    """An annex after the signature page: "Phụ lục I", its title, its paragraphs."""

    title: str
    subtitle: str | None = None
    body: list[Paragraph] = field(default_factory=list)


@dataclass
class Dispatch:
    doc_type: str = "Công văn"
    issuer: Issuer = field(default_factory=Issuer)
    number: int | None = None
    symbol: str | None = None
    place: str | None = None
    date: date | None = None
    subject: str | None = None
    urgency: str | None = None  # "Khẩn", "Thượng khẩn", "Hỏa tốc" as printed
    recipients: list[str] = field(default_factory=list)
    body: list[Paragraph] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    distribution: list[str] = field(default_factory=list)
    signer: SignerBlock = field(default_factory=SignerBlock)
    # Second version of the JSON form (absent or null in older files):
    secrecy: str | None = None  # "Mật", "Tối mật", "Tuyệt mật" (the stamp under the number)
    contact: list[str] = field(default_factory=list)  # the address footer (ô 13), line by line
    appendices: list[Appendix] = field(default_factory=list)

    @property
    def is_dispatch(self) -> bool:
        """True for a công văn (Mẫu 1.5); False for a named type (Kế hoạch, Thông báo ...)."""
        return (self.doc_type or "Công văn").casefold() == "công văn"

    # ---- JSON -------------------------------------------------------------------------
    def to_json_dict(self) -> dict[str, Any]:
        def paragraph(p: Paragraph) -> dict[str, Any]:
            out: dict[str, Any] = {}
            if p.label is not None:
                out["label"] = p.label
            out["text"] = p.text
            if p.label is not None:
                out["assignees"] = list(p.assignees)
                out["deadline"] = p.deadline.isoformat() if p.deadline else None
                out["deadline_text"] = p.deadline_text
                out["recurrence"] = p.recurrence
            return out

        return {
            "doc_type": self.doc_type,
            "issuer": {"parent": self.issuer.parent, "name": self.issuer.name},
            "number": self.number,
            "symbol": self.symbol,
            "place": self.place,
            "date": self.date.isoformat() if self.date else None,
            "subject": self.subject,
            "urgency": self.urgency,
            "recipients": list(self.recipients),
            "body": [paragraph(p) for p in self.body],
            "references": [
                {**asdict(r), "date": r.date.isoformat() if r.date else None} for r in self.references
            ],
            "distribution": list(self.distribution),
            "signer": {"title_lines": list(self.signer.title_lines), "name": self.signer.name},
            "secrecy": self.secrecy,
            "contact": list(self.contact),
            "appendices": [
                {"title": a.title, "subtitle": a.subtitle, "body": [paragraph(p) for p in a.body]}
                for a in self.appendices
            ],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_json_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, text: str) -> Dispatch:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DispatchFormatError("JSON", f"không đọc được (dòng {exc.lineno}, cột {exc.colno})") from exc
        return cls.from_json_dict(data)

    @classmethod
    def from_json_dict(cls, data: Any) -> Dispatch:
        if not isinstance(data, dict):
            raise DispatchFormatError("JSON", "phải là một đối tượng {...}")
        issuer = data.get("issuer") or {}
        if not isinstance(issuer, dict):
            raise DispatchFormatError("issuer", "phải là đối tượng {parent, name}")
        signer = data.get("signer") or {}
        if not isinstance(signer, dict):
            raise DispatchFormatError("signer", "phải là đối tượng {title_lines, name}")
        body = data.get("body") or []
        if not isinstance(body, list):
            raise DispatchFormatError("body", "phải là danh sách đoạn văn")
        number = data.get("number")
        if number is not None and (not isinstance(number, int) or isinstance(number, bool) or number < 1):
            raise DispatchFormatError("number", "phải là số nguyên dương hoặc null")
        return cls(
            doc_type=_str(data, "doc_type") or "Công văn",
            issuer=Issuer(name=_str(issuer, "name", "issuer.name"), parent=_str(issuer, "parent", "issuer.parent")),
            number=number,
            symbol=_str(data, "symbol"),
            place=_str(data, "place"),
            date=_date(data.get("date"), "date"),
            subject=_str(data, "subject"),
            urgency=urgency_printed(_str(data, "urgency")),
            recipients=_str_list(data, "recipients"),
            body=[_paragraph(p, i) for i, p in enumerate(body)],
            references=[_reference(r, i) for i, r in enumerate(data.get("references") or [])],
            distribution=_str_list(data, "distribution"),
            signer=SignerBlock(
                title_lines=_str_list(signer, "title_lines", "signer.title_lines"),
                name=_str(signer, "name", "signer.name"),
            ),
            secrecy=secrecy_printed(_str(data, "secrecy")),
            contact=_str_list(data, "contact"),
            appendices=[_appendix(a, i) for i, a in enumerate(_list(data, "appendices"))],
        )

    def printable(self) -> Dispatch:
        """A copy without characters a PDF or DOCX cannot hold (a form being typed may have them)."""
        return _without_unstorable(self)

    def missing_for_render(self) -> list[str]:
        """Fields a printable letter cannot do without, by their JSON names."""
        missing = []
        if not self.issuer.name:
            missing.append("issuer.name")
        if not self.subject:
            missing.append("subject")
        if not self.body:
            missing.append("body")
        if not self.signer.name:
            missing.append("signer.name")
        return missing


def _without_unstorable(value: Any) -> Any:
    if isinstance(value, str):
        return storable(value)
    if isinstance(value, list):
        return [_without_unstorable(v) for v in value]
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _without_unstorable(getattr(value, f.name)) for f in fields(value) if f.init})
    return value


def _printable(value: str, name: str) -> str:
    bad = unstorable(value)
    if bad:
        raise DispatchFormatError(name, f"có ký tự điều khiển không in và không lưu được ({char_names(bad)})")
    return value


def _str(data: dict, key: str, name: str | None = None) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise DispatchFormatError(name or key, "phải là chuỗi văn bản")
    return nfc(_printable(value, name or key).strip()) or None


def _str_list(data: dict, key: str, name: str | None = None) -> list[str]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DispatchFormatError(name or key, "phải là danh sách chuỗi")
    return [nfc(_printable(v, f"{name or key}[{i}]").strip()) for i, v in enumerate(value) if v.strip()]


def _date(value: Any, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise DispatchFormatError(name, f"ngày không hợp lệ {value!r} (cần dạng YYYY-MM-DD)") from exc


def secrecy_printed(value: str | None) -> str | None:
    """"Mật", "Tối mật" or "Tuyệt mật" for any case or accents of them ("TỐI MẬT", "toi mat");
    None for none; DispatchFormatError for another word."""
    if value is None or not value.strip():
        return None
    key = fold(value).strip(" .")
    for printed in SECRECY_PRINTED:
        if fold(printed) == key:
            return printed
    raise DispatchFormatError("secrecy", "phải là null, «Mật», «Tối mật» hoặc «Tuyệt mật»")


def urgency_printed(value: str | None) -> str | None:
    """"Khẩn", "Thượng khẩn" or "Hỏa tốc" for any case or accents of them ("THUONG KHAN", "hoa toc");
    None for none or "Thường"; DispatchFormatError for another word (it would be printed as it is)."""
    if value is None or not value.strip() or fold(value).strip(" .") == fold(NO_URGENCY_LABEL):
        return None
    code = urgency_code(value)
    if code is None:
        raise DispatchFormatError("urgency", "phải là null, «Khẩn», «Thượng khẩn» hoặc «Hỏa tốc»")
    return URGENCY_LABELS[code]


def _list(data: dict, key: str) -> list:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise DispatchFormatError(key, "phải là danh sách")
    return value


def _appendix(data: Any, index: int) -> Appendix:
    where = f"appendices[{index}]"
    if not isinstance(data, dict):
        raise DispatchFormatError(where, "phải là đối tượng {title, subtitle, body}")
    title = _str(data, "title", f"{where}.title")
    if not title:
        raise DispatchFormatError(f"{where}.title", "thiếu tiêu đề phụ lục (ví dụ «Phụ lục I»)")
    body = data.get("body") or []
    if not isinstance(body, list):
        raise DispatchFormatError(f"{where}.body", "phải là danh sách đoạn văn")
    return Appendix(title=title, subtitle=_str(data, "subtitle", f"{where}.subtitle"),
                    body=[_paragraph(p, i, f"{where}.body") for i, p in enumerate(body)])


def _paragraph(data: Any, index: int, prefix: str = "body") -> Paragraph:
    where = f"{prefix}[{index}]"
    if not isinstance(data, dict):
        raise DispatchFormatError(where, "phải là đối tượng {label, text}")
    text = _str(data, "text", f"{where}.text")
    if not text:
        raise DispatchFormatError(f"{where}.text", "thiếu nội dung đoạn văn")
    label = data.get("label")
    if label is not None and not isinstance(label, (str, int)):
        raise DispatchFormatError(f"{where}.label", "phải là chuỗi như \"5.1\"")
    return Paragraph(
        text=text,
        label=str(label).rstrip(".") if label is not None else None,
        assignees=_str_list(data, "assignees", f"{where}.assignees"),
        deadline=_date(data.get("deadline"), f"{where}.deadline"),
        deadline_text=_str(data, "deadline_text", f"{where}.deadline_text"),
        recurrence=_str(data, "recurrence", f"{where}.recurrence"),
    )


def _reference(data: Any, index: int) -> Reference:
    where = f"references[{index}]"
    if not isinstance(data, dict):
        raise DispatchFormatError(where, "phải là đối tượng")
    number = data.get("number")
    return Reference(
        type=_str(data, "type", f"{where}.type"),
        number=str(number) if number is not None else None,
        symbol=_str(data, "symbol", f"{where}.symbol"),
        date=_date(data.get("date"), f"{where}.date"),
        issuer=_str(data, "issuer", f"{where}.issuer"),
    )
