"""The importer: parse_text on noisy letters and on any text always returns; reading a file of any bytes
(.txt, .md, a damaged .docx or .pdf) returns or raises ImportFileError; the import screen's typed dates
and deadline phrases return or raise the one ValueError."""
from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.dispatch import Dispatch
from desktop.importing import parse_text
from desktop.importing.errors import ImportFileError
from desktop.importing.parse import read_dispatch
from desktop.importing.review import deadline_from_phrase, parse_dmy
from tests.desktop.importing.test_noise import noisy_text
from tests.fuzz import fuzz, readable

VIETNAMESE = st.characters(codec="utf-8", exclude_categories=("Cs",)) | st.sampled_from(
    list("ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ\n\t \f\r\x00\u200b\ufeff"))
TEXT = st.text(VIETNAMESE, max_size=600)


def _check(result) -> None:
    assert isinstance(result.dispatch, Dispatch)
    assert not any(w.startswith("Không phân tích được") for w in result.warnings), result.warnings
    result.dispatch.to_json_dict()
    for start, end in result.spans.values():
        assert 0 <= start <= end <= len(result.source_text)


@fuzz("importer_noise")
@given(noisy_text())
def test_noisy_letters_are_always_read(text):
    _check(parse_text(text))


@fuzz("importer_text")
@given(TEXT)
def test_any_text_is_always_read(text):
    _check(parse_text(text))


@pytest.fixture(scope="module")
def samples(tmp_path_factory) -> dict[str, bytes]:
    """A real letter as .docx and .pdf bytes, to damage."""
    from desktop.letters.docx import render_docx
    from desktop.letters.pdf import render_pdf
    from tests.conftest import REPO

    d = Dispatch.from_json((REPO / "tests" / "data" / "dispatches" / "cong_van_phong_trao.json").read_text("utf-8"))
    return {".docx": render_docx(d), ".pdf": render_pdf(d)}


_COUNTER = itertools.count()
FILES = fuzz("importer_files")  # the settings of the inner test below (made at run time, for its folder)


@st.composite
def damaged(draw, samples):
    suffix = draw(st.sampled_from([".txt", ".md", ".docx", ".pdf"]))
    if suffix in (".txt", ".md") or draw(st.booleans()) and draw(st.booleans()):
        data = draw(st.binary(max_size=2000)) if draw(st.booleans()) else draw(TEXT).encode(
            draw(st.sampled_from(["utf-8", "utf-16", "utf-8-sig"])), "surrogatepass")
        return suffix, data
    data = bytearray(samples[suffix])
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(data) - 1))
        data[at] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return suffix, bytes(data)


def test_any_file_is_read_or_refused_in_one_line(samples, tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzzfiles")

    @FILES
    @given(damaged(samples))
    def run(case):
        suffix, data = case
        path = Path(folder) / f"f{next(_COUNTER)}{suffix}"
        path.write_bytes(data)
        try:
            _check(read_dispatch(path))
        except ImportFileError as exc:
            readable(exc)
        finally:
            path.unlink()

    run()


@fuzz("importer_review")
@given(st.text(max_size=40) | st.from_regex(r"\s*\d{1,5}[/.\-]\d{1,5}[/.\-]\d{1,6}\s*", fullmatch=True),
       TEXT.map(lambda t: t[:80]), st.none() | st.dates(min_value=date(1, 1, 1)))
def test_what_the_clerk_types_in_the_import_screen(typed, phrase, doc_date):
    try:
        found = parse_dmy(typed)
        assert found is None or isinstance(found, date)
    except ValueError as exc:
        readable(exc)
        assert "không đúng dạng" in str(exc)
    day, recurrence = deadline_from_phrase(phrase, doc_date)
    assert day is None or isinstance(day, date)
    assert recurrence is None or isinstance(recurrence, str)
