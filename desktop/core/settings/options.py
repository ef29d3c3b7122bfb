"""Every setting the program reads, declared once (Picard's options.py is the model). Grouped by section;
the comment above a group names the modules that read it.

Office settings (store OFFICE) live in the database: one row of the `settings` table per section holding a
JSON object of the values the office changed ("letter_layout", "documents", "followup"); the section
"office" is the office's own row in `offices`. Per-user settings (store USER) live in QSettings, INI format,
in the user-data folder (`ui/common/user_settings.py`), so a backup and an uninstall see every setting.
"""
from __future__ import annotations

from desktop.core.settings.registry import USER, declare

# ---- office: the issuing body printed on every letter (desktop/documents/profile.py) --------------------
declare("office", "name", str, "", label="Tên cơ quan ban hành")
declare("office", "parent_name", str, "", label="Tên cơ quan chủ quản")
declare("office", "abbreviation", str, "", label="Chữ viết tắt tên cơ quan")
declare("office", "place", str, "", label="Địa danh")
# the address footer a draft may print (ô 13): offered by the editor, never printed unasked
declare("office", "address_lines", str, "", label="Địa chỉ (mỗi dòng một dòng)")
declare("office", "phone", str, "", label="Điện thoại")
declare("office", "email", str, "", label="Thư điện tử")
declare("office", "website", str, "", label="Trang thông tin điện tử")

# ---- documents: Nơi nhận of an outgoing letter (desktop/documents/store.py, profile.archive_line) -------
declare("documents", "archive_line", str, "Lưu: VT", label="Dòng lưu văn thư ở Nơi nhận")

# ---- followup: the reminder window (desktop/followup/categories.py, dashboard.py, task_query.py; the board,
# the dashboard and the start-up notice) ---------------------------------------------------------------
declare("followup", "soon_days", int, 7, label="Nhắc nhiệm vụ sắp đến hạn trước", unit="ngày", low=1, high=60)

# ---- limits: what an import may read and a template may produce (desktop/core/limits.py; the importer's
# readers, desktop/templates/engine.py, the directory's Excel import). Generous: they stop a runaway file
# or template (a ZIP bomb, a 1,000-page PDF, nested loops), never an office's real letters.
def _limit(name, default, label, unit, low, high):
    declare("limits", name, int, default, label=label, unit=unit, low=low, high=high)


_limit("file_mb", 20, "Dung lượng tối đa của một tệp nhập", "MB", 1, 500)
_limit("pdf_pages", 500, "Số trang tối đa của một tệp PDF nhập", "trang", 1, 10_000)
_limit("unzipped_mb", 100, "Dung lượng tối đa khi giải nén tệp DOCX, XLSX", "MB", 1, 2_000)
_limit("zip_ratio", 100, "Tỉ lệ nén tối đa của một phần trong tệp DOCX, XLSX", "lần", 10, 10_000)
_limit("text_chars", 1_000_000, "Số ký tự chữ tối đa của một tệp nhập", "ký tự", 10_000, 20_000_000)
_limit("read_seconds", 120, "Thời gian tối đa để đọc một tệp nhập", "giây", 5, 3_600)
_limit("template_chars", 1_000_000, "Độ dài tối đa của văn bản điền từ mẫu", "ký tự", 1_000, 20_000_000)
_limit("template_loops", 100_000, "Số bước lặp tối đa khi điền một mẫu", "bước", 100, 10_000_000)
_limit("template_depth", 30, "Số cấp lồng nhau tối đa khi điền mẫu", "cấp", 2, 80)
_limit("template_seconds", 5, "Thời gian tối đa để điền một mẫu", "giây", 1, 120)
# ---- backup: the automatic rotating backups of a SQLite database (desktop/storage/schedule.py; the GUI's
# start-up and timer in ui/storage/) -------------------------------------------------------------------
declare("backup", "interval_hours", int, 4, label="Sao lưu tự động sau mỗi", unit="giờ", low=1, high=168)
declare("backup", "keep_daily", int, 7, label="Giữ bản sao lưu hằng ngày của", unit="ngày gần nhất", low=1, high=366)
declare("backup", "keep_weekly", int, 8, label="Giữ bản sao lưu hằng tuần của", unit="tuần gần nhất", low=0, high=520)

