"""The vocabulary: every stored code has its Vietnamese label, each table and date form is
defined once, and dates read and print the way Decree 30 writes them."""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import CheckConstraint

from db.models import DOCUMENT_STATUSES, SECRECY_LEVELS, TASK_STATUSES, UNIT_KINDS, URGENCIES, Base
from desktop.core import vocabulary as v

REPO = Path(__file__).resolve().parents[2]

# (table, column) of every CheckConstraint "column IN (...)" -> the labels of those codes.
LABELS = {
    ("outgoing_documents", "status"): v.DOCUMENT_STATUS_LABELS,
    ("outgoing_documents", "urgency"): v.URGENCY_LABELS,
    ("incoming_documents", "urgency"): v.URGENCY_LABELS,
    ("outgoing_documents", "secrecy"): v.SECRECY_LABELS,
    ("outgoing_documents", "correction_kind"): v.CORRECTION_KIND_LABELS,
    ("document_recipients", "role"): v.RECIPIENT_ROLE_LABELS,
    ("registers", "direction"): v.REGISTER_DIRECTION_LABELS,
    ("register_entries", "status"): v.ENTRY_STATUS_LABELS,
    ("units", "kind"): v.UNIT_KIND_LABELS,
    ("emulation_clusters", "kind"): v.CLUSTER_KIND_LABELS,
    ("emulation_cluster_members", "role"): v.CLUSTER_ROLE_LABELS,
    ("tasks", "status"): v.TASK_STATUS_LABELS,
    ("tasks", "role"): v.TASK_ROLE_LABELS,
    ("calendar_days", "kind"): v.CALENDAR_DAY_LABELS,
    ("recipient_tracking", "channel"): v.CHANNEL_LABELS,
    ("recipient_tracking", "reply_link"): v.REPLY_LINK_LABELS,
}


def stored_codes() -> dict[tuple[str, str], list[str]]:
    """Walk the models' CheckConstraints: (table, column) -> the codes it allows."""
    found: dict[tuple[str, str], list[str]] = {}
    for table in Base.metadata.sorted_tables:
        for constraint in table.constraints:
            if isinstance(constraint, CheckConstraint):
                for m in re.finditer(r"(\w+) IN \(([^)]*)\)", str(constraint.sqltext)):
                    found[(table.name, m.group(1))] = re.findall(r"'([^']*)'", m.group(2))
    return found


def test_every_stored_code_has_a_vietnamese_label():
    codes = stored_codes()
    assert len(codes) >= 14
    assert set(codes) == set(LABELS), "a coded column without a label table (or a table for no column)"
    for where, allowed in codes.items():
        labels = LABELS[where]
        assert set(allowed) == set(labels), f"{where}: codes {allowed} but labels for {sorted(labels)}"
        for code in allowed:
            text = labels[code]
            assert text.strip() == text and text, (where, code)
            assert unicodedata.is_normalized("NFC", text), (where, code)


@pytest.mark.parametrize("codes, labels", [
    (DOCUMENT_STATUSES, v.DOCUMENT_STATUS_LABELS), (URGENCIES, v.URGENCY_LABELS),
    (SECRECY_LEVELS, v.SECRECY_LABELS), (TASK_STATUSES, v.TASK_STATUS_LABELS), (UNIT_KINDS, v.UNIT_KIND_LABELS),
])
def test_the_models_code_tuples_are_the_label_tables_keys_in_order(codes, labels):
    assert tuple(labels) == tuple(codes)


def test_register_entries_and_cancelled_tasks_have_their_own_words():
    assert v.ENTRY_STATUS_LABELS == {"issued": "Đã cấp", "reserved": "Giữ số", "voided": "Hủy số"}
    assert v.TASK_STATUS_LABELS["cancelled"] == v.DOCUMENT_STATUS_LABELS["cancelled"] == "Đã hủy"


