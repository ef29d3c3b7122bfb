"""Filling template text: Jinja2's sandbox with StrictUndefined, plain text (no autoescape).

Templates are data, never code: the sandbox refuses attribute tricks such as
`{{ ''.__class__ }}`, and the meter of desktop/templates/guard.py caps what a fill may build, loop,
nest and take (the office's limits, desktop/core/limits.py). Whatever goes wrong inside a template —
a syntax error, a forbidden operation, a limit, an IndexError, a RecursionError — is the one
TemplateProblem, naming the template line where it happened. A placeholder with no value is never printed as "{{x}}": the text shows
"[[Chưa điền: <label>]]" and `FillResult.missing` lists it; a placeholder used in the text but
not declared in the template's list is reported in `FillResult.unknown`.

Placeholder types: text, date, number, unit (a unit's name), list (of strings, or of records
with named fields), year. Filters for templates: `ngay` ("ngày 15 tháng 10 năm 2026"),
`dmy` ("15/10/2026"), `nam` (the year of a date), `pad` ("07"), `liet_ke` ("A, B và C"),
plus Jinja's own (`join`, `upper` ...).
"""
from __future__ import annotations

import functools
import re
import time
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable

from jinja2 import StrictUndefined, TemplateSyntaxError, meta
from jinja2.exceptions import SecurityError, TemplateError, UndefinedError

from desktop.core.jobs import CancelToken, Cancelled
from desktop.core.limits import Limits, number
from desktop.core.text import nfc
from desktop.templates.guard import MeteredSandbox, TemplateLimit, meter_environment, metered, metered_ast
from desktop.core.vocabulary import decree_date, enumeration, pad2, read_date, short_date

PLACEHOLDER_TYPES = ("text", "date", "number", "unit", "list", "year")
TYPE_LABELS = {
    "text": "chữ", "date": "ngày", "number": "số", "unit": "đơn vị", "list": "danh sách", "year": "năm",
}
MISSING_TEXT = "[[Chưa điền: {label}]]"
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class TemplateProblem(ValueError):
    """The template cannot be filled (syntax error, forbidden operation); message in Vietnamese."""


@dataclass
class Placeholder:
    name: str
    label: str = ""
    type: str = "text"
    default: Any = None
    fields: list[dict[str, str]] = field(default_factory=list)  # list of records: [{name, label, type}]
    # A list whose items (or their first "unit" field) also become Kính gửi lines (chasing letters).
    to_recipients: bool = False

    @property
    def display(self) -> str:
        return self.label or self.name

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "label": self.label, "type": self.type, "default": self.default}
        if self.fields:
            out["fields"] = list(self.fields)
        if self.to_recipients:
            out["to_recipients"] = True
        return out

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Placeholder:
        return cls(
            name=str(raw.get("name") or ""), label=nfc(str(raw.get("label") or "")),
            type=str(raw.get("type") or "text"), default=raw.get("default"),
            fields=[dict(f) for f in raw.get("fields") or []],
            to_recipients=bool(raw.get("to_recipients")),
        )


@dataclass
class FillResult:
    text: str
    missing: list[str] = field(default_factory=list)  # labels of placeholders without a value
    unknown: list[str] = field(default_factory=list)  # used in the text, not declared

    @property
    def complete(self) -> bool:
        return not self.missing and not self.unknown


class _Missing:
    """Stands in for an empty value: prints the marker, iterates once, any field is itself."""

    def __init__(self, label: str, seen: list[str]):
        self._label = label
        self._seen = seen

    def __str__(self) -> str:
        if self._label not in self._seen:
            self._seen.append(self._label)
        return MISSING_TEXT.format(label=self._label)

    def __iter__(self):
        yield self

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return self

    def __getitem__(self, key):
        return self

    def _same(self, *_args):
        return self

    # "{{ nam + 1 }}" with no year yet still shows the marker instead of failing
    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _same


class _Record:
    """A list item with named fields (a dict from the form); an empty field prints as missing."""

    def __init__(self, values: dict[str, Any], labels: dict[str, str], owner: str, seen: list[str]):
        self._values, self._labels, self._owner, self._seen = values, labels, owner, seen

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        value = self._values.get(name)
        if _empty(value):
            return _Missing(f"{self._owner} – {self._labels.get(name, name)}", self._seen)
        return value

    def __str__(self) -> str:
        return ", ".join(str(v) for v in self._values.values() if not _empty(v))


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (
        isinstance(value, (list, tuple)) and len(value) == 0
    )


