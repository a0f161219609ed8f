"""The seal and the signature fade to paper before OCR; print under them, and
small marks written in colour (a number, a day), stay."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageChops, ImageDraw

from pipeline.ocr.ink import ink_gray

PAPER = (250, 249, 246)
PRINT = (15, 15, 15)
SEAL_RED = (170, 20, 35)
PEN_BLUE = (20, 40, 170)


def stamped(*, seal=SEAL_RED, pen=PEN_BLUE) -> Image.Image:
    """At 300 dpi: a bar of print, a seal's ring 39 mm across and a pen stroke
    over it, and a number written in red ink (8 mm) beside `Số:`; the inks
    multiplied over the print, as on paper."""
    page = Image.new("RGB", (700, 700), PAPER)
    ImageDraw.Draw(page).rectangle([50, 330, 650, 360], fill=PRINT)
    ink = Image.new("RGB", page.size, (255, 255, 255))
    draw = ImageDraw.Draw(ink)
    draw.ellipse([120, 120, 580, 580], outline=seal, width=14)
    draw.line([(60, 140), (640, 640)], fill=pen, width=6)
    for x in (560, 600, 640):  # three digits, 5 mm tall
        draw.rectangle([x, 20, x + 20, 80], outline=SEAL_RED, width=6)
    return ImageChops.multiply(page, ink)


def test_seal_and_signature_become_paper_and_print_under_them_stays_dark():
    grey = np.asarray(ink_gray(stamped()))
    paper = int(np.median(grey))
    # the ring's top and left, clear of the print: paper now (luminance had them at ~65)
    assert abs(int(grey[126, 350]) - paper) <= 2
    assert abs(int(grey[250, 150]) - paper) <= 2
    # where the pen crosses paper
    assert abs(int(grey[210, 141]) - paper) <= 2
    # the print, also where the ring and the pen cross it
    assert grey[333:358, 52:648].max() < 60


def test_a_number_written_in_colour_is_kept():
    page = stamped()
    grey = np.asarray(ink_gray(page))
    assert np.array_equal(grey[15:90, 550:670], np.asarray(page.convert("L"))[15:90, 550:670])
    assert grey[15:90, 550:670].min() < 80


def test_grey_pages_and_pages_without_colour_are_left_alone():
    page = Image.new("RGB", (200, 100), PAPER)
    ImageDraw.Draw(page).text((10, 40), "Số: 12/KH-UBND", fill=PRINT)
    assert np.array_equal(np.asarray(ink_gray(page)), np.asarray(page.convert("L")))
    grey = page.convert("L")
    assert ink_gray(grey) is grey


def test_a_renderers_own_grey_is_kept_where_nothing_is_faded():
    colour = stamped()
    own = colour.convert("L").point(lambda v: max(0, v - 3))  # a renderer's slightly different grey
    out = np.asarray(ink_gray(colour, own))
    assert np.array_equal(out[600:, :100], np.asarray(own)[600:, :100])
    assert np.array_equal(out[15:90, 550:670], np.asarray(own)[15:90, 550:670])


def test_a_default_resolution_that_makes_a_scanned_page_four_feet_long_is_ignored():
    from pipeline.ocr.page import guess_dpi, image_dpi

    def page(size, dpi):
        img = Image.new("L", size, 255)
        img.info["dpi"] = (dpi, dpi)
        return img

    # an A4 page scanned at 300 dpi, saved by software that writes its default
    for default in (72, 96):
        img = page((2480, 3508), default)
        assert image_dpi(img) is None
        assert guess_dpi(img) == 300
    # the metadata is kept when it describes a sheet: A4 at 300 and at 200 dpi,
    # a true 72 dpi render of A4, an A3 appendix at 150 dpi
    assert image_dpi(page((2480, 3508), 300)) == 300
    assert image_dpi(page((1654, 2339), 200)) == 200
    assert image_dpi(page((595, 842), 72)) == 72
    assert image_dpi(page((2480, 1754), 150)) == 150
