"""Readers: a file's bytes → page texts, whatever the format.

The format is sniffed from the bytes, not trusted from the extension, so a
PDF saved as `.txt` is still read as a PDF and a text saved as `.pdf` as text.
Each format has its reader module; `read_document` picks one from `READERS`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipeline.errors import EmptyFileError
from pipeline.ingest.html import read_html
from pipeline.ingest.image import read_image
from pipeline.ingest.odt import read_odt
from pipeline.ingest.office import read_docx
from pipeline.ingest.pdf import read_pdf
from pipeline.ingest.rtf import read_rtf
from pipeline.ingest.sniff import sniff_format
from pipeline.ingest.text import read_text
from pipeline.ingest.word97 import read_doc
from pipeline.models import RawDocument

#: format (as `sniff_format` names it) → reader(path, data, ocr).
READERS: dict[str, Callable[[Path, bytes, bool], RawDocument]] = {
    "pdf": read_pdf,
    "image": read_image,
    "docx": read_docx,
    "odt": read_odt,
    "doc": read_doc,
    "rtf": read_rtf,
    "html": read_html,
    "txt": read_text,
    "md": read_text,
}


def read_document(path: Path, data: bytes | None = None, ocr: bool = True) -> RawDocument:
    """Read any supported file. Raises `pipeline.errors.ReadError` subclasses with actionable messages."""
    path = Path(path)
    if data is None:
        data = path.read_bytes()
    if not data.strip(b"\x00\t\r\n "):
        raise EmptyFileError("the file is empty (0 bytes or only whitespace); re-download or re-export it")
    return READERS[sniff_format(data, path.suffix)](path, data, ocr)