def _date_filter(render):
    def apply(value):
        if isinstance(value, _Missing):
            return value
        parsed = read_date(value)
        return render(parsed) if parsed else value

    return apply


def _pad(value):
    try:
        return pad2(int(value))
    except (TypeError, ValueError):
        return value


def _enumerate(value):
    """"A, B và C"."""
    if isinstance(value, _Missing):
        return value
    return enumeration(value if isinstance(value, (list, tuple)) else [value])


def _finalize(value):
    if isinstance(value, date):
        return short_date(value)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return value


@functools.lru_cache(maxsize=1)
def environment() -> MeteredSandbox:
    env = MeteredSandbox(
        undefined=StrictUndefined, autoescape=False, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=False, finalize=_finalize,
    )
    env.filters.update({
        "ngay": _date_filter(decree_date),
        "dmy": _date_filter(short_date),
        "nam": _date_filter(lambda d: d.year),
        "pad": _pad,
        "liet_ke": _enumerate,
    })
    return meter_environment(env)


def _parse(text: str, limits: Limits | None = None):
    limits = limits or Limits.defaults()
    if len(text) > limits.template_chars:
        raise TemplateProblem(f"Mẫu dài {number(len(text))} ký tự, quá giới hạn {number(limits.template_chars)} ký tự.")
    try:
        return environment().parse(text)
    except TemplateSyntaxError as exc:
        raise TemplateProblem(f"Mẫu có lỗi cú pháp ở dòng {exc.lineno}: {exc.message}") from None
    except RecursionError:
        raise TemplateProblem("Mẫu lồng nhau quá sâu, không đọc được.") from None


def placeholders_in(text: str) -> set[str]:
    """The placeholder names the text uses (loop variables excluded). Raises TemplateProblem."""
    return _used(_parse(text))


def _used(ast) -> set[str]:
    try:  # the analysis compiles the template: an unknown filter or test is found here
        return set(meta.find_undeclared_variables(ast))
    except Exception as exc:  # noqa: BLE001 - the one TemplateProblem
        raise TemplateProblem(problem_text(exc)) from None


def _prepare(ph: Placeholder | None, name: str, value: Any, seen: list[str]) -> Any:
    label = ph.display if ph else name
    if _empty(value) and ph is not None and not _empty(ph.default):
        value = ph.default
    if _empty(value):
        return _Missing(label, seen)
    kind = ph.type if ph else "text"
    if kind == "date":
        return read_date(value) or value
    if kind in ("number", "year"):
        try:
            return int(str(value).strip())
        except ValueError:
            return value
    if kind == "list":
        items = value if isinstance(value, (list, tuple)) else [v for v in str(value).splitlines() if v.strip()]
        labels = {f.get("name", ""): f.get("label", "") for f in (ph.fields if ph else [])}
        return [_Record(dict(v), labels, label, seen) if isinstance(v, dict) else v for v in items] or _Missing(label, seen)
    return nfc(value) if isinstance(value, str) else value


def fill(template_text: str, values: dict[str, Any], placeholders: list[Placeholder] | None = None, *,
         limits: Limits | None = None, cancel: CancelToken | None = None,
         clock: Callable[[], float] = time.monotonic) -> FillResult:
    """Fill `template_text` with `values` within `limits` (the defaults when None); see the module
    docstring. Raises TemplateProblem (and Cancelled when `cancel` is set)."""
    limits = limits or Limits.defaults()
    ast = _parse(template_text or "", limits)
    used = _used(ast)
    declared = {p.name: p for p in placeholders or []}
    unknown = sorted(used - set(declared)) if placeholders is not None else []
    seen: list[str] = []
    context = {name: _prepare(declared.get(name), name, values.get(name), seen) for name in used}
    try:
        with metered(limits, cancel, clock):
            template = environment().from_string(metered_ast(ast))
            chunks, size = [], 0
            for chunk in template.generate(context):
                size += len(chunk)
                if size > limits.template_chars:
                    raise TemplateLimit(f"văn bản điền ra dài quá {number(limits.template_chars)} ký tự")
                chunks.append(chunk)
    except Cancelled:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever a template does wrong is one TemplateProblem
        raise TemplateProblem(problem_text(exc)) from None
    return FillResult(text=nfc("".join(chunks)), missing=seen, unknown=unknown)


