"""What a file is, from its bytes: the one format check readers and sources share."""

from __future__ import annotations

import io
import json
import re
import unicodedata
import zipfile

from pipeline.errors import CorruptFileError, NotADocumentError, UnsupportedFormatError
from pipeline.ingest.html import carries_document, is_html, is_mhtml
from pipeline.ingest.odt import is_odt
from pipeline.ingest.rtf import is_rtf

#: The OLE2 compound-file signature of Word 97-2003 (and .xls/.ppt: the reader tells them apart).
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

IMAGE_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "png",
    b"\xff\xd8\xff": "jpeg",
    b"II*\x00": "tiff",
    b"MM\x00*": "tiff",
}


def sniff_format(data: bytes, suffix: str) -> str:
    """`pdf`, `image`, `docx`, `odt`, `doc`, `rtf`, `html`, `md` or `txt` from the first bytes (suffix breaks ties)."""
    at = data[:1024].find(b"%PDF-")
    # Readers tolerate junk before the header; text that mentions `%PDF-1.7` is not a PDF.
    if at == 0 or (at > 0 and not re.search(rb"[A-Za-z]{2}", data[:at])):
        return "pdf"
    if any(data.startswith(m) for m in IMAGE_MAGIC):
        return "image"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                if "word/document.xml" in z.namelist():
                    return "docx"
                if is_odt(z):
                    return "odt"
        except zipfile.BadZipFile as exc:
            raise CorruptFileError("file looks like a ZIP/DOCX but the archive is damaged; re-export it") from exc
        raise UnsupportedFormatError(
            "ZIP archive is not a Word or OpenDocument text (no word/document.xml, no content.xml); "
            "unpack it and submit the documents inside"
        )
    if data.startswith(OLE2_MAGIC):
        return "doc"
    if is_rtf(data):
        return "rtf"
    if (is_mhtml(data) or is_html(data)) and carries_document(data):
        return "html"
    other = what_else(data)
    if other:
        raise NotADocumentError(
            f"this is {other}, not a document, saved under a document's name; "
            "fetch or export the plan itself (PDF, DOCX, DOC, text or an image)"
        )
    if suffix.lower() in (".md", ".markdown"):
        return "md"
    return "txt"


_HTML = re.compile(rb"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
_XML = re.compile(rb"^\s*<\?xml\s")
_EMAIL = re.compile(
    rb"^(?:From |From:|To:|Subject:|Return-Path:|Received:|MIME-Version:|Delivered-To:|Message-ID:)", re.M
)


def what_else(data: bytes) -> str | None:
    """What a file is when it is a known non-document: an HTML page, XML, JSON, an e-mail."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if _HTML.match(head):
        return "an HTML page (an error or login page?)"
    if _XML.match(head):
        return "an XML file"
    if head.lstrip()[:1] in (b"{", b"[") and len(data) <= 20_000_000:
        try:
            json.loads(data.decode("utf-8"))
            return "a JSON file"
        except (UnicodeDecodeError, ValueError):
            pass
    lines = head.split(b"\n", 8)
    if len(lines) > 3 and sum(bool(_EMAIL.match(ln)) for ln in lines[:8]) >= 3:
        return "an e-mail message (save its attachment instead)"
    return None


def unprintable_share(text: str) -> float:
    """Share of characters no text file should contain (controls, unassigned, U+FFFD)."""
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sample.count("\ufffd")
    # Looking up each character's category costs ~2 ms a document; str.isprintable
    # refuses every category counted here (and a few more, e.g. no-break space),
    # so only a stretch it refuses needs the lookup.
    flat = sample
    for spacing in "\t\n\r\f":
        flat = flat.replace(spacing, " ")
    for i in range(0, len(flat), _STRETCH):
        stretch = flat[i : i + _STRETCH]
        if not stretch.isprintable():
            bad += sum(1 for c in stretch if unicodedata.category(c) in _UNPRINTABLE)
    return bad / len(sample)


_UNPRINTABLE = frozenset(("Cc", "Cn", "Co", "Cs"))
_STRETCH = 256
