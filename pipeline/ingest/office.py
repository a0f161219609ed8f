"""Word documents: DOCX paragraphs and tables in body order."""

from __future__ import annotations

import io
from pathlib import Path

from pipeline.errors import CorruptFileError, EmptyFileError
from pipeline.models import RawDocument


def read_docx(path: Path, data: bytes, ocr: bool = True) -> RawDocument:
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
