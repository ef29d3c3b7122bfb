"""The five real signed PDFs of ../shared/corpus, read from the PDF itself (not the .txt): their
number and day were stamped after signing as form-field widgets, which the page text lacks."""
from __future__ import annotations

import json

import pytest

from desktop.core.text import fold
from desktop.importing import read_dispatch
from desktop.importing.evidence import field_words
from tests.conftest import shared_path
from tests.desktop.importing.test_corpus import NAMES


@pytest.fixture(scope="module", params=NAMES, ids=lambda n: n[:2])
def doc(request):
    pdf = shared_path("corpus", f"{request.param}.pdf")
    expected = json.loads(shared_path("corpus", f"{request.param}.expected.json").read_text(encoding="utf-8"))
    return read_dispatch(pdf), expected


def test_number_symbol_and_date(doc):
    result, want = doc
    d = result.dispatch
    assert (d.number, d.symbol) == (want["number"], want["symbol"])
    assert d.date.isoformat() == want["date"]
    assert d.place == want["place"]


def test_the_rest_of_the_header_and_the_closing(doc):
    result, want = doc
    d = result.dispatch
    assert (d.issuer.parent, d.issuer.name) == (want["authority_parent"], want["authority"])
    assert d.subject == want["subject"]
    assert fold(d.doc_type) == fold(want["doc_type"])
    assert d.distribution == want["distribution"]
    assert (d.signer.title_lines, d.signer.name) == (want["signer_title_lines"], want["signer_name"])


def test_the_stamped_fields_come_from_widgets(doc):
    result, want = doc
    assert result.source == "widgets" and result.confidence is None
    assert result.to_json_dict()["source"] == "widgets"
    number_words = field_words(result, "number")
    stamped = [w for w in number_words if w.origin == "widget"]
    assert [w.text for w in stamped] == [str(want["number"])]
    assert [w.text for w in field_words(result, "date") if w.origin == "widget"] == [want["date"][8:]]
    assert all(w.origin == "text" for w in field_words(result, "subject"))
    # the widget sits where it is drawn: right of "Số:" on the same line
    label = next(w for w in number_words if w.text.startswith("Số"))
    assert stamped[0].x0 > label.x0 and abs(stamped[0].bottom - label.bottom) < 3


def test_the_page_text_alone_lacks_them():
    """What a reader of the page content alone sees (the reason widgets are read)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(shared_path("corpus", f"{NAMES[0]}.pdf")))
    try:
        text = pdf[0].get_textpage().get_text_range()
    finally:
        pdf.close()
    assert "Số: /PGD&ĐT" in " ".join(text.split()) and "458" not in text.split("\n")[4]
