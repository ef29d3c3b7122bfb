"""find_deadline and leading_assignees on real dispatches: the ../shared corpus (pdftotext
-layout output with .expected.json answers) and the seed texts. Read in place, never copied."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from desktop.followup.assignees import leading_assignees
from desktop.followup.deadlines import NO_DEADLINE, find_deadline
from desktop.core.text import fold
from tests.conftest import SHARED, shared_path

CORPUS = ["10-hiephoa-pgd-458-2020", "11-hiephoa-pgd-kh-25-2020", "12-hiephoa-hdst-309-2020",
          "13-hiephoa-ubnd-tb-633-2020", "14-hiephoa-pgd-kh-21-2020"]
_LABEL = re.compile(r"^\s*((?:[IVX]+\.)|(?:\d+\.)+)")


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _item_lines(text: str, label: str) -> list[str]:
    """The layout lines of item `label` ("5.", "5.1.", "III.3."): from its label line to the
    next label that is not one of its sub-items, or to "Nơi nhận"."""
    lines = [ln for ln in text.splitlines()[1:] if not re.fullmatch(r"\s*\d{1,2}\s*", ln)]  # no page numbers
    roman = re.match(r"[IVX]+\.", label)
    own = label[roman.end():] if roman else label  # "III.3." -> "3." inside section III
    start = 0
    if roman:
        start = next(i for i, ln in enumerate(lines) if re.match(r"^\s*" + re.escape(roman.group(0)) + r"\s", ln))
    own_label = re.compile(r"^\s*" + re.escape(own) + r"(?!\d)")
    start = next(i for i in range(start, len(lines)) if own_label.match(lines[i]))
    item = [lines[start]]
    for line in lines[start + 1:]:
        m = _LABEL.match(line)
        if line.lstrip().startswith("Nơi nhận") or (m and not m.group(1).startswith(own)):
            break
        item.append(line)
    return item


def _paragraphs(lines: list[str]) -> list[str]:
    """Layout lines -> paragraphs: an indented line starts one, a flush-left line continues
    the previous one, and "+" sub-bullets belong to the "-" paragraph above them."""
    paragraphs: list[str] = []
    for line in lines:
        indent = len(line) - len(line.lstrip())
        if paragraphs and (indent < 3 or line.lstrip().startswith("+")):
            paragraphs[-1] += " " + line.strip()
        else:
            paragraphs.append(line.strip())
    return [_collapse(p) for p in paragraphs if p.strip()]


def _corpus_cases():
    cases = []
    for name in CORPUS:
        expected_path = SHARED / "corpus" / f"{name}.expected.json"
        if not expected_path.exists():
            continue
        expected = json.loads(expected_path.read_text("utf-8"))
        for index, task in enumerate(expected["tasks"]):
            cases.append(pytest.param(name, index, id=f"{name}:{task['label']}:{index}"))
    return cases or [pytest.param(CORPUS[0], 0, id="corpus-absent")]


def _task_text(name: str, index: int) -> tuple[dict, dict, str]:
    expected = json.loads(shared_path("corpus", f"{name}.expected.json").read_text("utf-8"))
    text = shared_path("corpus", f"{name}.txt").read_text("utf-8")
    task = expected["tasks"][index]
    siblings = [t for t in expected["tasks"] if t["label"] == task["label"]]
    paragraphs = _paragraphs(_item_lines(text, task["label"]))
    if len(siblings) == 1:
        return expected, task, "\n".join(paragraphs)
    # Several tasks in one item: each is the paragraph holding its phrase (or naming its unit).
    remaining = list(paragraphs)
    for sibling in siblings:
        unit = fold(re.sub(r"\s*\(.*?\)", "", sibling["unit"]))
        while remaining:
            paragraph = remaining.pop(0)
            phrase = sibling["deadline_phrase"]
            if (phrase and phrase in paragraph) or (not phrase and unit in fold(paragraph)):
                break
        else:
            pytest.fail(f"no paragraph for {sibling}")
        if sibling is task:
            return expected, task, paragraph
    raise AssertionError("unreachable")


@pytest.mark.parametrize("name, index", _corpus_cases())
def test_corpus_task_deadlines(name, index):
    expected, task, text = _task_text(name, index)
    result = find_deadline(text, doc_date=date.fromisoformat(expected["date"]))
    due = date.fromisoformat(task["deadline"]) if task["deadline"] else None
    assert (result.text, result.date) == (task["deadline_phrase"], due)


@pytest.mark.parametrize("name, index", _corpus_cases())
def test_corpus_task_units(name, index):
    expected, task, text = _task_text(name, index)
    if "(" in task["unit"]:
        pytest.skip("a unit with a parenthetical is the corpus author's description, not the text's words")
    first_paragraph = text if "\n" not in text else text.splitlines()[0]
    lead = _LABEL.sub("", first_paragraph, count=1)
    assert leading_assignees(lead)[:1] == [task["unit"]]


# -- seeds: plain paragraphs, one per line -------------------------------------------------
def _seed(prefix: str) -> tuple[str, dict[str, str]]:
    folder = shared_path("seeds")
    path = next(Path(folder).glob(f"{prefix}_*.txt"), None)
    if path is None:
        pytest.skip(f"seed {prefix} is absent")
    text = path.read_text("utf-8")
    items = {}
    for line in text.splitlines():
        m = re.match(r"^((?:\d+\.)+)\s+(.*)", line.strip())
        if m:
            items[m.group(1).rstrip(".")] = m.group(2)
        elif line.strip().startswith("- ") and items:
            items[f"{list(items)[-1]}-{len(items)}"] = line.strip()[2:]
    return text, items


SEED_001 = {
    "5.1": ("trong tháng 12/2018", date(2018, 12, 31), ["Văn phòng Điều phối nông thôn mới tỉnh"]),
    "5.2": ("trong Quý III/2018", date(2018, 9, 30), ["Sở Kế hoạch và Đầu tư"]),
    "5.3": ("trong Quý III/2018", date(2018, 9, 30), ["Sở Lao động - Thương binh và Xã hội"]),
    "5.4": ("trong tháng 01/2019", date(2019, 1, 31), ["Sở Nội vụ"]),
    "5.5": (None, None, ["Ban Thi đua - Khen thưởng tỉnh"]),
    "1": (None, None, []),
    "2": (None, None, []),
    "4": (None, None, ["Sở Thông tin và Truyền thông"]),
}


@pytest.mark.parametrize("label", list(SEED_001))
def test_seed_001_items(label):
    _, items = _seed("001")
    phrase, due, units = SEED_001[label]
    result = find_deadline(items[label], doc_date=date(2018, 5, 25))
    assert (result.text, result.date) == (phrase, due)
    assert leading_assignees(items[label]) == units


@pytest.mark.parametrize("prefix, doc_date", [("000", date(2021, 4, 6)), ("002", date(2017, 5, 29))])
def test_seed_items_without_deadlines(prefix, doc_date):
    _, items = _seed(prefix)
    assert len(items) >= 6
    for label, text in items.items():
        assert find_deadline(text, doc_date=doc_date) == NO_DEADLINE, label


@pytest.mark.parametrize("prefix", ["000", "002"])
def test_seed_numbered_items_start_with_verbs(prefix):
    _, items = _seed(prefix)
    numbered = {k: v for k, v in items.items() if "-" not in k}
    assert numbered and all(leading_assignees(text) == [] for text in numbered.values())


def test_seed_002_bullet_giving_a_task_to_the_office():
    _, items = _seed("002")
    bullets = [text for key, text in items.items() if "-" in key and text.startswith("Giao ")]
    assert [leading_assignees(text) for text in bullets] == [["Ban Thi đua - Khen thưởng tinh"]]


@pytest.mark.parametrize("name, label", [("10-hiephoa-pgd-458-2020", "5."), ("14-hiephoa-pgd-kh-21-2020", "III.3.")])
def test_corpus_whole_item_gives_its_last_deadline(name, label):
    expected = json.loads(shared_path("corpus", f"{name}.expected.json").read_text("utf-8"))
    text = shared_path("corpus", f"{name}.txt").read_text("utf-8")
    last = [t for t in expected["tasks"] if t["label"] == label and t["deadline_phrase"]][-1]
    item = "\n".join(_paragraphs(_item_lines(text, label)))
    result = find_deadline(item, doc_date=date.fromisoformat(expected["date"]))
    assert (result.text, result.date) == (last["deadline_phrase"], date.fromisoformat(last["deadline"]))
