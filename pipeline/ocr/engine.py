"""Tesseract behind a small engine interface: a page image in, words with boxes out.

Everything that OCRs calls `read_words`, which asks the current engine. Tests
and the benchmark swap the engine (`use_engine`) for a fake, a counter or a
cache of recorded output, so most OCR-path tests never start Tesseract.

The real engine calls Tesseract's library in the process (`tesserocr`, built
against the system's libtesseract) where it is installed and is the same
Tesseract as the `tesseract` command; otherwise it runs the command through
pytesseract. Both give the same words, boxes and confidences (tested); the
library saves what every command pays: starting Tesseract and loading the
language data (~0.1 s, as long as a page's second reading takes), and
writing the page to a file and reading it back.
"""

from __future__ import annotations

import shlex
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib import resources
from typing import Any, Protocol

import pytesseract
from PIL import Image

from pipeline.errors import MissingDependencyError, OcrError
from pipeline.libc import thread_named
from pipeline.ocr.tablegrid import Word


class OcrEngine(Protocol):
    def words(self, gray: Image.Image, lang: str, dpi: int, psm: int | None = None) -> list[Word]:
        """The words on a grayscale page image, with boxes, confidences and line keys."""
        ...


class TesseractEngine:
    """The real thing: Tesseract's library in this process where it can be
    (`library_words`), else `tesseract` through pytesseract's `image_to_data`."""

    def words(self, gray: Image.Image, lang: str, dpi: int, psm: int | None = None) -> list[Word]:
        if in_process_tesseract():
            return library_words(gray, lang, psm)
        return tesseract_words(gray, lang, dpi, psm)

    def orientation(self, gray: Image.Image) -> int:
        return tesseract_orientation(gray)


_engine: OcrEngine = TesseractEngine()


def current_engine() -> OcrEngine:
    return _engine


@contextmanager
def use_engine(engine: OcrEngine) -> Iterator[OcrEngine]:
    """Run the block with `engine` doing the OCR (tests, benchmarks)."""
    global _engine
    previous, _engine = _engine, engine
    try:
        yield engine
    finally:
        _engine = previous


def read_words(gray: Image.Image, lang: str, dpi: int, psm: int | None = None) -> list[Word]:
    return _engine.words(gray, lang, dpi, psm)


def page_orientation(gray: Image.Image) -> int:
    """Degrees a page image must turn clockwise to stand upright (0, 90, 180 or
    270); 0 when the engine cannot tell or has no orientation detection."""
    detect = getattr(_engine, "orientation", None)
    return detect(gray) if detect is not None else 0


#: Below this, Tesseract's orientation guess is a coin toss (upright pages of
#: prose score 5-30, a page of a few words under 1).
MIN_ORIENTATION_CONF = 2.0


def tesseract_orientation(gray: Image.Image) -> int:
    """Tesseract's orientation detection (`--psm 0`, the `osd` data that comes
    with the `tesseract-ocr` package); 0 if it fails or is unsure."""
    try:
        osd = pytesseract.image_to_osd(
            gray, config="--psm 0", timeout=PAGE_TIMEOUT_S, output_type=pytesseract.Output.DICT
        )
    except (pytesseract.TesseractError, RuntimeError):
        return 0  # too few letters to tell, or no `osd` data: read the page as it is
    if float(osd.get("orientation_conf", 0)) < MIN_ORIENTATION_CONF:
        return 0
    return int(osd.get("rotate", 0)) % 360


# Tesseract needs about 1.5 s for a dense A4 page; minutes means it is stuck.
PAGE_TIMEOUT_S = 300


@cache
def tesseract_options() -> str:
    r"""`--user-patterns`: the shapes of the số hiệu plans cite (`\d\*/NQ-CP`), built with the
    language model (`extractors/text/data/symbol_patterns.txt`). Told the shape, Tesseract
    reads `76/NQ-CP` where it read `7Ø/NQ-CP`; on 96 pages of scans with transcripts no
    document's CER rose and none changed by more than 0.03 points. (`--user-words` with
    the model's syllables raised the CER of 6 of the 10 documents and is not used.)"""
    patterns = _patterns_file()
    return f"--user-patterns {shlex.quote(patterns)}" if patterns else ""


def _patterns_file() -> str | None:
    patterns = resources.files("extractors.text") / "data" / "symbol_patterns.txt"
    return str(patterns) if patterns.is_file() else None


