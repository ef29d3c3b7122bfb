"""Templates cannot run away: billion-character strings, huge lists, nested range loops, indent(10**9),
huge powers, a string doubled in a loop, a macro calling itself are refused with the one TemplateProblem
naming the line, in bounded time and memory; every exception inside a template (IndexError, KeyError,
RecursionError …) is that same error; the limits are the office's settings."""
from __future__ import annotations

import tracemalloc
from dataclasses import replace

import pytest

from desktop.core.jobs import CancelToken, Cancelled
from desktop.core.limits import Limits
from desktop.templates.engine import TemplateProblem, fill

RUNAWAYS = {
    "a billion characters": "{{ 'x' * 1000000000 }}",
    "a long list": "{{ [0] * 100000000 }}",
    "a list concatenated": "{% set l = range(100000)|list %}{{ (l + l + l + l + l + l + l + l + l + l + l)|length }}",
    "nested range loops": "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "indent": r"{{ 'a\nb'|indent(1000000000) }}",
    "indent by a string": r"{{ ('a\n' * 999)|indent('-' * 999) }}{{ ('a\n' * 999)|indent('-' * 999) }}",
    "center": "{{ 'x'|center(1000000000) }}",
    "ljust": "{{ 'x'.ljust(1000000000) }}",
    "str.format width": "{{ '{:>1000000000}'.format(1) }}",
    "percent width": "{{ '%1000000000d' % 1 }}",
    "format filter": "{{ '%1000000000s'|format('x') }}",
    "replace": "{{ ('a' * 1000)|replace('a', 'b' * 1001) }}",
    "join of a huge map": "{{ range(100000)|map('center', 999999)|join }}",
    "batch with filler": "{{ [1]|batch(1000000000, 'x')|list }}",
    "a huge power": "{{ 9 ** 99999999 }}",
    "a big base": "{{ (10 ** 60) ** 60 }}",
    "products doubling": "{% set ns = namespace(x=3) %}{% for i in range(40) %}{% set ns.x = ns.x * ns.x %}{% endfor %}{{ ns.x }}",
    "a string doubled": "{% set ns = namespace(s='ab') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
    "doubled through output": ("{% set ns = namespace(s='ab') %}{% for i in range(60) %}{% set t %}{{ ns.s }}{{ ns.s }}"
                               "{% endset %}{% set ns.s = t %}{% endfor %}{{ ns.s|length }}"),
    "a recursive macro": "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}",
    "a long output": "{% for i in range(100000) %}{{ 'x' * 999 }}{% endfor %}",
    "list append refused": "{% set l = [] %}{% for i in range(10) %}{{ l.append(l) }}{% endfor %}",
}


@pytest.mark.parametrize("name", list(RUNAWAYS))
def test_runaway_templates_are_refused_with_the_line(name):
    text = "Kính gửi các đơn vị.\n" + RUNAWAYS[name]
    tracemalloc.start()
    try:
        with pytest.raises(TemplateProblem) as caught:
            fill(text, {})
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    message = str(caught.value)
    assert "ở dòng 2" in message, message
    assert "vượt giới hạn" in message or "không được phép" in message, message
    assert peak < 200 * 1024 * 1024, f"{name}: {peak // 2**20} MB"  # a generous bound: a runaway takes gigabytes


@pytest.mark.parametrize("text, reason", [
    ("{% set l = [1, 2] %}\n{{ l[5] }}", "không có|ngoài danh sách"),
    ("{% set d = {'a': 1} %}\n\n{{ d['b'].x }}", "không có"),
    ("dòng 1\n{{ 1 / 0 }}", "chia cho 0"),
    ("dòng 1\n{{ 'x' + 1 }}", "Không điền được mẫu ở dòng 2"),
    ("{% macro f() %}{{ f() }}{% endmacro %}\n{{ f() }}", "lồng nhau|sâu"),
    ("{% for x in 5 %}{% endfor %}", "Không điền được mẫu ở dòng 1"),
    ("{{ 'a' < 1 }}", "Không điền được mẫu ở dòng 1"),
    ("{% include 'khác.txt' %}", "Không điền được mẫu"),
    ("{{ '{0.__class__}'.format(1) }}", "không được phép"),
])
def test_every_exception_inside_a_template_is_the_one_error(text, reason):
    with pytest.raises(TemplateProblem, match=reason):
        fill(text, {})


def test_deep_nesting_of_the_text_itself():
    with pytest.raises(TemplateProblem, match="sâu|lồng|cú pháp"):
        fill("{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}", {})


def test_ordinary_templates_are_untouched():
    text = ("{% for d in ds %}{{ loop.index }}. {{ d|upper }}{{ ', ' if not loop.last }}{% endfor %}; "
            "{{ 'Tổng: %d đơn vị' % ds|length }} – {{ '{:>3}'.format(7) }}{{ '-' * 3 }}{{ 2 ** 10 }}"
            "{{ ['a', 'b']|join(' ') }}{{ 'x'|center(5) }}|{{ 'a b'|replace(' ', '_') }}|{{ ' '.join(ds) }}")
    result = fill(text, {"ds": ["Sở Y tế", "Sở Nội vụ"]})
    assert result.text == "1. SỞ Y TẾ, 2. SỞ NỘI VỤ; Tổng: 2 đơn vị –   7---1024a b  x  |a_b|Sở Y tế Sở Nội vụ"


def test_the_limits_are_the_offices():
    small = replace(Limits.defaults(), template_loops=100, template_chars=1000)
    assert fill("{% for i in range(90) %}.{% endfor %}", {}, limits=small).text == "." * 90
    with pytest.raises(TemplateProblem, match="quá 100 bước lặp"):
        fill("{% for i in range(200) %}.{% endfor %}", {}, limits=small)
    with pytest.raises(TemplateProblem, match="quá 1.000 ký tự"):
        fill("{{ 'x' * 1001 }}", {}, limits=small)
    with pytest.raises(TemplateProblem, match="quá giới hạn 1.000 ký tự"):
        fill("x" * 1001, {}, limits=small)


def test_time_is_capped_and_a_fill_can_be_cancelled():
    ticks = iter(range(1_000_000))
    with pytest.raises(TemplateProblem, match="quá 5 giây"):
        fill("{% for i in range(1000) %}{{ i }}{% endfor %}", {}, clock=lambda: next(ticks) / 100)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        fill("{% for i in range(10) %}{{ i }}{% endfor %}", {}, cancel=token)
