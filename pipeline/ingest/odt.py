"""OpenDocument Text (`.odt`): the open format Vietnamese agencies must accept
(Thông tư 39/2017/TT-BTTTT lists ODF among the document-exchange standards),
written by LibreOffice and saved by Word.

`content.xml` read with lxml: headings and paragraphs one line each, lists
item by item, tables as tab-separated rows — or, when a borderless table of a
few columns holds a header or signature block, column by column, as the DOCX
reader does. Spaces (`text:s`), tabs and line breaks are written out.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import CorruptFileError, EmptyFileError
from pipeline.ingest.office import (
    TYPED_BULLETS,
    format_number,
    grid_lines,
    local_name,
    table_rows,
    untabbed,
)
from pipeline.models import RawDocument

_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
_FO = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"


def is_odt(z: zipfile.ZipFile) -> bool:
    names = z.namelist()
    return "content.xml" in names and ("mimetype" not in names or z.read("mimetype").strip() == ODT_MIMETYPE)


def read_odt(path: Path, data: bytes, ocr: bool = True) -> RawDocument:
    """An ODT as one page of lines, as `read_docx` gives a DOCX."""
    from lxml import etree

    # A document's XML declares no entities worth expanding: none are, and nothing is fetched.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            root = etree.fromstring(z.read("content.xml"), parser)
            # Named list styles (`Numbering 123`) live in styles.xml, automatic ones in content.xml.
            styles = etree.fromstring(z.read("styles.xml"), parser) if "styles.xml" in z.namelist() else None
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as exc:
        raise CorruptFileError(f"the ODT could not be opened ({exc}); re-save it from the word processor") from exc
    body = root.find(f"{{{_OFFICE}}}body/{{{_OFFICE}}}text")
    roots = [root] if styles is None else [root, styles]
    reader = _Reader(_ruled_styles(root), _list_styles(roots))
    lines = reader.block_lines(body) if body is not None else []
    text = "\n".join(lines)
    if not text.strip():
        raise EmptyFileError("the ODT contains no text")
    return RawDocument(source_format="odt", pages=[text], paged=False, paragraphs=True)


def _ruled_styles(root: Any) -> set[str]:
    """Names of the cell styles that draw a border (`fo:border…` other than `none`)."""
    ruled = set()
    for style in root.iter(f"{{{_STYLE}}}style"):
        props = style.find(f"{{{_STYLE}}}table-cell-properties")
        if props is None:
            continue
        borders = [v for k, v in props.attrib.items() if k.startswith(f"{{{_FO}}}border")]
        if any(v.strip() and v.strip() != "none" for v in borders):
            ruled.add(style.get(f"{{{_STYLE}}}name"))
    return ruled


#: ODF's number formats as Word names them (`format_number`).
_NUM_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}


@dataclass
class _ListLevel:
    bullet: str | None = None  # the bullet's character, for a bulleted level
    fmt: str = ""  # Word's name of the number format; "" for no number
    prefix: str = ""
    suffix: str = ""
    start: int = 1
    shown: int = 1  # how many levels the label shows (`1.2.`)


def _list_styles(roots: list[Any]) -> dict[str, dict[int, _ListLevel]]:
    """Each list style's levels: how a list item's label is drawn."""
    out: dict[str, dict[int, _ListLevel]] = {}
    for root in roots:
        for style in root.iter(f"{{{_TEXT}}}list-style"):
            levels = out.setdefault(style.get(f"{{{_STYLE}}}name", ""), {})
            for lvl in style:
                n = int(lvl.get(f"{{{_TEXT}}}level", "1"))
                if local_name(lvl) == "list-level-style-bullet":
                    levels[n] = _ListLevel(bullet=lvl.get(f"{{{_TEXT}}}bullet-char", "-"))
                elif local_name(lvl) == "list-level-style-number":
                    levels[n] = _ListLevel(
                        fmt=_NUM_FORMATS.get(lvl.get(f"{{{_STYLE}}}num-format", ""), ""),
                        prefix=lvl.get(f"{{{_STYLE}}}num-prefix", ""),
                        suffix=lvl.get(f"{{{_STYLE}}}num-suffix", ""),
                        start=int(lvl.get(f"{{{_TEXT}}}start-value", "1")),
                        shown=int(lvl.get(f"{{{_TEXT}}}display-levels", "1")),
                    )
    return out


class _Reader:
    def __init__(self, ruled_styles: set[str], list_styles: dict[str, dict[int, _ListLevel]]) -> None:
        self.ruled_styles = ruled_styles
        self.list_styles = list_styles
        self.counters: dict[str, list[int]] = {}

    def block_lines(self, container: Any, style: str = "", level: int = 0) -> list[str]:
        lines: list[str] = []
        for child in container:
            tag = local_name(child)
            if tag in ("p", "h"):
                lines += [untabbed(part) for part in _inline(child).split("\n")]
            elif tag == "list":
                own = child.get(f"{{{_TEXT}}}style-name") or style
                continues = child.get(f"{{{_TEXT}}}continue-numbering") == "true" or child.get(
                    f"{{{_TEXT}}}continue-list"
                )
                if level == 0 and not continues:
                    self.counters.pop(own, None)  # a new list starts its numbers again
                lines += self.list_lines(child, own, level + 1)
            elif tag == "section":
                lines += self.block_lines(child, style, level)
            elif tag == "table":
                lines += self.table_lines(child)
        return lines

    def list_lines(self, lst: Any, style: str, level: int) -> list[str]:
        lines: list[str] = []
        for item in lst:
            if local_name(item) not in ("list-item", "list-header"):
                continue
            # An item that only wraps a deeper list (how a deeper item stands alone) has no label.
            own = len(item) and local_name(item[0]) in ("p", "h")
            label = self.label(style, level) if own and local_name(item) == "list-item" else ""
            inner = self.block_lines(item, style, level)
            if inner and label:
                inner[0] = label + inner[0]
            lines += inner
        return lines

    def label(self, style: str, level: int) -> str:
        """The label of the next item at `level` of a list in `style` (`1. `, `a) `, `- `)."""
        lv = self.list_styles.get(style, {}).get(level)
        if lv is None:
            return ""
        if lv.bullet is not None:
            return f"{lv.bullet} " if lv.bullet in TYPED_BULLETS else "- "
        counts = self.counters.setdefault(style, [0] * 11)
        counts[level] = counts[level] + 1 if counts[level] else lv.start
        counts[level + 1 :] = [0] * (len(counts) - level - 1)
        if not lv.fmt:
            return ""
        levels = self.list_styles.get(style, {})
        shown = range(max(1, level - lv.shown + 1), level + 1)
        number = ".".join(
            format_number(counts[k] or levels.get(k, _ListLevel()).start, levels.get(k, lv).fmt or "decimal")
            for k in shown
        )
        return f"{lv.prefix}{number}{lv.suffix} "

    def table_lines(self, table: Any) -> list[str]:
        rows = _rows(table)
        ruled = any(c.get(f"{{{_TABLE}}}style-name") in self.ruled_styles for row in rows for c in row)
        return grid_lines([[self.block_lines(c) for c in row] for row in rows], ruled)


def _inline(element: Any) -> str:
    """A paragraph's text: spans and links opened, `text:s` as its spaces,
    `text:tab` a tab, `text:line-break` a new line; notes and annotations left out."""
    out = [element.text or ""]
    for child in element:
        tag = local_name(child)
        if tag == "s":
            out.append(" " * int(child.get(f"{{{_TEXT}}}c", "1")))
        elif tag == "tab":
            out.append("\t")
        elif tag == "line-break":
            out.append("\n")
        elif tag not in ("note", "annotation", "bookmark", "bookmark-start", "bookmark-end", "soft-page-break"):
            out.append(_inline(child))
        out.append(child.tail or "")
    return "".join(out)


def _rows(table: Any) -> list[list[Any]]:
    """The table's rows (header rows and row groups opened), each a list of its cells."""
    return table_rows(
        table,
        local_name,
        "table-row",
        ("table-cell", "covered-table-cell"),
        ("table-header-rows", "table-rows", "table-row-group"),
    )
