"""Scanned letters made in the test: a dispatch of our own words rendered by the program's letter
layout (ReportLab), rasterised, speckled, turned a little as on a scanner glass, and wrapped as
an image-only PDF (no text layer at all)."""
from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from pathlib import Path

from desktop.core.dispatch import Dispatch, Issuer, Paragraph, SignerBlock

LETTER = Dispatch(
    issuer=Issuer(name="BAN THI ĐUA - KHEN THƯỞNG", parent="UBND TỈNH HÒA BÌNH"),
    number=317,
    symbol="BTĐKT-VP",
    place="Hòa Bình",
    date=date(2024, 10, 21),
    subject="rà soát hồ sơ đề nghị khen thưởng năm 2024",
    recipients=["Sở Nội vụ", "Ủy ban nhân dân các huyện, thành phố"],
    body=[
        Paragraph(text="Để chuẩn bị hội nghị tổng kết công tác thi đua năm 2024, Ban Thi đua - Khen thưởng "
                       "tỉnh đề nghị các cơ quan, đơn vị thực hiện các nội dung sau:"),
        Paragraph(label="1", text="Sở Nội vụ tổng hợp danh sách tập thể, cá nhân đề nghị khen thưởng, gửi về "
                                  "Ban trước ngày 15/11/2024."),
        Paragraph(label="2", text="Ủy ban nhân dân các huyện, thành phố rà soát hồ sơ, bổ sung minh chứng còn "
                                  "thiếu và báo cáo kết quả trong tháng 11/2024."),
    ],
    distribution=["Như trên", "Lưu: VT, VP"],
    signer=SignerBlock(title_lines=["KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"], name="Nguyễn Văn Bình"),
)


def letter_pdf(dispatch: Dispatch = LETTER) -> bytes:
    from desktop.letters.pdf import render_pdf

    return render_pdf(dispatch)


def scan_pages(pdf_bytes: bytes, *, dpi: int = 200, angle: float = 1.2, noise: bool = True,
               seed: int = 7, scribble_at: str | None = None) -> list:
    """The pages of a PDF as grey scan images. `scribble_at`: a word of page 1 ("Số:") after
    which a handwritten-like scribble is drawn where a number would be written by hand."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    pdf = pdfium.PdfDocument(pdf_bytes)
    images = []
    for index in range(len(pdf)):
        page = pdf[index]
        image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        if scribble_at and index == 0:
            x, y, h = _word_position(page, scribble_at, dpi)
            draw = ImageDraw.Draw(image)
            points = [(x + 10 + i * 6, y + rng.uniform(0.1, 0.9) * h) for i in range(14)]
            draw.line(points, fill=40, width=3)
            draw.line([(px, py + rng.uniform(-8, 8)) for px, py in points[::-1]], fill=60, width=2)
        page.close()
        if noise:  # paper grain, a grey cast and dust, as a flatbed scan shows them
            image = Image.blend(image, Image.effect_noise(image.size, 30), 0.1)
            draw = ImageDraw.Draw(image)
            for _ in range(1200):
                x, y, r = rng.uniform(0, image.width), rng.uniform(0, image.height), rng.uniform(0.4, 1.4)
                draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.randint(0, 90))
        if angle:
            image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
        images.append(image)
    pdf.close()
    return images


def _word_position(page, word: str, dpi: int) -> tuple[float, float, float]:
    """(right x, top y, height) in pixels of `word` on `page`."""
    textpage = page.get_textpage()
    text = textpage.get_text_range()
    at = text.index(word)
    left, bottom, right, top = textpage.get_charbox(at + len(word) - 1)
    height = page.get_height()
    scale = dpi / 72
    textpage.close()
    return right * scale, (height - top) * scale, (top - bottom) * scale


def write_scan(path: Path, images: list, dpi: int = 200) -> Path:
    """Images -> an image-only PDF (what a scanner or a phone app gives)."""
    first, rest = images[0], images[1:]
    first.save(path, "PDF", resolution=dpi, save_all=True, append_images=rest)
    return Path(path)


def scanned_letter(path: Path, dispatch: Dispatch = LETTER, **options) -> Path:
    return write_scan(path, scan_pages(letter_pdf(dispatch), **options), options.get("dpi", 200))


def unnumbered(dispatch: Dispatch = LETTER) -> Dispatch:
    """The letter as printed before the văn thư writes its number by hand."""
    return replace(dispatch, number=None)
