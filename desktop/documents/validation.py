"""Field checks before "Trình ký", "Ký" and issue; each message names what to fix, in Vietnamese.

Each step checks what the steps after it will need, so a document never reaches a step it cannot
leave: Trình ký wants the register (issuing takes its number from it, and a signed document is
locked) and the signer; Ký checks them again.

`validate` answers a dict field name -> message, the editor shows each next to its field.
Field names are those of `DraftInput`, plus "issuer" (the office profile).
"""
from __future__ import annotations

from datetime import date

from db.models import SECRECY_LEVELS, URGENCIES, DraftingUnit, Register, Signer, Template, Unit, UnitGroup
from desktop.core.context import AppContext
from desktop.documents.errors import NO_REGISTER
from desktop.documents.inputs import TEXT_FIELDS, DraftInput, unstorable_fields
from desktop.documents.profile import effective_symbol, office_profile
from desktop.documents.symbols import is_dispatch
from desktop.core.text import char_names, fold
from desktop.core.vocabulary import URGENCY_LABELS, enumeration, short_date

_URGENCY_WORDS = enumeration(URGENCY_LABELS.values(), "hoặc")  # "Khẩn, Thượng khẩn hoặc Hỏa tốc"


def has_missing(text: str) -> bool:
    """True when `text` still holds an unfilled placeholder marker (any case)."""
    return "[[chua dien:" in fold(text)


def symbol_problem(symbol: str) -> str | None:
    """Why `symbol` is not a valid ký hiệu, or None: letters (Đ too), digits, "-" and "&", no spaces."""
    if any(ch.isspace() for ch in symbol):
        return "Ký hiệu không được có khoảng trắng (ví dụ đúng: UBND-NC)."
    bad = sorted({ch for ch in symbol if not (ch.isalpha() or ch.isdigit() or ch in "-&")})
    if bad:
        return f"Ký hiệu chỉ gồm chữ cái, chữ số, dấu «-» và «&»; không dùng «{''.join(bad)}»."
    if symbol.startswith("-") or symbol.endswith("-") or "--" in symbol:
        return "Dấu «-» chỉ đặt giữa hai nhóm chữ viết tắt (ví dụ UBND-NC)."
    return None


def text_errors(data: DraftInput) -> dict[str, str]:
    """Fields holding characters that no store can hold (pasted control characters, NUL ...)."""
    return {
        name: (f"«{TEXT_FIELDS[name]}» có ký tự điều khiển không lưu được ({char_names(chars)}): "
               "hãy xoá rồi gõ lại đoạn vừa dán.")
        for name, chars in unstorable_fields(data).items()
    }


def check(session, data: DraftInput, *, for_issue: bool = False, on: date | None = None) -> dict[str, str]:
    """The checks of `validate`, inside the caller's session."""
    errors: dict[str, str] = {}
    office = office_profile(session)
    if not ((data.issuer_name or "").strip() or office is not None):
        errors["issuer"] = "Chưa có tên cơ quan ban hành: hãy khai báo hồ sơ cơ quan."
    if not (data.doc_type or "").strip():
        errors["doc_type"] = "Chưa chọn loại văn bản."

    subject = (data.subject or "").strip()
    if not subject:
        errors["subject"] = "Chưa nhập trích yếu nội dung."
    elif fold(subject).startswith(("v/v", "ve viec ")):
        errors["subject"] = "Trích yếu không cần mở đầu bằng «V/v» hay «Về việc»: chương trình tự in."
    elif has_missing(subject):
        errors["subject"] = "Trích yếu còn chỗ chưa điền."

    body = (data.body or "").strip()
    if not body:
        errors["body"] = "Chưa có nội dung văn bản."
    elif has_missing(body):
        errors["body"] = "Nội dung còn chỗ chưa điền (đánh dấu [[Chưa điền: ...]])."

    _check_recipients(data, errors)

    if data.signer_id is None:
        errors["signer_id"] = "Chưa chọn người ký."
    if data.register_id is None:
        errors["register_id"] = NO_REGISTER

    symbol = effective_symbol(session, data)
    if not symbol:
        errors["symbol"] = "Chưa có ký hiệu văn bản."
    else:
        problem = symbol_problem(symbol)
        if problem:
            errors["symbol"] = problem

    if data.urgency is not None and data.urgency not in URGENCIES:
        errors["urgency"] = f"Độ khẩn phải là {_URGENCY_WORDS}."
    if data.secrecy is not None and data.secrecy not in SECRECY_LEVELS:
        errors["secrecy"] = "Độ mật phải là Mật, Tối mật hoặc Tuyệt mật."
    for i, annex in enumerate(data.appendices):
        if has_missing(annex.body or "") or has_missing(annex.subtitle or ""):
            errors["appendices"] = f"Phụ lục thứ {i + 1} còn chỗ chưa điền."
            break
    if (data.copies or 0) < 0:
        errors["copies"] = "Số bản phát hành không được âm."
    if data.file_copies is not None and data.file_copies < 0:
        errors["file_copies"] = "Số bản lưu không được âm."

    errors.update(reference_errors(session, data))
    errors.update(text_errors(data))
    if for_issue:
        when = on or data.date
        if when is not None and when > date.today():
            errors["date"] = f"Ngày ban hành {short_date(when)} ở tương lai; văn bản chỉ ban hành đến hôm nay."
    return errors


def reference_errors(session, data: DraftInput) -> dict[str, str]:
    """Ids that point at nothing (a deleted unit, register ...): the row could not be stored."""
    errors: dict[str, str] = {}
    if data.register_id is not None and session.get(Register, data.register_id) is None:
        errors["register_id"] = "Sổ đăng ký đã chọn không tồn tại."
    if data.signer_id is not None and session.get(Signer, data.signer_id) is None:
        errors["signer_id"] = "Người ký đã chọn không còn trong danh sách."
    if data.drafting_unit_id is not None and session.get(DraftingUnit, data.drafting_unit_id) is None:
        errors["drafting_unit_id"] = "Đơn vị soạn thảo đã chọn không tồn tại."
    if data.template_id is not None and session.get(Template, data.template_id) is None:
        errors["template_id"] = "Mẫu văn bản đã chọn không còn."
    for key, label in (("recipients", "Kính gửi"), ("distribution", "Nơi nhận")):
        for line in getattr(data, key):
            if (line.unit_id is not None and session.get(Unit, line.unit_id) is None) or (
                line.group_id is not None and session.get(UnitGroup, line.group_id) is None
            ):
                errors[key] = f"Một dòng {label} chỉ tới đơn vị hoặc nhóm không còn trong danh bạ."
                break
    return errors


def _check_recipients(data: DraftInput, errors: dict[str, str]) -> None:
    def blank(lines) -> bool:
        return any(not (r.text or "").strip() and r.unit_id is None and r.group_id is None for r in lines)

    if blank(data.recipients):
        errors["recipients"] = "Có dòng Kính gửi để trống."
    elif is_dispatch(data.doc_type) and not data.recipients:
        errors["recipients"] = "Công văn cần ít nhất một nơi nhận ở mục «Kính gửi»."
    if blank(data.distribution):
        errors["distribution"] = "Có dòng Nơi nhận để trống."
    elif not is_dispatch(data.doc_type) and not data.recipients and not data.distribution:
        errors["distribution"] = "Cần ít nhất một nơi nhận."


def validate(ctx: AppContext, data: DraftInput, *, for_issue: bool = False, on: date | None = None) -> dict[str, str]:
    """Field name -> Vietnamese message; empty when the draft can go to "Trình ký" (or be issued)."""
    with ctx.session() as session:
        return check(session, data, for_issue=for_issue, on=on)
