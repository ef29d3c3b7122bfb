"""The template engine: any template put together from Jinja's pieces (well formed or not), with any
values, fills or raises the one TemplateProblem (with a readable line) — never another exception, never a
runaway; the template form's checks return their messages and never raise."""
from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from desktop.templates.engine import (
    Placeholder,
    TemplateProblem,
    check_values,
    fill,
    placeholder_problems,
    placeholders_in,
)
from desktop.templates.service import TemplateData, check_template
from tests.fuzz import fuzz, readable

NAMES = st.sampled_from(["han", "nam", "don_vi", "so", "ten", "x", "loop", "range", "namespace", "d", "_a", "ns"])
LITERALS = st.sampled_from(["1", "0", "-1", "2.5", "10**9", "'chữ'", "''", "[]", "[1, 2, 3]", "{'a': 1}", "none",
                            "true", "(1, 2)", "'{:>9}'", "'%5d'", "99999999999999999999", "1e308", "'\\n'"])
OPS = st.sampled_from([" + ", " - ", " * ", " / ", " // ", " % ", " ** ", " ~ ", " == ", " < ", " and ", " or ",
                       " in ", " if ", " else ", ".", "[", "]", "(", ")", ", ", " | ", " not ", "|length",
                       "|join(', ')", "|upper", "|ngay", "|dmy", "|nam", "|pad", "|liet_ke", "|indent(4)",
                       "|center(9)", "|replace('a', 'b')", "|batch(2)", "|list", "|first", "|last", "|int",
                       "|sum", "|sort", "|reverse", "|default('x')", "|format(1)", "|truncate(5)", "|wordwrap(5)",
                       ".upper()", ".split()", ".ljust(3)", ".format(1)", ".__class__", ".items()", "[0]", "['a']"])
EXPR = st.lists(NAMES | LITERALS | OPS, min_size=1, max_size=8).map("".join)
PIECES = st.one_of(
    st.text(st.sampled_from(list("abc đêư .,:;\n-{}%#")), max_size=12),
    EXPR.map(lambda e: "{{ " + e + " }}"),
    st.tuples(NAMES, EXPR).map(lambda t: "{% for " + t[0] + " in " + t[1] + " %}"),
    EXPR.map(lambda e: "{% if " + e + " %}"),
    st.tuples(NAMES, EXPR).map(lambda t: "{% set " + t[0] + " = " + t[1] + " %}"),
    st.sampled_from(["{% endfor %}", "{% endif %}", "{% else %}", "{% macro m(a) %}", "{% endmacro %}",
                     "{{ m(1) }}", "{% raw %}", "{% endraw %}", "{# chú thích #}", "{%", "%}", "{{", "}}",
                     "{% set ns = namespace(v='ab') %}", "{% set ns.v = ns.v ~ ns.v %}", "{{ loop.index }}",
                     "{% include 'x' %}", "{% extends 'x' %}", "{% block b %}", "{% endblock %}", "{{ caller() }}"]),
)
TEMPLATES = st.lists(PIECES, max_size=14).map("".join)
PLACEHOLDERS = [
    Placeholder("han", "Hạn báo cáo", "date"), Placeholder("nam", "Năm", "year"), Placeholder("so", "Số", "number"),
    Placeholder("ten", "Tên", "text"), Placeholder("don_vi", "Đơn vị", "list", fields=[{"name": "ten"}]),
]
VALUES = st.fixed_dictionaries({}, optional={
    "han": st.none() | st.text(max_size=12) | st.dates(min_value=date(1, 1, 1)),
    "nam": st.none() | st.integers() | st.text(max_size=6),
    "so": st.none() | st.integers() | st.floats() | st.text(max_size=6),
    "ten": st.none() | st.text(max_size=30),
    "don_vi": st.none() | st.text(max_size=30) | st.lists(
        st.text(max_size=10) | st.fixed_dictionaries({}, optional={"ten": st.text(max_size=10)}), max_size=5),
    "x": st.integers() | st.text(max_size=5),
})


def _fill(text, values, placeholders=None):
    try:
        result = fill(text, values, placeholders)
    except TemplateProblem as exc:
        readable(exc)
        return None
    assert isinstance(result.text, str) and len(result.text) <= 1_000_000
    return result


@fuzz("template_fill")
@given(TEMPLATES, VALUES)
def test_any_template_fills_or_is_the_one_error(text, values):
    _fill(text, values)


@fuzz("template_values")
@given(st.sampled_from([
    "Kính gửi {{ ten }}. Trước {{ han | ngay }} ({{ han | dmy }}), năm {{ nam }} / {{ nam + 1 }}, số {{ so | pad }}.",
    "{% for d in don_vi %}{{ loop.index }}. {{ d.ten }}{{ ', ' if not loop.last }}{% endfor %} – {{ don_vi | liet_ke }}",
    "{{ don_vi | length }} đơn vị; {{ ten | upper }} {{ (so or 0) * 2 }} {{ nam | nam }}",
]), VALUES)
def test_the_office_templates_with_any_values(text, values):
    result = _fill(text, values, PLACEHOLDERS)
    if result is not None:
        assert "{{" not in result.text


@fuzz("template_forms")
@given(TEMPLATES, TEMPLATES, st.text(max_size=20),
       st.lists(st.builds(Placeholder, st.text(max_size=8), st.text(max_size=8),
                          st.sampled_from(["text", "date", "number", "unit", "list", "year", "color", ""])), max_size=4),
       VALUES)
def test_the_template_form_checks_never_raise(subject, body, name, placeholders, values):
    errors = check_template(TemplateData(name=name, subject=subject, body=body, placeholders=placeholders))
    assert all(isinstance(k, str) and isinstance(v, str) and v for k, v in errors.items())
    assert all(isinstance(p, str) and p for p in placeholder_problems(placeholders))
    assert all(isinstance(v, str) for v in check_values(placeholders + PLACEHOLDERS, values).values())
    try:
        assert isinstance(placeholders_in(body), set)
    except TemplateProblem as exc:
        readable(exc)
