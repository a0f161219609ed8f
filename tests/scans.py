"""Invented plans printed, then scanned: a 300 dpi scan and a 200 dpi poor copy, as image-only PDFs.

The page is printed by Chromium (`variants.pdf_printed_bytes`), rasterised, turned a little, blurred
(poor copies), given paper noise and, for poor copies, JPEG compression; every step is seeded, so a
plan renders the same on every run. OCR then reads it as it reads a scan it has never seen."""

from __future__ import annotations

import io
import random

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

from tests.variants import Plan, pdf_printed_bytes

#: (dpi, largest turn in degrees, blur radius range, noise sigma): a clean office scan and a poor copy.
KINDS = {
    "scan": (300, 0.6, None, 6.0),
    "scan-poor": (200, 1.2, (0.5, 0.9), 14.0),
}


def scanned_pdf(plan: Plan, kind: str, seed: int = 0, name: str = "") -> bytes:
    """`plan` printed and scanned as `kind` (`scan`, `scan-poor`), one image per page."""
    dpi, turn, blur, sigma = KINDS[kind]
    rng = random.Random(f"{seed}-{name}-{kind}")
    noise = np.random.default_rng(rng.randrange(1 << 30))
    pages = []
    for page in pdfium.PdfDocument(pdf_printed_bytes(plan)):
        img = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        img = img.rotate(rng.uniform(-turn, turn), resample=Image.BICUBIC, fillcolor=255)
        if blur:
            img = img.filter(ImageFilter.GaussianBlur(rng.uniform(*blur)))
        ink = np.asarray(img).astype(np.float32) + noise.normal(0, sigma, (img.height, img.width))
        if kind == "scan-poor":
            ink = ink * rng.uniform(0.85, 0.95) + rng.uniform(10, 25)  # a grey, washed-out copy
        img = Image.fromarray(np.clip(ink, 0, 255).astype(np.uint8))
        if kind == "scan-poor":
            jpeg = io.BytesIO()
            img.save(jpeg, "JPEG", quality=rng.randint(35, 55))
            img = Image.open(io.BytesIO(jpeg.getvalue()))
        pages.append(img)
    out = io.BytesIO()
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=dpi)
    return out.getvalue()
