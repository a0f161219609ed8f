"""Web pages that carry a document: Word's "Web Page" and "Single File Web Page"
(MHTML) saves, often published under a `.doc` name, and a portal's page of a
document's full text saved from the browser.

Read with lxml's HTML parser, as the ODT reader reads its XML: each block
(`p`, `div`, `h1`…, `li`) one line, `br` a new line, spaces collapsed as a
browser collapses them; tables as tab-separated rows — or, when a borderless
table of a few columns holds a header or signature block, column by column, as
the DOCX reader does. A cell spanning several columns is written once and its
other columns left empty; one spanning several rows repeats its text in each.
Word writes its list labels into the text (`1.`, `a)`); the labels of a page's
own `ol`/`ul` lists are written out.

A page without a document (an error or login page) is refused as before
(`sniff.what_else`); this reader takes pages a document was saved as.
"""

from __future__ import annotations

import email
import email.policy
import html as html_lib
import re
import unicodedata
from pathlib import Path
from typing import Any

from pipeline.errors import CorruptFileError, EmptyFileError
from pipeline.ingest.office import format_number, grid_lines, is_block_text, table_rows
from pipeline.models import RawDocument

#: Elements that start and end a line.
_BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li dt dd pre blockquote center address section article header footer main "
    "nav aside figure figcaption form fieldset legend caption".split()
)
#: Elements whose text is no part of the document: a page's head and code, and a
#: portal's own furniture round the document (menus, breadcrumbs, footer).
_SKIP = frozenset("head script style noscript template title object iframe svg button select input nav aside".split())
#: The page's own header and footer; inside an `article` or `main` they are the document's
#: (its title, its signature), kept.
_PAGE_ENDS = frozenset({"header", "footer"})
_CONTENT = frozenset({"article", "main"})
#: `class` or `id` words of a portal's furniture that HTML5 does not tag.
_FURNITURE = re.compile(r"(?<![\w-])(?:menu|navbar|nav|breadcrumbs?|footer|sidebar)(?![\w])", re.I)
#: `charset=…` in a page's meta tag or an XML declaration.
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([\w.:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
#: Marks of a page Word saved (the documents a portal publishes under `.doc`).
WORD_HTML = re.compile(rb"urn:schemas-microsoft-com:office:word|<meta[^>]+Microsoft Word", re.I)
#: MHTML: a MIME message whose parts are a page and its pictures.
_MHTML = re.compile(rb"^\s*(?:[\w-]+:[^\n]*\n)*?content-type:\s*multipart/related", re.I)
#: A `border` declaration that draws a line (`border:solid windowtext 1.0pt`, `border: 1px solid`).
_RULED_STYLE = re.compile(
    r"border(?:-(?:top|bottom|left|right))?\s*:\s*(?!none)[^;]*(?:solid|double|dotted|dashed|\d)", re.I
)
#: List types of an `ol` (`type="a"`), as Word names its number formats.
_OL_TYPES = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}


#: A page's start: an XML declaration and comments may come before the HTML.
_PAGE_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])",
    re.I | re.S,
)


def is_mhtml(data: bytes) -> bool:
    return bool(_MHTML.match(data[:4096]))


def is_html(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Word saves a page as UTF-16 when asked for "Unicode": look at its characters, not its bytes
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    return bool(_PAGE_START.match(head))


#: Tags, and the text of scripts and styles, for a quick look at a page's words.
_MARKUP = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.I | re.S)


def carries_document(data: bytes) -> bool:
    """A page Word saved, an MHTML archive, or a page whose words hold a document's header or signature block."""
    if is_mhtml(data) or WORD_HTML.search(data[:65536]):
        return True
    words = _MARKUP.sub("\n", unicodedata.normalize("NFC", _decoded(data, None)))
    return is_block_text(html_lib.unescape(words))


def read_html(path: Path, data: bytes, ocr: bool = True) -> RawDocument:
    """A page of HTML (or an MHTML archive of one) as one page of lines, as `read_docx` gives a DOCX."""
    import lxml.html
    from lxml import etree

    page, charset = _mhtml_page(data) if is_mhtml(data) else (data, None)
    # Windows-1258 writes tone marks as combining characters: composed, the block words read as any text's.
    text = unicodedata.normalize("NFC", _decoded(page, charset))
    text = _XML_DECLARATION.sub("", text, count=1)  # lxml takes no declared encoding in decoded text
    try:
        root = lxml.html.document_fromstring(text) if text.strip() else None
    except (etree.ParserError, ValueError) as exc:
        raise CorruptFileError(f"the web page could not be parsed ({exc}); save the document as DOCX or PDF") from exc
    body = root.find("body") if root is not None else None
    lines = _Reader().lines(body if body is not None else root) if root is not None else []
    out = "\n".join(line for line in lines if line.strip())
    if not out.strip():
        raise EmptyFileError("the web page contains no text")
    return RawDocument(source_format="html", pages=[out], paged=False, paragraphs=True)


