"""The sample documents, their answer keys and small assertion helpers shared by the tests."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
RAW = ROOT / "data" / "raw"
SAMPLES = ["kiengiang-2020-kh182", "kontum-2021-ctrhd-06nqcp", "kontum-2025-qd243-congbao"]


def gold(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def truth_text(name: str) -> str:
    return (FIXTURES / f"{name}.truth.txt").read_text(encoding="utf-8").strip("\n")


#: The document row's header facts that the answer keys hold.
HEADER_FIELDS = [
    "doc_kind",
    "doc_number",
    "issuer",
    "province",
    "issue_place",
    "issue_date",
    "title",
    "signer_name",
    "signer_title",
    "horizon_year",
]


def truth_file(name: str, folder: Path, text: str | None = None) -> Path:
    """A sample's exact text (or `text`, a variant of it) as a text file in `folder`."""
    path = folder / f"{name}.txt"
    path.write_text(truth_text(name) if text is None else text, encoding="utf-8")
    return path


def varied_samples(transform: Callable[[str], str]) -> list[tuple[str, str]]:
    """`(name, varied text)` for each sample whose exact text `transform` changes;
    at least one, or the variant tests nothing."""
    out = [(name, varied) for name in SAMPLES if (varied := transform(truth_text(name))) != truth_text(name)]
    assert out, "no sample has anything to vary that way"
    return out


def gold_scores(path: Path, name: str) -> tuple[dict[str, float], dict]:
    """`path` processed (no OCR) and scored against sample `name`'s answer key with
    the project's metric, table by table; and the document row it was scored on."""
    from dataclasses import asdict

    from pipeline.evaluate.quality import score_document
    from pipeline.orchestrate.process import process_file

    processed = process_file(path, ocr=False)
    rows = {t: [asdict(r) for r in recs] for t, recs in processed.tables.items()}
    doc = rows["documents"][0]
    doc["issue_date"] = doc["issue_date"].isoformat() if doc["issue_date"] else None
    return score_document(gold(name), doc, rows), doc


def text_sample(name: str) -> Path:
    return next(p for p in RAW.glob(f"{name}.*") if p.suffix in (".txt", ".md"))


def assert_png_not_blank(png: bytes | Path, min_colours: int = 8, min_ink: float = 0.01) -> Image.Image:
    """A PNG with real content: several colours and some non-white pixels."""
    data = png.read_bytes() if isinstance(png, Path) else png
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    img = Image.open(io.BytesIO(data)).convert("RGB")
    colours = len(img.getcolors(maxcolors=1 << 24))
    ink = float((np.asarray(img).min(axis=2) < 235).mean())
    assert colours >= min_colours, f"only {colours} colours: blank image?"
    assert ink >= min_ink, f"only {ink:.1%} non-white pixels: blank image?"
    return img


def image_pdf(path: Path, pages: int = 1, lines: int = 1) -> Path:
    """A scan-like PDF (images only, no text layer) of `lines` lines of text a page: Tesseract
    has ~0.05 s of work on a page of one line (plus its start, where it runs as a command),
    ~1 s on a page of 40."""
    from PIL import ImageDraw

    imgs = []
    for i in range(pages):
        img = Image.new("L", (1240, 1754), 255)
        draw = ImageDraw.Draw(img)
        for k in range(lines):
            draw.text((100, 100 + i + 36 * k), "KE HOACH so 12/KH-UBND " * 3, fill=0)
        imgs.append(img)
    imgs[0].save(path, "PDF", resolution=150, save_all=True, append_images=imgs[1:])
    return path
