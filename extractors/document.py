"""The parsed document that extractors read: normalised text plus its section tree."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from schemas import Section


@dataclass
class ParsedDoc:
    """Normalised text, its sections and (for PDFs) where each page starts.

    `page_starts[i]` is the offset in `text` of the first character of page
    i+1; it is empty for text inputs.
    """

    text: str
    sections: list = field(default_factory=list)  # list[schemas.Section], document order
    page_starts: list[int] = field(default_factory=list)
    #: Pages (1-based) whose text OCR read: their figures may carry OCR's marks.
    ocr_pages: frozenset[int] = frozenset()

    def __post_init__(self):
        self._index()

    def _index(self):
        self._starts = [s.char_start for s in self.sections]
        self._by_id = {s.section_id: s for s in self.sections}

    def set_sections(self, sections: list) -> None:
        self.sections = sections
        self._index()

    def section_at(self, offset: int) -> Section | None:
        """The innermost section whose span contains `offset`."""
        best = None
        i = bisect.bisect_right(self._starts, offset)
        # Sections are in document order and nested spans start at or after
        # their parent, so the innermost container is the last one starting
        # before `offset` that still covers it.
        for s in reversed(self.sections[:i]):
            if s.char_start <= offset < s.char_end:
                if best is None or s.level > best.level:
                    best = s
                if s.level == 1:
                    break
        return best

    def section_id_at(self, offset: int) -> str | None:
        s = self.section_at(offset)
        return s.section_id if s else None

    def ocr_at(self, offset: int) -> bool:
        """Whether the text at `offset` was read by OCR."""
        return bool(self.ocr_pages) and self.page_at(offset) in self.ocr_pages

    def page_at(self, offset: int) -> int | None:
        if not self.page_starts:
            return None
        return max(1, bisect.bisect_right(self.page_starts, offset))

    def ancestors(self, section: Section) -> list[Section]:
        """`section` and its parents, innermost first."""
        by_id = self._by_id
        out: list[Section] = []
        current: Section | None = section
        while current is not None:
            out.append(current)
            current = by_id.get(current.parent_id) if current.parent_id else None
        return out
