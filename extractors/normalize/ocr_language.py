"""The language repairs of an OCR'd page, in the order they must run.

Marks inside a word go first (`chủ. trì` → `chủ trì`), so the tone model
sees each syllable beside its real neighbour; then words read as capitals
(`Nghị định sỐ`), so a re-toned word takes its right case; the units of a list
(`các xã, phương`) last, as the tone model reads no context across a comma.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractors.normalize.ocr_case import lower_misread_capitals
from extractors.normalize.ocr_marks import drop_marks_inside_words
from extractors.normalize.ocr_tones import repair_tones, repair_unit_lists


@dataclass(frozen=True)
class RepairedText:
    text: str
    unmarked: int  # speck marks taken out from inside a word or clause
    retoned: int  # syllables whose tone mark was put right
    recased: int = 0  # lower-case words OCR read as capitals, lowered


def repair_ocr_text(text: str) -> RepairedText:
    """`text` as OCR read it, with what Vietnamese rules out put right."""
    unmarked_text, unmarked = drop_marks_inside_words(text)
    recased_text, recased = lower_misread_capitals(unmarked_text)
    retoned_text, retoned = repair_tones(recased_text)
    repaired, listed = repair_unit_lists(retoned_text)
    return RepairedText(repaired, unmarked, retoned + listed, recased)
