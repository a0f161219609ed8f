"""A list marked another way gives the same facts.

Word writes list items with a minus sign or a non-breaking hyphen as easily as
with `-`, PDFs exported from Word give Symbol and Wingdings bullets as
private-use codes, and publishers pick squares, arrowheads or circles. Each
sample's `-` items are rewritten with each glyph (one character for one, so
every span stays where it was) and every table must come out identical.
"""

from __future__ import annotations

from dataclasses import asdict

import pytest
import regex

from pipeline.orchestrate.process import process_file
from tests.samples import SAMPLES, text_sample, truth_file, truth_text

#: Hyphen, non-breaking hyphen, figure dash, hyphen bullet, minus, fullwidth
#: hyphen, en dash, em dash, horizontal bar; bullet, Symbol and Wingdings
#: bullets, small square, black circle, arrowhead.
GLYPHS = "\u2010\u2011\u2012\u2043\u2212\uff0d\u2013\u2014\u2015\u2022\uf0b7\uf0a7\u25aa\u25cf\u27a2"
_ITEM = regex.compile(r"(?m)^([ \t]*)-(?= \p{L})")  # an item, not a range wrapped before `- 45%`


#: The text keeps the glyph as read (`•`, `–` for the dashes), so text is compared with the marks made one.
_ONE_MARK = str.maketrans("•–", "--")
_DROP = {"doc_id", "source_path", "source_sha256", "processed_at", "plan_key"}


def _tables(path) -> dict[str, list[dict]]:
    def row(r) -> dict:
        return {k: v.translate(_ONE_MARK) if isinstance(v, str) else v for k, v in asdict(r).items() if k not in _DROP}

    return {t: [row(r) for r in rows] for t, rows in process_file(path, ocr=False).tables.items()}


@pytest.fixture(scope="module")
def plain() -> dict[str, dict]:
    return {name: _tables(text_sample(name)) for name in SAMPLES}


@pytest.mark.parametrize("name", SAMPLES)
def test_list_items_marked_with_any_dash_or_bullet_glyph_give_the_same_tables(name, plain, tmp_path):
    source = text_sample(name)
    text = source.read_text(encoding="utf-8")
    assert len(_ITEM.findall(text)) >= 5  # the sample has `-` items to rewrite
    for glyph in GLYPHS:
        path = tmp_path / f"{ord(glyph):04x}{source.suffix}"
        path.write_text(_ITEM.sub(lambda m, g=glyph: m.group(1) + g, text), encoding="utf-8")
        got = _tables(path)
        for table, rows in plain[name].items():
            assert got[table] == rows, f"U+{ord(glyph):04X}: {table} differs"


#: Labels with a slash, as some offices write every one: `1/ Mục đích`, `1/. …`, `II/ NHIỆM VỤ`;
#: with a dash, as the Party's documents and older plans do: `1- Mục đích`, `a- …`, `II- NHIỆM VỤ`.
SLASHED = {
    "number/": (regex.compile(r"(?m)^(\d{1,2})\. (?=\p{Lu})"), r"\1/ "),
    "number/.": (regex.compile(r"(?m)^(\d{1,2})\. (?=\p{Lu})"), r"\1/. "),
    "roman/": (regex.compile(r"(?m)^([IVX]+)\. (?=\p{Lu})"), r"\1/ "),
    "number-": (regex.compile(r"(?m)^(\d{1,2})\. (?=\p{Lu})"), r"\1- "),
    "letter-": (regex.compile(r"(?m)^([a-zđ])\) "), r"\1- "),
    "roman-": (regex.compile(r"(?m)^([IVX]+)\. (?=\p{Lu})"), r"\1- "),
}
#: A slash label moves what follows it (`1/.` is one character longer) and stays in the text.
_PLACED = {"char_start", "char_end", "text"}


@pytest.fixture(scope="module")
def truth_tables(tmp_path_factory) -> dict[str, dict]:
    """Each sample's exact text (one paragraph per line), as a text file."""
    folder = tmp_path_factory.mktemp("truth")
    return {name: _tables(truth_file(name, folder)) for name in SAMPLES}


