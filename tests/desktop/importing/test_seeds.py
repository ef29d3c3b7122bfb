"""The three seed dispatches (../shared/seeds), read field by field."""
from __future__ import annotations

import pytest

from desktop.importing import read_dispatch
from tests.conftest import shared_path
from tests.desktop.importing.expectations import SEEDS


@pytest.fixture(params=sorted(SEEDS), ids=lambda name: name[:3])
def seed(request):
    path = shared_path("seeds", request.param)
    return read_dispatch(path), SEEDS[request.param]


def test_header_fields(seed):
    result, want = seed
    d = result.dispatch.to_json_dict()
    assert d["issuer"] == want["issuer"]
    for key in ("number", "symbol", "place", "date", "doc_type"):
        assert d[key] == want[key], key
    assert d["urgency"] is None
    assert d["subject"].startswith(want["subject_starts"])
    assert d["subject"].endswith(want["subject_ends"])
    assert "V/v" not in d["subject"] and "  " not in d["subject"]
    assert result.kind == "dispatch"


def test_recipients_and_closing(seed):
    result, want = seed
    d = result.dispatch
    assert d.recipients == want["recipients"]
    assert d.distribution[0] == want["distribution_first"]
    assert d.distribution[-1] == want["distribution_last"]
    assert len(d.distribution) == want["distribution_count"]
    assert all(not line.startswith("-") and not line.endswith((";", ".")) for line in d.distribution)
    assert d.signer.title_lines == want["signer_title_lines"]
    assert d.signer.name == want["signer_name"]


def test_body_items(seed):
    result, want = seed
    body = result.dispatch.body
    assert [p.label for p in body if p.label] == want["labels"]
    assert len(body) == want["paragraphs"]
    assert body[-1].text.endswith("./.")  # "./m" OCR junk in seed 000 is mended
    assert all("**" not in p.text for p in body)
    if want["joined_item"]:
        label, seam = want["joined_item"]
        item = next(p for p in body if p.label == label)
        assert seam in item.text


def test_emphasis_stays_in_body_text():
    result = read_dispatch(shared_path("seeds", "000_207db614149c4b8c.txt"))
    item = next(p for p in result.dispatch.body if p.label == "1")
    assert item.text.count("“*") == 4 and item.text.count("*”") == 4


def test_references(seed):
    result, want = seed
    got = [(r.type, r.number, r.symbol, r.date.isoformat() if r.date else None) for r in result.dispatch.references]
    assert got == want["references"]


def test_item_deadlines_and_assignees(seed):
    result, want = seed
    items = {p.label: p for p in result.dispatch.body if p.label}
    for label, (deadline, phrase) in want["deadlines"].items():
        assert items[label].deadline.isoformat() == deadline
        assert items[label].deadline_text == phrase
        assert items[label].recurrence is None
    for label, names in want["assignees"].items():
        assert items[label].assignees == names
    undated = [label for label in items if label not in want["deadlines"]]
    assert all(items[label].deadline is None for label in undated)


def test_spans_point_at_the_fields(seed):
    result, want = seed
    src = result.source_text
    if want["number"] is not None:
        start, end = result.spans["number"]
        assert str(want["number"]) in src[start:end]
    start, end = result.spans["signer.name"]
    assert want["signer_name"] in src[start:end]
    start, end = result.spans["recipients[0]"]
    assert want["recipients"][0] in src[start:end]
    start, end = result.spans["body[0]"]
    assert src[start:end].startswith(result.dispatch.body[0].text[:20])
