"""Image files (PNG, JPEG, TIFF frames) → OCR'd pages."""

from __future__ import annotations

import io
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PIL import Image, ImageOps

from pipeline.config import MAX_PIXELS
from pipeline.errors import CorruptFileError, EmptyFileError, ImageTooLargeError
from pipeline.models import PagedText, RawDocument
from pipeline.ocr.ink import ink_gray
from pipeline.ocr.lanes import run_lanes
from pipeline.ocr.page import OcrPage, guess_dpi, image_dpi, ocr_image, repair_notes, to_page_text


def read_image_pages(path, lang: str = "vie") -> PagedText:
    """OCR an image file: PNG, JPEG, TIFF (every frame of a multi-page TIFF)."""
    path = Path(path)
    if path.stat().st_size == 0:
        raise EmptyFileError(f"{path.name} is empty (0 bytes)")
    pages = []
    with _pixel_limit():
        try:
            with Image.open(path) as img:
                # The frames of a multi-page TIFF are OCR'd side by side (`pipeline.ocr.lanes`);
                # the file is one decoder, so frames are taken from it one at a time.
                decoder = threading.Lock()

                def ocr_frame(frame: int) -> OcrPage:
                    with decoder:
                        img.seek(frame)
                        gray, dpi = _page_image(img, path)
                    return ocr_image(gray, lang=lang, dpi=dpi)

                for frame, page in run_lanes(ocr_frame, range(getattr(img, "n_frames", 1))):
                    pages.append(to_page_text(frame + 1, page))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise ImageTooLargeError(
                f"{path.name}: image is larger than {MAX_PIXELS:,} pixels; "
                f"downscale it (300 dpi is enough for OCR) ({exc})"
            ) from exc
        except (OSError, SyntaxError, ValueError) as exc:
            raise CorruptFileError(
                f"{path.name}: cannot decode image ({exc}); the file may be truncated or not an image"
            ) from exc
    if not pages:
        raise EmptyFileError(f"{path.name} has no image frames")
    return PagedText(pages)


@contextmanager
def _pixel_limit() -> Iterator[None]:
    """PIL only warns between MAX_IMAGE_PIXELS and twice that; make every
    oversized image an error before it is decoded."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        previous = Image.MAX_IMAGE_PIXELS
        Image.MAX_IMAGE_PIXELS = MAX_PIXELS
        try:
            yield
        finally:
            Image.MAX_IMAGE_PIXELS = previous


def _page_image(img: Image.Image, path: Path) -> tuple[Image.Image, int | None]:
    """A decoded page, upright and gray, and its resolution if the file says it."""
    _check_size(img, path)
    img.load()
    dpi = image_dpi(img)
    return _upright_gray(img, dpi or guess_dpi(img)), dpi


def _upright_gray(img: Image.Image, dpi: int = 300) -> Image.Image:
    # Phone photos are stored sideways with an EXIF turn; transparent
    # pixels are paper, not ink.
    img = ImageOps.exif_transpose(img)
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        img = Image.alpha_composite(background, rgba)
    return ink_gray(img, dpi=dpi)


def _check_size(img: Image.Image, path: Path) -> None:
    width, height = img.size
    if width * height > MAX_PIXELS:
        raise ImageTooLargeError(
            f"{path.name}: image is {width}x{height} pixels, more than "
            f"{MAX_PIXELS:,}; downscale it (300 dpi is enough for OCR)"
        )


def read_image(path: Path, data: bytes, ocr: bool = True) -> RawDocument:
    """An image file's frames, OCR'd."""
    return ocr_document(read_image_pages(path), "image")


def ocr_document(result: PagedText, source_format: str) -> RawDocument:
    """Pages OCR read, as a reader's document."""
    pages = [p.text for p in result.pages]
    return RawDocument(
        source_format=source_format,
        pages=pages,
        paged=True,
        n_pages=len(pages),
        ocr_pages=len(pages),
        page_sources=["ocr"] * len(pages),
        page_indents=[p.indents for p in result.pages],
        warnings=repair_notes(result.pages),
    )


def read_pictures(blobs: list[bytes], name: str, lang: str = "vie") -> PagedText:
    """OCR pictures held inside another file (a Word file of scanned pages), one page each, in order."""
    pages = []

    def ocr_picture(index: int) -> OcrPage:
        try:
            with Image.open(io.BytesIO(blobs[index])) as img:
                gray, dpi = _page_image(img, Path(f"{name} picture {index + 1}"))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise ImageTooLargeError(f"{name}: picture {index + 1} is too large to OCR ({exc})") from exc
        except (OSError, SyntaxError, ValueError) as exc:
            raise CorruptFileError(f"{name}: picture {index + 1} cannot be decoded ({exc})") from exc
        return ocr_image(gray, lang=lang, dpi=dpi)

    with _pixel_limit():  # around all the pictures: the warning filters are the process's, not a thread's
        for index, page in run_lanes(ocr_picture, range(len(blobs))):
            pages.append(to_page_text(index + 1, page))
    return PagedText(pages)