@cache
def in_process_tesseract() -> bool:
    """Whether `tesserocr` is installed and wraps the very Tesseract the `tesseract`
    command runs. A binary wheel of tesserocr bundles another Tesseract build,
    which reads some words otherwise (measured: 14 of ~3,300 words on six pages
    changed between 5.3 and 5.5, as many worse as better): results must not
    depend on how the package was installed, so such a build is not used."""
    try:
        import tesserocr

        return tesserocr.tesseract_version().split()[:2] == ["tesseract", str(pytesseract.get_tesseract_version())]
    except Exception:  # noqa: BLE001 - not installed, no command, or a broken build: use the command
        return False


_apis = threading.local()  # one TessBaseAPI per thread and language (the API is not thread-safe)


def _api(lang: str) -> Any:
    import tesserocr

    cache_ = _apis.__dict__.setdefault("by_lang", {})
    if lang not in cache_:
        variables = {"user_patterns_file": p} if (p := _patterns_file()) else {}
        try:
            cache_[lang] = tesserocr.PyTessBaseAPI(lang=lang, variables=variables)
        except RuntimeError as exc:
            raise _missing_language(lang) from exc
    return cache_[lang]


def _missing_language(lang: str) -> MissingDependencyError:
    return MissingDependencyError(f"tesseract has no '{lang}' language data; install tesseract-ocr-{lang}")


def library_words(gray: Image.Image, lang: str, psm: int | None = None) -> list[Word]:
    """`tesseract_words` through Tesseract's library. The page goes in as raw
    grey pixels with no resolution, as the command gets it (Tesseract then
    estimates it from the text), and the words come out of the same TSV
    renderer, read by the same `tsv_words`."""
    import tesserocr

    gray = gray if gray.mode == "L" else gray.convert("L")
    # Named so `top -H` and `ps -L` show Tesseract at work, as they showed its processes (and
    # the tests that count Tesseracts see it).
    with thread_named(b"tesseract"):
        api = _api(lang)
        api.SetPageSegMode(tesserocr.PSM.AUTO if psm is None else psm)
        api.SetImageBytes(gray.tobytes(), gray.width, gray.height, 1, gray.width)
        try:
            tsv = api.GetTSVText(0)
        finally:
            api.Clear()
    return tsv_words(tsv)


def tesseract_words(gray: Image.Image, lang: str, dpi: int, psm: int | None = None) -> list[Word]:
    # Uncompressed TIFF instead of pytesseract's default PNG: compressing an A4
    # page at 300 dpi to PNG costs ~0.3 s, a sixth of the OCR itself, and
    # Tesseract reads a PGM ~8 % slower than a TIFF of the same pixels (same
    # words out). The file carries no metadata of the source image (a fax
    # TIFF's compression would not fit a grayscale page; a resolution would
    # change what Tesseract reads).
    gray = gray.copy()
    gray.info = {}
    gray.format = "TIFF"
    try:
        tsv = pytesseract.image_to_data(
            gray,
            lang=lang,
            config=" ".join(filter(None, [f"--psm {psm}" if psm else "", tesseract_options()])),
            timeout=PAGE_TIMEOUT_S,
        )
    except pytesseract.TesseractNotFoundError as exc:
        raise MissingDependencyError(
            "tesseract is not installed; install it with `apt-get install tesseract-ocr tesseract-ocr-vie`"
        ) from exc
    except pytesseract.TesseractError as exc:
        if "language" in str(exc).lower() or "traineddata" in str(exc).lower():
            raise _missing_language(lang) from exc
        raise OcrError(f"tesseract failed: {exc}") from exc
    except RuntimeError as exc:  # pytesseract's timeout
        raise OcrError(f"tesseract did not finish a page in {PAGE_TIMEOUT_S} s") from exc
    return tsv_words(tsv)


def tsv_words(tsv: str) -> list[Word]:
    """The words of Tesseract's TSV (`level` 5 rows with text; a header row, where there is
    one, is no word). Confidences are whole numbers, as pytesseract's parse of the command's
    TSV has always given them (`int(float(conf))`), whichever way Tesseract ran."""
    words = []
    for row in tsv.splitlines():
        f = row.split("\t")
        if len(f) < 12 or f[0] != "5" or not f[11].strip():
            continue
        words.append(
            Word(
                text=f[11].strip(),
                left=int(f[6]),
                top=int(f[7]),
                width=int(f[8]),
                height=int(f[9]),
                conf=float(int(float(f[10]))),
                line_key=(int(f[1]), int(f[2]), int(f[3]), int(f[4])),
            )
        )
    return words
