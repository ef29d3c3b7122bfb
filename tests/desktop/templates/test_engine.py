"""The sandboxed fill engine: values, missing and unknown placeholders, syntax errors, the sandbox."""
from __future__ import annotations

from datetime import date

import pytest

from desktop.templates.engine import (
    Placeholder,
    TemplateProblem,
    check_values,
    fill,
    placeholder_problems,
    placeholders_in,
)

PHS = [
    Placeholder("han", "Hạn báo cáo", "date"),
    Placeholder("nam", "Năm", "year"),
    Placeholder("so_bo", "Số bộ", "number", default=2),
    Placeholder("don_vi", "Đơn vị chưa báo cáo", "list", fields=[
        {"name": "ten", "label": "Đơn vị", "type": "unit"}, {"name": "viec", "label": "Việc còn tồn", "type": "text"},
    ]),
]


def test_fill_with_dates_numbers_defaults_and_a_list():
    text = (
        "Hạn {{ han | ngay }} ({{ han | dmy }}, {{ han }}); năm {{ nam }} và {{ nam + 1 }}; {{ so_bo | pad }} bộ.\n"
        "{% for d in don_vi %}\n- {{ d.ten }}: {{ d.viec }};\n{% endfor %}\n"
        "Gồm {{ don_vi | map(attribute='ten') | join(', ') }}."
    )
    values = {"han": "15/10/2026", "nam": "2026",
              "don_vi": [{"ten": "Sở Y tế", "viec": "báo cáo quý III"}, {"ten": "Sở Nội vụ", "viec": "danh sách"}]}
    result = fill(text, values, PHS)
    assert result.complete
    assert result.text == (
        "Hạn ngày 15 tháng 10 năm 2026 (15/10/2026, 15/10/2026); năm 2026 và 2027; 02 bộ.\n"
        "- Sở Y tế: báo cáo quý III;\n- Sở Nội vụ: danh sách;\n"
        "Gồm Sở Y tế, Sở Nội vụ."
    )
    assert fill("{{ han | ngay }}", {"han": date(2026, 2, 5)}, PHS).text == "ngày 05 tháng 02 năm 2026"


def test_missing_values_are_marked_never_printed_as_braces():
    result = fill("Trước {{ han | ngay }}, năm {{ nam + 1 }}.\n{% for d in don_vi %}- {{ d.ten }}\n{% endfor %}",
                  {"han": "", "nam": None}, PHS)
    assert "{{" not in result.text and "}}" not in result.text
    assert "[[Chưa điền: Hạn báo cáo]]" in result.text and "[[Chưa điền: Năm]]" in result.text
    assert result.missing == ["Hạn báo cáo", "Năm", "Đơn vị chưa báo cáo"]
    # a record with an empty field names the field
    partial = fill("{% for d in don_vi %}{{ d.ten }}: {{ d.viec }}{% endfor %}", {"don_vi": [{"ten": "Sở Y tế"}]}, PHS)
    assert partial.text == "Sở Y tế: [[Chưa điền: Đơn vị chưa báo cáo – Việc còn tồn]]"


def test_unknown_placeholder_is_reported():
    result = fill("Kính gửi {{ noi_nhan }} trước {{ han | dmy }}", {"han": "01/12/2026"}, PHS)
    assert result.unknown == ["noi_nhan"] and result.missing == ["noi_nhan"] and not result.complete
    assert "[[Chưa điền: noi_nhan]]" in result.text


def test_syntax_error_names_the_line():
    with pytest.raises(TemplateProblem, match="dòng 3"):
        fill("dòng một\ndòng hai\n{% for x in %}\n{% endfor %}", {})
    with pytest.raises(TemplateProblem, match="cú pháp"):
        placeholders_in("{{ han ")


@pytest.mark.parametrize("evil", [
    "{{ ''.__class__.__mro__ }}",
    "{{ han.__class__.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__.os }}",
    "{% for c in ''.__class__.__mro__[1].__subclasses__() %}{{ c }}{% endfor %}",
    "{{ 'a' * 100000000 }}",
    "{{ 9 ** 99999999 }}",
])
def test_sandbox_refuses_python_internals(evil):
    with pytest.raises(TemplateProblem, match="không được phép|không có|vượt giới hạn"):
        fill(evil, {"han": "x"})


def test_ordinary_arithmetic_still_works():
    assert fill("{{ '-' * 3 }} {{ 2 ** 3 }} {{ 4 * 5 }}", {}).text == "--- 8 20"


def test_value_and_declaration_checks():
    errors = check_values(PHS, {"han": "32/13/2026", "nam": "hai nghìn", "so_bo": "3"})
    assert set(errors) == {"han", "nam"} and "dd/mm/yyyy" in errors["han"]
    problems = placeholder_problems([Placeholder("hạn"), Placeholder("a", type="color"), Placeholder("b"), Placeholder("b")])
    assert len(problems) == 3
