"""The metered sandbox a template is filled in: Jinja2's immutable sandbox, plus a meter that caps what
one fill may do (desktop/core/limits.py: template_chars, template_loops, template_depth,
template_seconds).

- Size: everything that can build a long string or a long list is measured before it is built — `*`,
  `+`, `~`, `%`, the string methods that pad or repeat (ljust, center, zfill, expandtabs, replace,
  join, format), the filters that do (indent, center, replace, format, join, batch, slice) — and every
  other filter's result and every printed value after. One value longer than template_chars is
  refused, and so is a fill that builds more than ten times that in all (a string doubled in a loop).
- Numbers: a power above 64, or a product or power beyond 4096 bits, is refused.
- Steps: each loop iteration and each call counts; more than template_loops in one fill is refused
  (nested range loops), and so are calls nested deeper than template_depth (a macro calling itself).
- Time: past template_seconds the fill stops; the cancel token is checked at the same points.

Loops, `~` and printed values are metered by rewriting the parsed template (`metered_ast`): each for
loop iterates through the filter `tdkt_loop`, each `~` becomes the filter `tdkt_concat`, each printed
expression and text passes the filter `tdkt_out` (which counts what is printed, with the line). A refusal is `TemplateLimit`; desktop/templates/engine.py
turns it, like any other exception inside a template, into the one TemplateProblem with the line.
"""
from __future__ import annotations

import contextlib
import functools
import re
import string
import time
from contextvars import ContextVar
from typing import Any, Callable

from jinja2 import nodes, pass_context
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer

from desktop.core.jobs import CancelToken
from desktop.core.limits import Limits, number

MAX_POWER = 64
MAX_BITS = 4096
TOTAL_FACTOR = 10  # all a fill builds, in multiples of template_chars
_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")
_DIGITS = re.compile(r"\d+")


class TemplateLimit(Exception):
    """A fill that went beyond a limit; the message (Vietnamese) says which."""


class Meter:
    """What one fill has done so far, against its limits."""

    def __init__(self, limits: Limits, cancel: CancelToken | None = None,
                 clock: Callable[[], float] = time.monotonic):
        self.limits, self.cancel, self.clock = limits, cancel, clock
        self.end = clock() + limits.template_seconds
        self.built = self.steps = self.depth = self.printed = 0

    def tick(self) -> None:
        if self.cancel is not None:
            self.cancel.raise_if_cancelled()
        if self.clock() > self.end:
            raise TemplateLimit(f"điền mẫu quá {self.limits.template_seconds} giây")

    def step(self) -> None:
        self.steps += 1
        if self.steps > self.limits.template_loops:
            raise TemplateLimit(f"quá {number(self.limits.template_loops)} bước lặp")
        self.tick()

    def size(self, n: int) -> None:
        """About to build a string of `n` characters (or a list of `n` items)."""
        most = self.limits.template_chars
        if n > most:
            raise TemplateLimit(f"một giá trị dài {number(n)} ký tự, quá {number(most)} ký tự")
        self.built += n
        if self.built > TOTAL_FACTOR * most:
            raise TemplateLimit(f"mẫu tạo ra hơn {number(TOTAL_FACTOR * most)} ký tự")
        self.tick()

    def print(self, n: int) -> None:
        """`n` more characters printed (the text the fill gives back, or a {% set %} block of it)."""
        self.printed += n
        if self.printed > self.limits.template_chars:
            raise TemplateLimit(f"văn bản điền ra dài quá {number(self.limits.template_chars)} ký tự")

    def bits(self, n: int) -> None:
        if n > MAX_BITS:
            raise TemplateLimit(f"số quá lớn (hơn {MAX_BITS} bit)")


_METER: ContextVar[Meter | None] = ContextVar("tdkt_template_meter", default=None)


def meter() -> Meter:
    found = _METER.get()
    if found is None:  # a template rendered outside `metered` still gets the default limits
        found = Meter(Limits.defaults())
        _METER.set(found)
    return found


@contextlib.contextmanager
def metered(limits: Limits, cancel: CancelToken | None = None, clock: Callable[[], float] = time.monotonic):
    token = _METER.set(Meter(limits, cancel, clock))
    try:
        yield _METER.get()
    finally:
        _METER.reset(token)


