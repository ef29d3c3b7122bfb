"""The office's vocabulary, defined once: the Vietnamese label of every stored code, the
document types, and the forms in which Decree 30 writes numbers and dates.

Screens, reports, letters and the CLI import these; nothing else spells them. The stored
codes themselves are the CheckConstraint tuples of `db.models` (a test checks that each one
has a label here). Views decide colours and icons from the codes, never from these texts.
"""
from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, Callable, Iterable, Mapping

from db.text import fold

# ---- documents -------------------------------------------------------------------------
# dự thảo -> trình ký -> đã ký -> đã ban hành; "cancelled" for a draft given up.
DOCUMENT_STATUS_LABELS = {
    "draft": "Dự thảo",
    "submitted": "Trình ký",
    "signed": "Đã ký",
    "issued": "Đã ban hành",
    "cancelled": "Đã hủy",
}
URGENCY_LABELS = {"khan": "Khẩn", "thuong_khan": "Thượng khẩn", "hoa_toc": "Hỏa tốc"}
NO_URGENCY_LABEL = "Thường"  # no urgency stored (NULL)
SECRECY_LABELS = {"mat": "Mật", "toi_mat": "Tối mật", "tuyet_mat": "Tuyệt mật"}
CORRECTION_KIND_LABELS = {"correction": "Đính chính", "replacement": "Thay thế"}
RECIPIENT_ROLE_LABELS = {"recipient": "Kính gửi", "distribution": "Nơi nhận"}
# How a dispatch reached a unit (its tracking row's channel).
CHANNEL_LABELS = {"post": "Bưu điện", "email": "Thư điện tử", "axis": "Trục liên thông", "hand": "Trực tiếp"}
# How a reply came to be linked to its tracking row: by itself (the letter cites the dispatch) or by the clerk.
REPLY_LINK_LABELS = {"auto": "Tự liên kết", "manual": "Văn thư ghi nhận"}
# Where a tracking row stands as of a date (computed by desktop.tracking.query, never stored).
TRACKING_STATUS_LABELS = {
    "on_time": "Đã trả lời đúng hạn",
    "late_reply": "Đã trả lời quá hạn",
    "replied": "Đã trả lời",
    "waiting": "Chưa trả lời",
    "overdue": "Quá hạn, chưa trả lời",
    "copy": "Không cần trả lời",
    "untracked": "Chưa gắn đơn vị",
}

# Document type -> its code in the symbol (ND30 PL III, Mục I). A công văn has no code.
DOC_TYPE_CODES: dict[str, str] = {
    "Nghị quyết": "NQ",
    "Quyết định": "QĐ",
    "Chỉ thị": "CT",
    "Quy chế": "QC",
    "Quy định": "QyĐ",
    "Thông cáo": "TC",
    "Thông báo": "TB",
    "Hướng dẫn": "HD",
    "Chương trình": "CTr",
    "Kế hoạch": "KH",
    "Phương án": "PA",
    "Đề án": "ĐA",
    "Dự án": "DA",
    "Báo cáo": "BC",
    "Biên bản": "BB",
    "Tờ trình": "TTr",
    "Hợp đồng": "HĐ",
    "Công điện": "CĐ",
    "Bản ghi nhớ": "BGN",
    "Bản thỏa thuận": "BTT",
    "Giấy ủy quyền": "GUQ",
    "Giấy mời": "GM",
    "Giấy giới thiệu": "GGT",
    "Giấy nghỉ phép": "GNP",
    "Phiếu gửi": "PG",
    "Phiếu chuyển": "PC",
    "Phiếu báo": "PB",
}
DISPATCH = "Công văn"
# Every document type (stored as its name), công văn first: what the pickers offer.
DOC_TYPES: tuple[str, ...] = (DISPATCH, *DOC_TYPE_CODES)

