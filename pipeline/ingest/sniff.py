"""What a file is, from its bytes: the one format check readers and sources share."""

from __future__ import annotations

import io
import unicodedata
import zipfile

from pipeline.errors import CorruptFileError, UnsupportedFormatError

#: The OLE2 compound-file signature of Word 97-2003 (and .xls/.ppt: the reader tells them apart).
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

IMAGE_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "png",
    b"\xff\xd8\xff": "jpeg",
    b"II*\x00": "tiff",
    b"MM\x00*": "tiff",
}


def sniff_format(data: bytes, suffix: str) -> str:
    """`pdf`, `image`, `docx`, `doc`, `md` or `txt` from the first bytes (suffix breaks ties)."""
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
        raise UnsupportedFormatError(
            "ZIP archive is not a Word document (no word/document.xml); unpack it and submit the documents inside"
        )
    if data.startswith(OLE2_MAGIC):
        return "doc"
    if suffix.lower() in (".md", ".markdown"):
        return "md"
    return "txt"


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