# ---- letter_layout: every number of the printed letter, Decree 30/2020 Phụ lục I (desktop/letters/) ----
# The decree gives ranges (margins 20–25 / 20–25 / 30–35 / 15–20 mm, sizes 12–13 or 13–14, indent 1 or
# 1.27 cm, at least 6 pt between paragraphs, line spacing single to 1.5 lines); the defaults are the
# office's choice inside them. `desktop.letters.layout.LetterSettings` has exactly these fields.
ND30 = "Nghị định 30"


def _layout(name, type_, default, label, unit="", low=None, high=None):
    declare("letter_layout", name, type_, default, label=label, unit=unit, low=low, high=high,
            authority=ND30 if low is not None else "")


# Page (A4 portrait) and margins
_layout("page_width_mm", float, 210.0, "Khổ giấy: chiều rộng", "mm")
_layout("page_height_mm", float, 297.0, "Khổ giấy: chiều cao", "mm")
_layout("margin_top_mm", float, 20.0, "Lề trên", "mm", 20, 25)
_layout("margin_bottom_mm", float, 20.0, "Lề dưới", "mm", 20, 25)
_layout("margin_left_mm", float, 30.0, "Lề trái", "mm", 30, 35)
_layout("margin_right_mm", float, 15.0, "Lề phải", "mm", 15, 20)
# Header: the left column (issuer, Số, V/v); the right column takes the rest
_layout("header_left_mm", float, 68.0, "Độ rộng cột trái phần đầu", "mm")
_layout("header_gap_pt", float, 9.0, "Khoảng cách từ đường kẻ phần đầu đến dòng Số, ngày", "pt")
_layout("rule_thickness_pt", float, 0.6, "Độ dày đường kẻ", "pt")
_layout("issuer_rule_fraction", float, 0.4, "Độ dài đường kẻ dưới tên cơ quan (phần của dòng chữ)", "", 1 / 3, 1 / 2)
_layout("title_rule_fraction", float, 0.4, "Độ dài đường kẻ dưới trích yếu văn bản có tên loại", "", 1 / 3, 1 / 2)
# Font sizes, points
_layout("quoc_hieu_size", float, 12.0, "Quốc hiệu", "pt", 12, 13)
_layout("tieu_ngu_size", float, 13.0, "Tiêu ngữ", "pt", 13, 14)
_layout("parent_size", float, 12.0, "Tên cơ quan chủ quản", "pt", 12, 13)
_layout("issuer_size", float, 12.0, "Tên cơ quan ban hành", "pt", 12, 13)
_layout("number_size", float, 13.0, "Số, ký hiệu", "pt", 13, 13)
_layout("date_size", float, 13.0, "Địa danh, ngày tháng", "pt", 13, 14)
_layout("subject_size", float, 12.0, "Trích yếu (V/v)", "pt", 12, 13)
_layout("subject_space_pt", float, 6.0, "Khoảng cách giữa dòng Số và V/v", "pt")
_layout("doc_type_size", float, 14.0, "Tên loại văn bản (KẾ HOẠCH…)", "pt", 13, 14)
_layout("title_size", float, 14.0, "Trích yếu dưới tên loại văn bản", "pt", 13, 14)
_layout("recipients_size", float, 14.0, "Kính gửi", "pt", 13, 14)
_layout("body_size", float, 14.0, "Nội dung", "pt", 13, 14)
_layout("signer_size", float, 14.0, "Chức vụ, họ tên người ký", "pt", 13, 14)
_layout("distribution_heading_size", float, 12.0, "Chữ “Nơi nhận”", "pt")
_layout("distribution_size", float, 11.0, "Các dòng nơi nhận", "pt")
_layout("page_number_size", float, 13.0, "Số trang", "pt", 13, 14)
_layout("urgency_size", float, 13.0, "Độ khẩn", "pt", 13, 14)
# Body; leading = line_spacing x font size: Word's "single" for Times is 1.15 em, "1.5 lines" 1.725 em
_layout("first_line_indent_cm", float, 1.27, "Thụt đầu dòng", "cm", 1.0, 1.27)
_layout("paragraph_space_pt", float, 6.0, "Khoảng cách giữa các đoạn", "pt", 6, 12)
_layout("line_spacing", float, 1.2, "Giãn dòng (lần cỡ chữ)", "", 1.15, 1.725)
_layout("recipients_space_pt", float, 12.0, "Khoảng cách trên Kính gửi và trên nội dung", "pt")
# Signature block and Nơi nhận
_layout("distribution_width_mm", float, 85.0, "Độ rộng cột Nơi nhận", "mm")
_layout("signature_space_pt", float, 12.0, "Khoảng cách từ nội dung đến phần ký", "pt")
_layout("signature_room_mm", float, 26.0, "Chỗ ký và đóng dấu", "mm")
# Urgency stamp boxes (width, height) from PL I, ô 10b; the printed box is black unless the office
# prints it in red ("#d00000")
_layout("stamp_khan_mm", tuple, (20.0, 8.0), "Khung “KHẨN” (rộng, cao)", "mm")
_layout("stamp_thuong_khan_mm", tuple, (40.0, 8.0), "Khung “THƯỢNG KHẨN” (rộng, cao)", "mm")
_layout("stamp_hoa_toc_mm", tuple, (30.0, 8.0), "Khung “HỎA TỐC” (rộng, cao)", "mm")
_layout("stamp_color", str, "#000000", "Màu khung độ khẩn")
# Secrecy stamp boxes (ô 10a; Thông tư 24/2020/TT-BCA, mẫu số 02: two borders 1 mm apart, bold capitals)
_layout("stamp_mat_mm", tuple, (20.0, 8.0), "Khung “MẬT” (rộng, cao)", "mm")
_layout("stamp_toi_mat_mm", tuple, (30.0, 8.0), "Khung “TỐI MẬT” (rộng, cao)", "mm")
_layout("stamp_tuyet_mat_mm", tuple, (40.0, 8.0), "Khung “TUYỆT MẬT” (rộng, cao)", "mm")
# The address footer (ô 13, page 1 only, under a rule across the text area) and the appendices
_layout("contact_size", float, 11.0, "Địa chỉ, điện thoại cuối trang đầu (ô 13)", "pt", 11, 12)
_layout("appendix_heading_size", float, 14.0, "Chữ “Phụ lục …”", "pt", 14, 14)
_layout("appendix_title_size", float, 14.0, "Tên phụ lục và dòng “Kèm theo …”", "pt", 13, 14)
# Fonts: prefer the system's Times New Roman, else the bundled Liberation Serif
_layout("prefer_system_font", bool, True, "Ưu tiên phông Times New Roman của máy")

