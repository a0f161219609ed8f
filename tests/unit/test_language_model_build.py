"""The build step's số hiệu shapes for Tesseract's `--user-patterns`."""

from __future__ import annotations

import pytest

from extractors.legal_refs.patterns import NUMBER_SYMBOL_RE
from extractors.text.data.build_language_model import symbol_pattern


@pytest.mark.parametrize(
    ("cited", "shape"),
    [
        ("76/NQ-CP", r"\d\*/NQ-CP"),
        ("118/2014/NĐ-CP", r"\d\*/\d\d\d\d/NĐ-CP"),
        ("24-NQ/TW", r"\d\*-NQ/TW"),
        ("81/2023/QH15", r"\d\*/\d\d\d\d/QH\d\*"),
        # OCR's spaces and the look-alike Ð go: the shape is what a clean print shows
        ("182 /KH-UBND", r"\d\*/KH-UBND"),
        ("1756/QÐ- TTg", r"\d\*/QĐ-TTg"),
    ],
)
def test_a_cited_number_gives_its_shape(cited, shape):
    assert symbol_pattern(NUMBER_SYMBOL_RE.search(cited)) == shape