# ---- registers -------------------------------------------------------------------------
REGISTER_DIRECTION_LABELS = {"out": "Văn bản đi", "in": "Văn bản đến"}
# A number of a register: given to a document, held for later, or voided (it stays in the book).
ENTRY_STATUS_LABELS = {"issued": "Đã cấp", "reserved": "Giữ số", "voided": "Hủy số"}

# ---- directory ---------------------------------------------------------------------------
UNIT_KIND_LABELS = {
    "central": "Cơ quan Trung ương",
    "province": "Cấp tỉnh",
    "department": "Sở, ban, ngành",
    "organisation": "Đoàn thể, hội",
    "district": "Cấp huyện (trước 7/2025)",
    "commune": "Cấp xã",
    "enterprise": "Doanh nghiệp",
    "media": "Báo, đài",
    "internal": "Nội bộ",
    "other": "Khác",
}
CLUSTER_KIND_LABELS = {"cluster": "Cụm thi đua", "block": "Khối thi đua"}
CLUSTER_ROLE_LABELS = {"head": "Cụm trưởng", "deputy": "Cụm phó", "member": "Thành viên"}

# ---- tasks ---------------------------------------------------------------------------------
TASK_STATUS_LABELS = {"open": "Đang thực hiện", "done": "Hoàn thành", "cancelled": "Đã hủy"}
TASK_ROLE_LABELS = {"lead": "Chủ trì", "support": "Phối hợp"}
# The four categories of official reporting (domain spec §3.5), in report order; computed as of
# a date by desktop.followup.categories, never stored. A cancelled task is in none of them.
CATEGORY_LABELS = {
    "done_on_time": "Hoàn thành đúng hạn",
    "done_late": "Hoàn thành quá hạn",
    "open_in_time": "Chưa hoàn thành, trong hạn",
    "open_overdue": "Chưa hoàn thành, quá hạn",
}
CATEGORY_ORDER: tuple[str, ...] = tuple(CATEGORY_LABELS)
CALENDAR_DAY_LABELS = {"off": "Nghỉ", "work": "Làm bù"}

