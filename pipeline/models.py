"""What readers hand on: the text of each page and how it was read."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PageText:
    number: int  # 1-based
    text: str
    source: str  # "text" (PDF text layer) or "ocr"
    tables: list[list[list[str]]] = field(default_factory=list)
    confidence: float | None = None  # mean word confidence 0-100, OCR only


@dataclass
class PagedText:
    """The pages of a paged input (PDF or image file), in order."""

    pages: list[PageText]

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.pages)

    @property
    def n_pages(self) -> int:
        return len(self.pages)

    @property
    def ocr_pages(self) -> int:
        return sum(p.source == "ocr" for p in self.pages)


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