def test_document_types_start_with_the_dispatch_and_carry_their_codes():
    assert v.DOC_TYPES[0] == "Công văn" and len(set(v.DOC_TYPES)) == len(v.DOC_TYPES)
    assert v.DOC_TYPE_CODES["Kế hoạch"] == "KH" and "Công văn" not in v.DOC_TYPE_CODES


@pytest.mark.parametrize("printed, code", [
    ("Khẩn", "khan"), ("THƯỢNG KHẨN.", "thuong_khan"), ("hoa toc", "hoa_toc"), ("", None), (None, None),
    ("Mật", None),
])
def test_urgency_code_reads_the_printed_word(printed, code):
    assert v.urgency_code(printed) == code


@pytest.mark.parametrize("day, decree, short", [
    (date(2021, 1, 6), "ngày 06 tháng 01 năm 2021", "06/01/2021"),
    (date(2021, 2, 28), "ngày 28 tháng 02 năm 2021", "28/02/2021"),
    (date(2018, 5, 25), "ngày 25 tháng 5 năm 2018", "25/05/2018"),
    (date(2026, 12, 9), "ngày 09 tháng 12 năm 2026", "09/12/2026"),
])
def test_dates_as_the_decree_writes_them(day, decree, short):
    assert v.decree_date(day) == decree
    assert v.short_date(day) == short
    assert v.read_date(short) == day


@pytest.mark.parametrize("text, expected", [
    ("25/05/2018", date(2018, 5, 25)), ("25/5/2018", date(2018, 5, 25)), ("25.5.2018", date(2018, 5, 25)),
    (" 5-6-2019 ", date(2019, 6, 5)), ("2018-05-25", date(2018, 5, 25)), (date(2018, 5, 25), date(2018, 5, 25)),
    ("", None), (None, None), ("31/02/2019", None), ("25/05", None), ("hôm qua", None),
])
def test_read_date(text, expected):
    assert v.read_date(text) == expected


def test_short_date_and_pad2_of_nothing_are_empty():
    assert v.short_date(None) == "" and v.short_date("") == ""
    assert v.pad2(None) == "" and v.pad2(5) == "05" and v.pad2(12) == "12" and v.pad2("7a") == "7a"


def test_enumeration_says_a_list_as_a_sentence():
    assert v.enumeration(["A", "B", "C"]) == "A, B và C"
    assert v.enumeration(v.URGENCY_LABELS.values(), "hoặc") == "Khẩn, Thượng khẩn hoặc Hỏa tốc"
    assert v.enumeration(["A"]) == "A" and v.enumeration([]) == ""


def test_the_qt_spelling_is_the_same_date_form():
    from PySide6.QtCore import QDate

    assert QDate(2021, 1, 6).toString(v.SHORT_DATE_QT) == v.short_date(date(2021, 1, 6))


def _sources() -> list[Path]:
    return sorted(p for package in ("db", "desktop", "ui") for p in (REPO / package).rglob("*.py"))


def test_each_label_table_and_date_form_is_defined_once():
    """Only desktop/core/vocabulary.py spells the date forms, defines the label tables, or writes a
    reporting category's label (a view compares codes, never these texts)."""
    home = REPO / "desktop" / "core" / "vocabulary.py"
    names = [n for n in vars(v) if n.endswith("_LABELS") or n in ("DOC_TYPES", "DOC_TYPE_CODES")]
    definition = re.compile(r"^\s*(%s)\s*(:[^=]*)?=" % "|".join(names), re.M)
    texts = ["%d/%m/%Y", "dd/MM/yyyy", *v.CATEGORY_LABELS.values()]
    offenders = []
    for path in _sources():
        if path == home:
            continue
        source = path.read_text(encoding="utf-8")
        offenders += [f"{path.relative_to(REPO)}: defines {m.group(1)}" for m in definition.finditer(source)]
        offenders += [f"{path.relative_to(REPO)}: writes {t!r}" for t in texts if t in source]
    assert offenders == []