# ---- users and the audit log -------------------------------------------------------------------
# chuyên viên drafts, văn thư registers/numbers/issues/voids, lãnh đạo approves and signs, quản trị
# manages users, settings and restore (desktop/core/access.py says which action needs which role)
ROLE_LABELS = {"chuyen_vien": "Chuyên viên", "van_thu": "Văn thư", "lanh_dao": "Lãnh đạo", "quan_tri": "Quản trị"}
# What an audit entry records (the action and the kind of thing it touched), as the log screen shows it
AUDIT_ACTION_LABELS = {
    "create": "Tạo", "update": "Sửa", "delete": "Xóa", "submit": "Trình ký", "sign": "Ký",
    "issue": "Ban hành", "return_to_draft": "Trả lại dự thảo", "cancel": "Hủy văn bản",
    "duplicate": "Nhân bản", "correction": "Đính chính", "replacement": "Thay thế",
    "reserve_number": "Giữ số", "void_number": "Hủy số", "import": "Nhập văn bản",
    "archive": "Lưu trữ", "unarchive": "Bỏ lưu trữ", "merge": "Hợp nhất", "deactivate": "Ngừng hoạt động",
    "copy_year": "Chép từ năm trước", "link_documents": "Gắn văn bản", "unlink_document": "Bỏ gắn văn bản",
    "assign_tasks": "Gắn nhiệm vụ", "progress": "Cập nhật tiến độ", "reopen": "Mở lại", "replace": "Thay nhiệm vụ",
    "chase": "Đôn đốc", "login": "Đăng nhập", "login_failed": "Đăng nhập sai", "set_password": "Đặt mật khẩu",
    "backup": "Sao lưu", "restore": "Khôi phục", "clone": "Nhân bản", "attach": "Đính kèm tệp",
    "bulk": "Cập nhật theo dõi", "attach_unit": "Gắn đơn vị", "link_reply": "Gắn văn bản trả lời",
    "unlink_reply": "Bỏ gắn văn bản trả lời", "reply_deadline": "Đặt hạn trả lời", "undo": "Hoàn tác",
    "roll_over": "Chuyển kỳ nhiệm vụ định kỳ",
}
# The keys of an audit entry's details, as the log screen names them (a key not here shows as itself)
AUDIT_DETAIL_LABELS = {
    "from": "từ", "to": "sang", "number": "số", "year": "năm", "reason": "lý do", "date": "ngày",
    "register_id": "sổ", "name": "tên", "full_name": "họ tên", "roles": "vai trò", "active": "đang dùng",
    "own": "tự đổi", "status": "trạng thái", "fields": "các mục đã sửa", "changed": "các mục đã sửa",
    "source_id": "từ văn bản", "template_id": "mẫu", "code": "mã", "key": "nhóm thiết lập", "before": "trước",
    "after": "sau", "note": "ghi chú", "source_file": "tệp nguồn", "tasks": "số nhiệm vụ", "symbol": "ký hiệu",
    "kind": "loại", "day": "ngày", "outgoing_id": "văn bản đi", "incoming_id": "văn bản đến",
    "task_ids": "nhiệm vụ", "outgoing_ids": "văn bản đi", "count": "số lượng", "merged": "đơn vị đã gộp",
    "years_forward": "số năm lùi tới", "corrects_id": "sửa văn bản", "correction_kind": "cách sửa",
    "as_of": "tính đến ngày", "created": "nhiệm vụ kỳ mới", "dated": "số nhiệm vụ được đặt hạn", "file": "tệp",
    "file_name": "tên tệp", "from_year": "từ năm", "to_year": "sang năm", "label": "nhãn", "moved": "đã chuyển",
    "new_aliases": "tên gọi khác mới", "removed": "đã bỏ", "source": "nguồn", "today": "ngày tạo",
    "undone": "đã hoàn tác", "what": "nội dung", "added": "thêm mới", "arrival_date": "ngày đến",
    "arrival_number": "số đến", "deleted_tasks": "nhiệm vụ đã xóa", "duplicate_allowed": "vẫn lưu khi trùng",
    "issuer": "cơ quan ban hành", "last_day": "ngày cuối hoạt động", "lost_reports": "báo cáo bị bỏ",
    "members": "thành viên", "members_after": "thành viên sau", "members_before": "thành viên trước",
    "memberships_ended": "thôi là thành viên", "memberships_removed": "bỏ khỏi nhóm", "new_deadline": "hạn mới",
    "replies_to": "trả lời văn bản", "subject": "trích yếu", "summary": "tóm tắt", "units": "đơn vị",
    "unlinked_rows": "dòng theo dõi bỏ gắn", "unit_id": "mã số đơn vị", "how": "cách ghi nhận",
    "row_ids": "dòng theo dõi",
}
# Details an entry keeps for the program itself (what an undo puts back), not shown in the log
AUDIT_HIDDEN_DETAILS = frozenset({"undo"})
AUDIT_ENTITY_LABELS = {
    "outgoing_document": "Văn bản đi", "incoming_document": "Văn bản đến", "register": "Sổ đăng ký",
    "task": "Nhiệm vụ", "template": "Mẫu văn bản", "movement": "Phong trào", "unit": "Đơn vị",
    "unit_group": "Nhóm đơn vị", "emulation_cluster": "Cụm, khối thi đua", "calendar_day": "Ngày nghỉ, làm bù",
    "settings": "Thiết lập", "directory": "Danh bạ đơn vị", "database": "Cơ sở dữ liệu", "user": "Người dùng",
    "recipient_tracking": "Theo dõi nơi nhận",
}


def label(mapping: Mapping[str, str]) -> Callable[[Any], str]:
    """A formatter code -> label (an unknown code shows as itself, None as "")."""
    return lambda value: mapping.get(value or "", value or "")


