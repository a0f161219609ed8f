"""Rich Text Format: what Word saves as "RTF", often published under a `.doc` name.

Read with `striprtf` (pure Python, BSD): the control words dropped, `\\uN`
characters and `\\'hh` bytes decoded in the document's own code page
(`\\ansicpg1258` for Vietnamese). Table cells become tab-separated rows, as the
other readers give them.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from pipeline.errors import CorruptFileError, EmptyFileError
from pipeline.models import RawDocument

RTF_MAGIC = b"{\\rtf"

#: A cell's end: read as a tab (striprtf writes `|`, which a cell's text may hold).
_CELL = re.compile(r"\\(?:nest)?cell(?![a-z])")
_CODE_PAGE = re.compile(r"\\ansicpg(\d+)")


def is_rtf(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:5] == RTF_MAGIC


def read_rtf(path: Path, data: bytes, ocr: bool = True) -> RawDocument:
    """An RTF document as one page of lines: paragraphs as they are, table rows tab-separated."""
    from striprtf.striprtf import rtf_to_text

    source = data.decode("latin-1")  # RTF is 7-bit; anything else is a byte of its code page
    m = _CODE_PAGE.search(source[:4096])
    encoding = f"cp{m.group(1)}" if m else "cp1252"
    try:
        codecs.lookup(encoding)
    except LookupError:
        encoding = "cp1252"
    try:
        text = rtf_to_text(_CELL.sub(r"\\tab", source), encoding=encoding, errors="replace")
    except Exception as exc:  # striprtf raises plain IndexError/ValueError on broken groups
        raise CorruptFileError(f"the RTF could not be read ({exc.__class__.__name__}); re-save it from Word") from exc
    # Every cell ends with its mark: the row's last one leaves a tab at the row's end.
    lines = [line[:-1] if line.endswith("\t") else line for line in text.split("\n")]
    if not "".join(lines).strip():
        raise EmptyFileError("the RTF contains no text")
    return RawDocument(source_format="doc", pages=["\n".join(lines)], paged=False, paragraphs=True)