_REASONS = {
    IndexError: "lấy phần tử ngoài danh sách", KeyError: "không có khóa này", ZeroDivisionError: "chia cho 0",
    RecursionError: "gọi lồng nhau quá sâu", OverflowError: "số quá lớn", MemoryError: "mẫu cần quá nhiều bộ nhớ",
    StopIteration: "danh sách đã hết", AttributeError: "không có thuộc tính này",
}


_JINJA_WORDS = ((re.compile(r"^No filter named '([^']*)'\.?"), "không có bộ lọc «{}»"),
                (re.compile(r"^No test named '([^']*)'\.?"), "không có phép thử «{}»"))


def _jinja_message(text: str) -> str:
    """Jinja's own words where the clerk will meet them in Vietnamese (an unknown filter or test)."""
    for pattern, words in _JINJA_WORDS:
        m = pattern.match(text)
        if m:
            return words.format(m.group(1))
    return " ".join(text.split())


def template_line(exc: BaseException) -> int | None:
    """The template line where `exc` happened (Jinja puts the template's lines in the traceback)."""
    if isinstance(exc, TemplateSyntaxError):
        return exc.lineno
    line, tb = None, exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def problem_text(exc: BaseException) -> str:
    """The one Vietnamese sentence for an exception raised while filling, with its line."""
    line = template_line(exc)
    where = f" ở dòng {line}" if line else ""
    if isinstance(exc, TemplateSyntaxError):
        return f"Mẫu có lỗi cú pháp{where}: {_jinja_message(exc.message or '')}"
    if isinstance(exc, SecurityError):
        return f"Mẫu dùng thao tác không được phép{where} ({exc}); mẫu chỉ được chứa chỗ điền."
    if isinstance(exc, TemplateLimit):
        return f"Mẫu vượt giới hạn{where}: {exc}."
    if isinstance(exc, UndefinedError):
        return f"Mẫu dùng một giá trị không có{where}: {exc}."
    reason = next((text for kind, text in _REASONS.items() if isinstance(exc, kind)), None)
    if reason is None:
        detail = str(exc) if isinstance(exc, (TemplateError, TypeError, ValueError)) else ""
        reason = " ".join(detail.split())[:200] or exc.__class__.__name__
    return f"Không điền được mẫu{where}: {reason}."


def check_values(placeholders: list[Placeholder], values: dict[str, Any]) -> dict[str, str]:
    """Per-field problems of the form values (a date that is not a date, a number that is not ...)."""
    errors: dict[str, str] = {}
    for ph in placeholders:
        value = values.get(ph.name)
        if _empty(value):
            continue
        if ph.type == "date" and read_date(value) is None:
            errors[ph.name] = f"«{ph.display}» cần một ngày dạng dd/mm/yyyy."
        elif ph.type in ("number", "year"):
            try:
                number = int(str(value).strip())
            except ValueError:
                errors[ph.name] = f"«{ph.display}» cần một số."
                continue
            if ph.type == "year" and not 1900 <= number <= 2200:
                errors[ph.name] = f"«{ph.display}» cần một năm có bốn chữ số."
    return errors


def placeholder_problems(placeholders: list[Placeholder]) -> list[str]:
    """Problems of a placeholder list itself (names, types, duplicates)."""
    problems, names = [], set()
    for ph in placeholders:
        if not _NAME.match(ph.name or ""):
            problems.append(f"Tên chỗ điền «{ph.name}» chỉ gồm chữ không dấu, chữ số và «_».")
        elif ph.name in names:
            problems.append(f"Chỗ điền «{ph.name}» khai báo hai lần.")
        names.add(ph.name)
        if ph.type not in PLACEHOLDER_TYPES:
            problems.append(f"Chỗ điền «{ph.name}» có kiểu «{ph.type}» không hỗ trợ.")
    return problems
