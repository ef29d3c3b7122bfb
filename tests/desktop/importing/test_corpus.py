"""The five real dispatches of ../shared/corpus (pdftotext -layout text: interleaved columns,
a URL preamble, page numbers) against their expected values."""
from __future__ import annotations

import json
import re

import pytest

from desktop.importing import read_dispatch
from desktop.core.text import fold
from tests.conftest import SHARED, shared_path

NAMES = [
    "10-hiephoa-pgd-458-2020",
    "11-hiephoa-pgd-kh-25-2020",
    "12-hiephoa-hdst-309-2020",
    "13-hiephoa-ubnd-tb-633-2020",
    "14-hiephoa-pgd-kh-21-2020",
]


@pytest.fixture(params=NAMES, ids=lambda n: n[:2])
def doc(request):
    text_path = shared_path("corpus", f"{request.param}.txt")
    expected = json.loads(shared_path("corpus", f"{request.param}.expected.json").read_text(encoding="utf-8"))
    return read_dispatch(text_path), expected


def test_corpus_listing_matches():
    folder = SHARED / "corpus"
    if not folder.exists():
        pytest.skip("../shared/corpus is absent")
    assert sorted(p.stem for p in folder.glob("*.txt")) == NAMES


def test_header(doc):
    result, want = doc
    d = result.dispatch
    assert d.issuer.name == want["authority"]
    assert d.issuer.parent == want["authority_parent"]
    assert d.number == want["number"]
    assert d.symbol == want["symbol"]
    assert d.place == want["place"]
    assert (d.date.isoformat() if d.date else None) == want["date"]
    assert d.subject == want["subject"]
    assert fold(d.doc_type) == fold(want["doc_type"])
    assert result.kind == ("dispatch" if fold(want["doc_type"]) == "cong van" else "named")


def test_recipients(doc):
    result, want = doc
    assert result.dispatch.recipients == (want["recipients"] or [])


def test_references(doc):
    result, want = doc
    refs = result.dispatch.references
    for expected in want["references_include"]:
        raw = expected["raw"]
        match = [r for r in refs if raw in {f"{r.number}/{r.symbol}", f"{r.number}-{r.symbol}", f"{r.number}{r.symbol}"}]
        assert match, f"reference {raw} not found in {[(r.number, r.symbol) for r in refs]}"
        got = match[0].date.isoformat() if match[0].date else None
        assert got == expected["date"], raw
    if not want["references_include"]:
        assert refs == []


def test_items(doc):
    result, want = doc
    body = result.dispatch.body
    if "top_level_items" in want:
        top = [p.label for p in body if p.label and p.label.isdigit()]
        # numbering restarts per roman section; count the distinct top-level labels
        assert len(dict.fromkeys(top)) == want["top_level_items"]
    if "sections" in want:
        sections = [f"{p.label}. {p.text}" for p in body if p.label and p.label.isalpha() and p.label.isupper()]
        assert [s.split(":")[0] for s in sections] == want["sections"]
    assert all(not re.fullmatch(r"\d{1,3}", p.text.strip()) for p in body)  # page numbers dropped


def test_tasks(doc):
    result, want = doc
    for expected in want["tasks"]:
        label = expected["label"].rstrip(".")
        section, _, number = label.rpartition(".")
        if section and not section.isalpha():
            section, number = "", label  # "5.1" is an item label, "III.1" a section + item
        tasks = [t for t in result.tasks if t.item_label == number and (t.section or "") == (section or t.section or "")]
        assert tasks, f"no task for item {label}"
        unit = expected["unit"]
        if "(" not in unit:  # a parenthesised unit is a description, not the text's words
            tasks = [t for t in tasks if t.assignee_text and fold(t.assignee_text) == fold(unit)]
            assert tasks, f"item {label}: no task for {unit}: {[t.assignee_text for t in result.tasks]}"
        dated = [t for t in tasks if (t.deadline.isoformat() if t.deadline else None) == expected["deadline"]]
        assert dated, f"item {label}: deadline {expected['deadline']} not among {[t.deadline for t in tasks]}"
        if expected["deadline_phrase"]:
            assert any(t.deadline_text == expected["deadline_phrase"] for t in dated)


def test_people_lists_are_not_tasks():
    result = read_dispatch(shared_path("corpus", "13-hiephoa-ubnd-tb-633-2020.txt"))
    assert {t.section for t in result.tasks} == {"III"}
    assert len(result.tasks) == 6


def test_closing(doc):
    result, want = doc
    d = result.dispatch
    assert d.distribution == want["distribution"]
    assert d.signer.title_lines == want["signer_title_lines"]
    assert d.signer.name == want["signer_name"]


def test_annex_after_signature_is_not_read():
    result = read_dispatch(shared_path("corpus", "14-hiephoa-pgd-kh-21-2020.txt"))
    assert not any("Vi Hồng Quân" in p.text for p in result.dispatch.body)
    assert "TRƯỜNG" not in result.dispatch.signer.title_lines


def test_a_wide_left_margin_changes_nothing():
    text = shared_path("corpus", "11-hiephoa-pgd-kh-25-2020.txt").read_text(encoding="utf-8")
    shifted = "\n".join(" " * 10 + line if line.strip() else line for line in text.split("\n"))
    from desktop.importing import parse_text

    assert parse_text(shifted).dispatch.to_json_dict() == parse_text(text).dispatch.to_json_dict()


def test_spans_locate_fields_in_layout_text(doc):
    result, want = doc
    src = result.source_text

    def at(key: str) -> str:
        start, end = result.spans[key]
        return src[start:end]

    assert str(want["number"]) in at("number")
    assert want["place"] in at("date")
    assert want["signer_name"] in at("signer.name")
    assert want["authority"].split()[-1] in at("issuer")
    assert want["subject"].split()[0] in at("subject")
    assert want["distribution"][0].split()[0] in at("distribution[0]")