def _mhtml_page(data: bytes) -> tuple[bytes, str | None]:
    """The HTML part of an MHTML archive (`Content-Transfer-Encoding` undone) and its charset."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return payload, part.get_content_charset()
    raise CorruptFileError("the MHTML archive holds no HTML page; open it in a browser and save the document as PDF")


def _decoded(data: bytes, charset: str | None) -> str:
    """The page's text: its BOM, its declared charset (Word writes `windows-1258` for Vietnamese), else UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    declared = charset or ((m := _CHARSET.search(data[:4096])) and m.group(1).decode("ascii"))
    for encoding in (declared, "utf-8"):
        if not encoding:
            continue
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1258", errors="replace")


def _tag(element: Any) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _hidden(element: Any) -> bool:
    """Not shown, or the site's furniture rather than the document."""
    style = (element.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or element.get("hidden") is not None or element.get("role") == "navigation":
        return True
    return bool(_FURNITURE.search(f"{element.get('class') or ''} {element.get('id') or ''}"))


class _Reader:
    def __init__(self) -> None:
        self.out: list[str] = []
        self.line: list[str] = []

    def lines(self, element: Any) -> list[str]:
        self.visit(element, pre=False)
        self.flush()
        return self.out

    def flush(self) -> None:
        text = "".join(self.line)
        self.line = []
        for part in text.split("\n"):
            part = " ".join(part.replace("\t", " ").split())
            if part:
                self.out.append(part)

    def text(self, s: str | None, pre: bool) -> None:
        if s:
            self.line.append(s if pre else re.sub(r"\s+", " ", s))

    def visit(self, element: Any, pre: bool) -> None:
        tag = _tag(element)
        if not tag or tag in _SKIP or _hidden(element):
            return  # a comment's text is no text (its tail is, read by the parent)
        if tag in _PAGE_ENDS and not any(_tag(a) in _CONTENT for a in element.iterancestors()):
            return
        if tag == "table":
            self.flush()
            self.out += self.table_lines(element)
            return
        if tag in ("ol", "ul"):
            self.flush()
            self.list_items(element, tag, pre)
            return
        block = tag in _BLOCKS
        if block:
            self.flush()
        if tag == "br":
            self.line.append("\n")
        self.contents(element, pre or tag == "pre")
        if block:
            self.flush()

    def contents(self, element: Any, pre: bool) -> None:
        """An element's own text and its children, each with the text after it."""
        self.text(element.text, pre)
        for child in element:
            self.visit(child, pre)
            self.text(child.tail, pre)  # comments' tails too: Word's `<![if …]>` wraps list labels

    def list_items(self, lst: Any, tag: str, pre: bool) -> None:
        fmt = _OL_TYPES.get(lst.get("type") or "1", "decimal")
        try:
            n = int(lst.get("start") or 1)
        except ValueError:
            n = 1
        for item in lst:
            if _tag(item) != "li":
                self.visit(item, pre)
                continue
            if item.get("value", "").isdigit():
                n = int(item.get("value"))
            self.flush()
            self.line.append(f"{format_number(n, fmt)}. " if tag == "ol" else "- ")
            self.contents(item, pre)
            self.flush()
            n += 1

    def cell_lines(self, cell: Any) -> list[str]:
        reader = _Reader()
        reader.contents(cell, False)
        reader.flush()
        return reader.out

    def table_lines(self, table: Any) -> list[str]:
        rows = _rows(table)
        grid: list[list[list[str]]] = []
        spans: dict[int, tuple[int, list[str]]] = {}  # column → (rows still spanned, the cell's lines)
        ruled = _ruled(table)
        for row in rows:
            cells: list[list[str]] = []
            for cell in row:
                while len(cells) in spans:
                    cells.append(self._spanned(spans, len(cells)))
                lines = self.cell_lines(cell)
                ruled = ruled or _ruled(cell)
                rowspan, colspan = _span(cell, "rowspan"), _span(cell, "colspan")
                if rowspan > 1:
                    spans[len(cells)] = (rowspan - 1, lines)
                cells.append(lines)
                cells += [[] for _ in range(colspan - 1)]
            while len(cells) in spans:
                cells.append(self._spanned(spans, len(cells)))
            grid.append(cells)
        return grid_lines(grid, ruled)

    @staticmethod
    def _spanned(spans: dict[int, tuple[int, list[str]]], column: int) -> list[str]:
        left, lines = spans[column]
        if left <= 1:
            del spans[column]
        else:
            spans[column] = (left - 1, lines)
        return list(lines)


def _span(cell: Any, name: str) -> int:
    try:
        return max(1, min(int(cell.get(name) or 1), 100))
    except ValueError:
        return 1


def _ruled(element: Any) -> bool:
    border = (element.get("border") or "0").strip()
    return (border.isdigit() and int(border) > 0) or bool(_RULED_STYLE.search(element.get("style") or ""))


def _rows(table: Any) -> list[list[Any]]:
    """The table's own rows (`thead`, `tbody`, `tfoot` opened; nested tables left to their cells)."""
    return table_rows(table, _tag, "tr", ("td", "th"), ("thead", "tbody", "tfoot"))
