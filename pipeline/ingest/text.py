"""Text and Markdown files: bytes → one page of text."""

from __future__ import annotations

import codecs
from pathlib import Path

from pipeline.errors import CorruptFileError, EmptyFileError
from pipeline.ingest.sniff import unprintable_share
from pipeline.models import RawDocument


def decode_text(data: bytes) -> str:
    """Bytes of a text file → str: BOMs, UTF-16 without BOM, UTF-8, then cp1258."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc)
    sample = data[:4000]
    if len(sample) >= 4:
        odd_nuls = sample[1::2].count(0) / max(1, len(sample) // 2)
        even_nuls = sample[0::2].count(0) / max(1, len(sample) // 2)
        if odd_nuls > 0.3:
            return data.decode("utf-16-le", errors="replace")
        if even_nuls > 0.3:
            return data.decode("utf-16-be", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Legacy 8-bit files (TCVN3/VNI fonts) were usually saved as cp1252/1258;
        # the normaliser recognises and decodes what comes out.
        return data.decode("cp1252", errors="replace")


def looks_like_markdown(text: str) -> bool:
    sample = text[:20000]
    return sample.count("**") >= 4 or any(line.lstrip().startswith("#") for line in sample.splitlines()[:200])


def read_text(path: Path, data: bytes, ocr: bool = True) -> RawDocument:
    """A text or Markdown file as one page."""
    fmt = "md" if path.suffix.lower() in (".md", ".markdown") else "txt"
    text = decode_text(data)
    if not text.strip():
        raise EmptyFileError("the file contains no text")
    if unprintable_share(text) > 0.05:
        raise CorruptFileError(
            "the file is binary, not text (control bytes throughout); "
            "check its real type — supported are PDF, PNG/JPEG/TIFF, DOCX, TXT, MD"
        )
    markdown = fmt == "md" or looks_like_markdown(text)
    return RawDocument(
        source_format="md" if fmt == "md" else "txt", pages=[text], paged=False, markdown=markdown, flat_tables=True
    )
