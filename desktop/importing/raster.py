"""A PDF page as an image for OCR (and for the import screen): rendered by PDFium at the OCR
resolution within the pixel limits, and straightened (a scan is rarely put on the glass square).

Deskew with Pillow alone: the page is shrunk and thresholded, and the angle whose horizontal
projection has the sharpest profile (text lines against the gaps between them) wins; a coarse
then a fine search between -5° and +5°.
"""
from __future__ import annotations

from pathlib import Path

import desktop.importing.limits as limits
from desktop.core.pdfium import PDFIUM_LOCK
from desktop.importing.errors import ImportFileError

MAX_SKEW = 5.0  # degrees; a page tilted further is read as it is
_SKEW_WIDTH = 500  # pixels: the page is measured at about 60 dpi


def render_page(pdf, index: int, dpi: float, *, name: str = "tệp", check_images: bool = True):
    """Page `index` as a grayscale PIL image and its scale (pixels per point). A page holding an
    image above limits.MAX_IMAGE_PIXELS is refused (decoding it is the cost); the resolution is
    lowered so the bitmap stays within limits.MAX_RENDER_PIXELS."""
    from desktop.importing.pdf_text import image_pixels

    if check_images:
        pixels = image_pixels(pdf, index)
        if pixels > limits.MAX_IMAGE_PIXELS:
            raise ImportFileError(
                f"Trang {index + 1} của {name} chứa ảnh quá lớn ({pixels / 1e6:.0f} triệu điểm ảnh, giới hạn "
                f"{limits.MAX_IMAGE_PIXELS / 1e6:.0f} triệu). Hãy quét lại ở độ phân giải thấp hơn (200–300 dpi).")
    from desktop.importing.pdf_text import flattened_page

    with PDFIUM_LOCK:  # PDFium is not thread-safe (desktop/core/pdfium.py)
        return _render(flattened_page(pdf, index), dpi)  # stamped numbers and days drawn, as the text saw


def _render(page, dpi: float):
    try:
        width, height = page.get_size()
        scale = dpi / 72.0
        area = width * height * scale * scale
        if area > limits.MAX_RENDER_PIXELS:
            scale *= (limits.MAX_RENDER_PIXELS / area) ** 0.5
        bitmap = page.render(scale=scale, grayscale=True, draw_annots=True)
        try:
            return bitmap.to_pil().convert("L"), scale
        finally:
            bitmap.close()
    finally:
        page.close()


def skew_angle(image) -> float:
    """The angle (degrees, counter-clockwise) that makes the text lines of `image` horizontal."""
    from PIL import Image

    small = image.convert("L")
    small = small.reduce(max(1, round(small.width / _SKEW_WIDTH)))
    ink = small.point(lambda v: 255 if v < 140 else 0)  # text white on black: rotation fills black
    box = ink.getbbox()
    if box is None:
        return 0.0
    ink = ink.crop(box)

    def sharpness(angle: float) -> float:
        turned = ink.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=0) if angle else ink
        rows = turned.resize((1, turned.height), Image.Resampling.BOX).tobytes()
        return float(sum((a - b) ** 2 for a, b in zip(rows, rows[1:])))

    scores: dict[float, float] = {}

    def best_of(angles) -> float:
        for a in angles:
            a = round(a, 2)
            if a not in scores:
                scores[a] = sharpness(a)
        return max(scores, key=scores.get)

    best = best_of(range(-int(MAX_SKEW), int(MAX_SKEW) + 1))
    for step in (0.5, 0.25, 0.1):
        best = best_of((best - step, best, best + step))
    return best if abs(best) >= 0.15 else 0.0


def despeckle(image):
    """A 3x3 median: dust and paper grain go, strokes and Vietnamese marks stay (measured: on
    generated dusty scans 24/27 header fields read instead of 18/27, the same on the corpus scans)."""
    from PIL import ImageFilter

    return image.filter(ImageFilter.MedianFilter(3))


def deskew(image, angle: float | None = None):
    """(straightened image, angle used); white fills the corners."""
    from PIL import Image

    if angle is None:
        angle = skew_angle(image)
    if not angle:
        return image, 0.0
    return image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255), angle


def page_image(path: Path, index: int, width_px: int, angle: float = 0.0):
    """Page `index` of `path` rendered `width_px` wide (the import screen's page view), turned by
    `angle` like the image OCR read; PIL image, or None when the file cannot be rendered."""
    from desktop.importing.pdf_text import open_pdf

    try:
        with open_pdf(Path(path)) as pdf:
            with PDFIUM_LOCK:
                page = pdf[index]
                try:
                    width, _height = page.get_size()
                finally:
                    page.close()
            image, _scale = render_page(pdf, index, 72.0 * width_px / max(width, 1.0), check_images=True)
    except (ImportFileError, IndexError):
        return None
    return deskew(image, angle)[0] if angle else image