def enumeration(items: Iterable[Any], conjunction: str = "và") -> str:
    """"A, B và C" (or "A, B hoặc C"): a list as a Vietnamese sentence says it."""
    words = [str(item) for item in items]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {conjunction} " + words[-1]


def urgency_code(printed: str | None) -> str | None:
    """The stored code of an urgency as printed or typed ("Thượng khẩn", "THUONG KHAN.");
    None for none or an unknown word."""
    key = fold(printed or "").strip(" .")
    return next((code for code, text in URGENCY_LABELS.items() if fold(text) == key), None)


# ---- numbers and dates as the decree writes them -----------------------------------------------
SHORT_DATE_FORMAT = "%d/%m/%Y"  # dd/mm/yyyy, the form clerks type and tables show
SHORT_DATE_QT = "dd/MM/yyyy"  # the same form in Qt's spelling (date edits)

_DMY = re.compile(r"\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*")
_ISO = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*")


_TYPED = re.compile(r"\s*(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})(?:\s*[/.\-\s]\s*(\d{2}|\d{4}))?\s*")
_TYPED_DIGITS = re.compile(r"\s*(\d{2})(\d{2})(\d{2}|\d{4})?\s*")


def typed_date(text: str, year: int) -> date:
    """The date a clerk typed: "5/9" (in `year`), "05/09/2026", "5-9-26", "5.9.2026", "050926",
    "2026-09-05". ValueError with one Vietnamese sentence for an empty, unreadable or impossible
    date ("31/02" is refused, never moved to another day)."""
    raw = (text or "").strip()
    if not raw:
        raise ValueError("Chưa nhập ngày.")
    if m := _ISO.fullmatch(raw):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif m := (_TYPED.fullmatch(raw) or _TYPED_DIGITS.fullmatch(raw)):
        d, mo = int(m.group(1)), int(m.group(2))
        y = year if m.group(3) is None else int(m.group(3))
        if m.group(3) is not None and len(m.group(3)) == 2:
            y += 2000
    else:
        raise ValueError(f"Không đọc được ngày «{raw}»: gõ ngày/tháng/năm, ví dụ 05/09/{year}.")
    if not 1900 <= y <= 2199:
        raise ValueError(f"Năm {y} không hợp lệ.")
    if not 1 <= mo <= 12:
        raise ValueError(f"Không có tháng {mo}: tháng từ 1 đến 12.")
    try:
        return date(y, mo, d)
    except ValueError:
        last = (date(y + mo // 12, mo % 12 + 1, 1) - date(y, mo, 1)).days
        raise ValueError(f"Không có ngày {d:02d}/{mo:02d}/{y}: tháng {mo} năm {y} chỉ có {last} ngày.") from None


def pad2(n: Any) -> str:
    """Numbers below 10 take a leading zero (ND30: "Số: 05/...", day 06); None gives ""."""
    if n is None:
        return ""
    return f"{n:02d}" if isinstance(n, int) and 0 <= n < 10 else str(n)


def decree_date(d: date) -> str:
    """"ngày 06 tháng 01 năm 2021": day < 10 and months 1-2 zero-padded, other months not."""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {pad2(d.day)} tháng {month} năm {d.year}"


def short_date(d: Any) -> str:
    """dd/mm/yyyy, the form clerks type and tables show; "" for no date."""
    return d.strftime(SHORT_DATE_FORMAT) if isinstance(d, date) else ""


def vi_number(value: float, decimals: int = 0) -> str:
    """A number as Vietnamese writes it: "." between thousands, "," before decimals (1.234,5)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def read_date(value: Any) -> date | None:
    """A date from a date, "25/05/2018", "25/5/2018", "25.5.2018", "25-05-2018" or
    "2018-05-25"; None when empty or unreadable."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    parts = None
    if m := _DMY.fullmatch(text):
        parts = (int(m.group(3)), int(m.group(2)), int(m.group(1)))
    elif m := _ISO.fullmatch(text):
        parts = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if parts is not None:
        try:
            return date(*parts)
        except ValueError:
            return None
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None