def _length(value: Any) -> int:
    return len(value) if isinstance(value, (str, list, tuple, dict, set, frozenset)) else 0


def _check_spec(spec: str) -> None:
    """Widths and precisions in a format spec: none longer than a value may be."""
    for digits in _DIGITS.findall(spec or ""):
        meter().size(int(digits) if len(digits) < 12 else 10 ** 12)


def check_format(text: str) -> None:
    """A "{…}".format string: every field's spec (nested fields refused)."""
    for _literal, field, spec, _conversion in string.Formatter().parse(text):
        if field is not None:
            if "{" in (spec or ""):
                raise SecurityError("định dạng lồng nhau")
            _check_spec(spec or "")


def check_percent(text: str, args: Any) -> None:
    """A "%…" format: widths given as numbers are measured; a width taken from the arguments ("*") is refused."""
    for width, precision in _PERCENT.findall(text):
        if "*" in (width, precision):
            raise SecurityError("độ rộng lấy từ tham số")
        _check_spec(f"{width}.{precision}")
    meter().size(len(text) + sum(len(str(a)) for a in (args if isinstance(args, tuple) else (args,))))


def _estimate_str_method(name: str, text: str, args: tuple, kwargs: dict) -> int | None:
    """Characters the str method `name` would produce, when it can produce more than it is given."""
    if name in ("ljust", "rjust", "center", "zfill"):
        width = args[0] if args else kwargs.get("width", 0)
        return max(len(text), width if isinstance(width, int) else 0)
    if name == "expandtabs":
        size = args[0] if args else kwargs.get("tabsize", 8)
        return len(text) + text.count("\t") * (size if isinstance(size, int) else 8)
    if name == "replace" and len(args) >= 2:
        return _replaced(text, args[0], args[1], args[2] if len(args) > 2 else kwargs.get("count", -1))
    return None


def _replaced(text: str, old: Any, new: Any, count: Any) -> int:
    old, new = str(old), str(new)
    hits = text.count(old) if old else len(text) + 1
    if isinstance(count, int) and count >= 0:
        hits = min(hits, count)
    return len(text) + hits * max(0, len(new) - len(old))


class MeteredSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox (no list.append, no dict.update), with the meter on its operators and calls."""

    intercepted_binops = frozenset(["*", "**", "+", "%"])

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        m = meter()
        numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (left, right))
        if operator == "**" and numbers:
            if isinstance(right, int) and abs(right) > MAX_POWER:
                raise SecurityError("lũy thừa quá lớn")
            if isinstance(left, int) and isinstance(right, int) and right > 0:
                m.bits(left.bit_length() * right)
        elif operator == "*":
            if isinstance(left, int) and isinstance(right, int):
                m.bits(left.bit_length() + right.bit_length())
            for seq, count in ((left, right), (right, left)):
                if _length(seq) and isinstance(count, int):
                    m.size(_length(seq) * max(count, 0))
        elif operator == "+" and not numbers:
            m.size(_length(left) + _length(right))
        elif operator == "%" and isinstance(left, str):
            check_percent(left, right)
        return super().call_binop(context, operator, left, right)

    def call(__self, __context, __obj, *args, **kwargs):  # noqa: N805 - Jinja's own signature
        m = meter()
        m.step()
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str):
            name = getattr(__obj, "__name__", "")
            if name == "join" and args:
                items = [str(item) for item in args[0]]
                m.size(sum(map(len, items)) + len(owner) * max(len(items) - 1, 0))
                args = (items, *args[1:])
            else:
                estimate = _estimate_str_method(name, owner, args, kwargs)
                if estimate is not None:
                    m.size(estimate)
        m.depth += 1
        try:
            if m.depth > m.limits.template_depth:
                raise TemplateLimit(f"lồng nhau quá {m.limits.template_depth} cấp")
            result = super().call(__context, __obj, *args, **kwargs)
        finally:
            m.depth -= 1
        if _length(result):
            m.size(_length(result))
        return result

    def wrap_str_format(self, value: Any):
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        text = value.__self__

        def guarded(*args, **kwargs):
            check_format(text)
            return wrapped(*args, **kwargs)
        return functools.update_wrapper(guarded, wrapped)


# ---- filters ------------------------------------------------------------------------------------------
def _estimate_filter(name: str, args: tuple, kwargs: dict) -> int | None:
    """Characters (or items) the builtin filter would build, when that can exceed what it is given."""
    value, rest = (args[0] if args else ""), args[1:]

    def arg(i: int, key: str, default: Any) -> Any:
        return rest[i] if len(rest) > i else kwargs.get(key, default)

    if name == "indent":
        width = arg(0, "width", 4)
        text = str(value)
        return len(text) + (text.count("\n") + 1) * (width if isinstance(width, int) else len(str(width)))
    if name == "center":
        width = arg(0, "width", 80)
        return max(len(str(value)), width if isinstance(width, int) else 0)
    if name == "replace":
        return _replaced(str(value), arg(0, "old", ""), arg(1, "new", ""), arg(2, "count", None))
    if name == "format":
        check_percent(str(value), tuple(rest))
        return None
    if name == "batch":
        count = arg(0, "linecount", 1)
        return count if isinstance(count, int) and arg(1, "fill_with", None) is not None else None
    if name == "slice":
        count = arg(0, "slices", 1)
        return count if isinstance(count, int) else None
    return None


def _metered_filter(name: str, func: Callable) -> Callable:
    passes = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0

    @functools.wraps(func)
    def run(*args, **kwargs):
        m = meter()
        head, own = args[:passes], args[passes:]
        if name == "join" and own:
            items = list(own[0]) if not isinstance(own[0], (str, dict)) else own[0]
            m.size(sum(len(str(i)) for i in items))
            own = (items, *own[1:])
        else:
            estimate = _estimate_filter(name, own, kwargs)
            if estimate is not None:
                m.size(estimate)
        result = func(*head, *own, **kwargs)
        if _length(result):
            m.size(_length(result))
        m.tick()
        return result
    return run


def _loop(value: Any):
    m = meter()
    for item in value:
        m.step()
        yield item


def _concat(items: list) -> str:
    texts = [str(item) for item in items]
    meter().size(sum(map(len, texts)))
    return "".join(texts)


@pass_context  # never folded at compile time: it meters each printing
def _out(_context, value: Any) -> Any:
    length = _length(value)
    if length:
        m = meter()
        m.size(length)
        m.print(length)
    return value


def meter_environment(env: MeteredSandbox) -> MeteredSandbox:
    """Put the meter on every filter of `env` and add the three the rewritten template uses."""
    env.filters = {name: _metered_filter(name, func) for name, func in env.filters.items()}
    env.filters.update({"tdkt_loop": _loop, "tdkt_concat": _concat, "tdkt_out": _out})
    env.globals.pop("lipsum", None)  # lipsum(n) writes n paragraphs at once
    return env


class _Rewrite(NodeTransformer):
    @staticmethod
    def _filter(node: nodes.Node, name: str) -> nodes.Filter:
        return nodes.Filter(node, name, [], [], None, None, lineno=node.lineno)

    def visit_For(self, node: nodes.For) -> nodes.For:
        node = self.generic_visit(node)
        node.iter = self._filter(node.iter, "tdkt_loop")
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Filter:
        node = self.generic_visit(node)
        return self._filter(nodes.List(node.nodes, lineno=node.lineno), "tdkt_concat")

    def visit_Output(self, node: nodes.Output) -> nodes.Output:
        node = self.generic_visit(node)
        node.nodes = [self._filter(nodes.Const(n.data, lineno=n.lineno) if isinstance(n, nodes.TemplateData) else n,
                                   "tdkt_out") for n in node.nodes]
        return node


def metered_ast(ast: nodes.Template) -> nodes.Template:
    """The parsed template with its loops, `~` and printed values going through the meter."""
    return _Rewrite().visit(ast)


__all__ = ["MeteredSandbox", "Meter", "TemplateLimit", "metered", "meter", "meter_environment", "metered_ast"]
