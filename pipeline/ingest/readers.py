"""Readers: a file's bytes → page texts, whatever the format.

The format is sniffed from the bytes, not trusted from the extension, so a
PDF saved as `.txt` is still read as a PDF and a text saved as `.pdf` as text.
"""

from __future__ import annotations

import codecs
import io
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import CorruptFileError, EmptyFileError, ReadError

IMAGE_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "png",
    b"\xff\xd8\xff": "jpeg",
    b"II*\x00": "tiff",
    b"MM\x00*": "tiff",
}


@dataclass
class RawDocument:
    """What a reader found: the text of each page and how it got it."""

    source_format: str  # pdf, image, txt, md, docx
    pages: list[str]
    paged: bool  # real pages (PDF, image) rather than one text
    markdown: bool = False
    ocr_pages: int = 0
    n_pages: int | None = None
    flat_tables: bool = False  # tables may be flattened one cell per line
    page_sources: list[str] = field(default_factory=list)
    #: what a person should check about how the text was read (`ingest_log.warnings`)
    warnings: list[str] = field(default_factory=list)


def sniff_format(data: bytes, suffix: str) -> str:
    """`pdf`, `image`, `docx`, `md` or `txt` from the first bytes (suffix breaks ties)."""
    head = data[:1024].lstrip(b"\x00\t\r\n ")
    if head.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if any(data.startswith(m) for m in IMAGE_MAGIC):
        return "image"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                if "word/document.xml" in z.namelist():
                    return "docx"
        except zipfile.BadZipFile as exc:
            raise CorruptFileError("file looks like a ZIP/DOCX but the archive is damaged; re-export it") from exc
        raise ReadError(
            "read",
            "ZIP archive is not a Word document (no word/document.xml); unpack it and submit the documents inside",
        )
    if suffix.lower() in (".md", ".markdown"):
        return "md"
    return "txt"


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


def unprintable_share(text: str) -> float:
    """Share of characters no text file should contain (controls, unassigned, U+FFFD)."""
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(
        1
        for c in sample
        if (c not in "\t\n\r\f" and unicodedata.category(c) in ("Cc", "Cn", "Co", "Cs")) or c == "\ufffd"
    )
    return bad / len(sample)


def read_text(data: bytes, fmt: str) -> RawDocument:
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


def read_docx(data: bytes) -> RawDocument:
    """Paragraphs and tables in body order; table rows become tab-separated lines."""
    import docx  # python-docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several unrelated types
        raise CorruptFileError(
            f"DOCX could not be opened ({exc.__class__.__name__}: {exc}); re-save it from Word"
        ) from exc
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                cells = []
                for cell in row.cells:
                    value = " ".join(cell.text.split())
                    if not cells or cells[-1] != value or value == "":  # merged cells repeat
                        cells.append(value)
                lines.append("\t".join(cells))
    text = "\n".join(lines)
    if not text.strip():
        raise EmptyFileError("the DOCX contains no text")
    return RawDocument(source_format="docx", pages=[text], paged=False)


def read_pdf(path: Path, ocr: bool = True) -> RawDocument:
    from pipeline.ingest.pdf import read_pdf_pages

    result = read_pdf_pages(path, ocr=ocr)
    pages = [p.text for p in result.pages]
    sources = [p.source for p in result.pages]
    return RawDocument(
        source_format="pdf",
        pages=pages,
        paged=True,
        n_pages=len(pages),
        ocr_pages=sum(1 for s in sources if s == "ocr"),
        page_sources=sources,
    )


def read_image(path: Path) -> RawDocument:
    from pipeline.ocr.tesseract import read_image_pages

    result = read_image_pages(path)
    pages = [p.text for p in result.pages]
    return RawDocument(
        source_format="image",
        pages=pages,
        paged=True,
        n_pages=len(pages),
        ocr_pages=len(pages),
        page_sources=["ocr"] * len(pages),
    )


def read_document(path: Path, data: bytes | None = None, ocr: bool = True) -> RawDocument:
    """Read any supported file. Raises `pipeline.errors.ReadError` subclasses with actionable messages."""
    path = Path(path)
    if data is None:
        data = path.read_bytes()
    if not data.strip(b"\x00\t\r\n "):
        raise EmptyFileError("the file is empty (0 bytes or only whitespace); re-download or re-export it")
    fmt = sniff_format(data, path.suffix)
    if fmt == "pdf":
        return read_pdf(path, ocr=ocr)
    if fmt == "image":
        return read_image(path)
    if fmt == "docx":
        return read_docx(data)
    return read_text(data, fmt)