# ---- per-user window state (store USER; ui/main_window.py, ui/importing/) --------------------------------
declare("main", "geometry", bytes, b"", store=USER)  # QMainWindow.saveGeometry()
declare("main", "section", int, 0, store=USER)  # the section shown last (row of the navigation)
declare("main", "splitter", bytes, b"", store=USER)  # navigation | section
declare("import", "last_folder", str, "", store=USER)  # where "Mở tệp…" / "Nhập cả thư mục…" start
declare("import", "splitter", bytes, b"", store=USER)  # source | extracted fields
declare("export", "last_folder", str, "", store=USER)  # where the save dialog of an Excel export starts
# The size each window or dialog had when last closed, "WIDTHxHEIGHT" ("" until then; ui/common/window_size.py)
WINDOW_KEYS = ("editor", "preview", "detail", "directory-picker", "issue", "movement", "template-fill",
               "template-editor", "task-add", "task-progress", "task-propose", "chase-deadline", "holidays",
               "register", "letter-settings", "import", "import-folder", "help-guide", "help-shortcuts",
               "help-about", "unit-edit", "unit-merge", "unit-lists", "unit-picker", "unit-excel-import",
               "report-export", "responses", "responses-waiting", "incoming-edit", "search", "users",
               "password")
for _key in WINDOW_KEYS:
    declare("windows", _key, str, "", store=USER)