@pytest.mark.parametrize("name", SAMPLES)
@pytest.mark.parametrize("style", list(SLASHED))
def test_labels_written_with_a_slash_or_dash_give_the_same_sections_and_facts(name, style, truth_tables, tmp_path):
    pattern, repl = SLASHED[style]
    text, n = pattern.subn(repl, truth_text(name))
    assert n >= 2
    got = _tables(truth_file(name, tmp_path, text))
    for table, rows in truth_tables[name].items():
        if table != "documents":
            want = [{k: v for k, v in r.items() if k not in _PLACED} for r in rows]
            assert [{k: v for k, v in r.items() if k not in _PLACED} for r in got[table]] == want, table


_SHORT_NUMBERED = regex.compile(r"(?m)^(\d{1,2}\. )([^\n]{3,60})(?<![.;:])$")


@pytest.mark.parametrize("name", ["kontum-2021-ctrhd-06nqcp", "kontum-2025-qd243-congbao"])
def test_numbered_headings_in_capitals_stay_numbered(name, truth_tables, tmp_path):
    """`1. MỤC TIÊU` then `2. …`: figures, not OCR's reading of `I.` (which took
    `1.` for a second `I` and hung the list under the wrong part)."""
    text, n = _SHORT_NUMBERED.subn(lambda m: m[1] + m[2].upper(), truth_text(name))
    assert n >= 1
    got = _tables(truth_file(name, tmp_path, text))
    placed = _PLACED | {"heading"}
    for table, rows in truth_tables[name].items():
        if table != "documents":
            want = [{k: v for k, v in r.items() if k not in placed} for r in rows]
            assert [{k: v for k, v in r.items() if k not in placed} for r in got[table]] == want, table


#: The Roman parts written as parts: `Phần I.`, `PHẦN I.`, `Chương I`.
PARTS = {"Phần": r"Phần \1. ", "PHẦN": r"PHẦN \1. ", "Chương": r"Chương \1 "}
_ROMAN_HEAD = regex.compile(r"(?m)^([IVX]+)\. (?=\p{Lu}{2})")


def _as_parts(rows: list[dict], word: str) -> list[dict]:
    """The rows of the plain text with its Roman parts named `<word> I`."""
    out = []
    for row in rows:
        row = dict(row)
        for key in ("section_id", "parent_id"):
            if row.get(key):
                row[key] = regex.sub(r"^([IVX]+)(?=/|#|$)", rf"{word} \1", row[key])
        if row.get("level") == 1 and regex.fullmatch(r"[IVX]+", row.get("label") or ""):
            row["label"] = f"{word} {row['label']}"
        out.append(row)
    return out


@pytest.mark.parametrize("name", SAMPLES)
@pytest.mark.parametrize("word", list(PARTS))
def test_parts_named_as_parts_give_the_same_tree_and_facts(name, word, truth_tables, tmp_path):
    text, n = _ROMAN_HEAD.subn(PARTS[word], truth_text(name))
    assert n >= 2
    got = _tables(truth_file(name, tmp_path, text))
    placed = _PLACED | {"heading"}
    label = word.capitalize()
    for table, rows in truth_tables[name].items():
        if table != "documents":
            want = [{k: v for k, v in r.items() if k not in placed} for r in _as_parts(rows, label)]
            assert [{k: v for k, v in r.items() if k not in placed} for r in got[table]] == want, table


_AGENCY_HEADING = regex.compile(r"(?m)^(\d+(?:\.\d+)*\. )((?:Sở|Ủy ban|Ban|Công an|Bộ Chỉ huy)[^\n:]{3,60})$")


def test_agency_headings_in_capitals_give_the_same_leads(truth_tables, tmp_path):
    """`2.1. SỞ TÀI CHÍNH` over its tasks: the same lead as `2.1. Sở Tài chính`
    (before: `SỞ Tài chính` on 60 tasks, and two headings' leads lost or cut)."""
    name = "kontum-2025-qd243-congbao"
    text, n = _AGENCY_HEADING.subn(lambda m: m[1] + m[2].upper(), truth_text(name))
    assert n >= 10
    got = _tables(truth_file(name, tmp_path, text))
    assert [(t["lead"], t["partners"]) for t in got["tasks"]] == [
        (t["lead"], t["partners"]) for t in truth_tables[name]["tasks"]
    ]
