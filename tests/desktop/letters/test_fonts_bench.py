"""Font choice (system Times New Roman first, bundled Liberation Serif otherwise) and the bench input."""
from __future__ import annotations

from pathlib import Path

from desktop.letters import fonts


def test_bundled_fonts_and_licence_ship_together():
    files = fonts.bundled_fonts()
    assert set(files) == set(fonts.FACES)
    for path in files.values():
        assert path.is_file() and path.stat().st_size > 100_000
    folder = next(iter(files.values())).parent
    assert "SIL OPEN FONT LICENSE Version 1.1" in (folder / "OFL.txt").read_text(encoding="utf-8")


def test_times_new_roman_preferred_when_all_four_faces_exist(tmp_path, monkeypatch):
    monkeypatch.setattr(fonts, "_system_font_dirs", lambda: [tmp_path])
    for name in ("times.ttf", "timesbd.ttf", "timesi.ttf"):
        (tmp_path / name).write_bytes(b"x")
    assert fonts.find_times_new_roman() is None  # bold italic missing: not a usable family
    assert fonts.choose_fonts().label == "Liberation Serif"
    (tmp_path / "timesbi.ttf").write_bytes(b"x")
    chosen = fonts.choose_fonts()
    assert chosen.label == "Times New Roman" and chosen.files["bold"] == tmp_path / "timesbd.ttf"
    assert fonts.choose_fonts(prefer_system=False).label == "Liberation Serif"


def test_bench_dispatch_runs_to_three_pages(tmp_path):
    from desktop.bench.letters import _synthetic, three_page_dispatch
    from desktop.letters.pdf import render_pdf
    from tests.desktop.letters.pdftools import pages

    for i, d in enumerate((three_page_dispatch(), _synthetic())):
        path = Path(tmp_path / f"b{i}.pdf")
        path.write_bytes(render_pdf(d))
        assert len(pages(path)) == 3
