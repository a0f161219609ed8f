"""The same plan spelt another way gives the same facts.

Offices write the same dates, references, figures and agencies in several
spellings: `ngày 31/12/2023` or `ngày 31 tháng 12 năm 2023` or `31-12-2023`,
`Quyết định số 68/QĐ-TTg` or `Quyết định 68/QĐ-TTg`, `95%` or `95 %`, the old
tone-mark placement (`hoà`, `thuỷ`), decomposed Unicode (NFD, as macOS writes
files), Windows line ends with a byte-order mark, no-break spaces, and agency
names abbreviated (`Sở KH&ĐT`, `UBND`, `Bộ CHQS tỉnh`), and Markdown with the HTML
converters leave in it (`&nbsp;`, `<br>`), a tab after each list label (Word's
plain-text export) and bullets in a symbol font's Latin-1 codes. Each spelling of each
sample must score against the sample's answer key as the sample does, and the
abbreviated agencies must come out as the same leads and partners.
"""

from __future__ import annotations

import unicodedata

import pytest
import regex

from extractors.text.labels import roman_value
from pipeline.orchestrate.process import process_file
from tests.samples import SAMPLES, gold_scores, text_sample, truth_file, truth_text, varied_samples

TOLERANCE = 0.005

SPELLINGS = {
    "dates in words": lambda t: regex.sub(r"ngày (\d{1,2})/(\d{1,2})/(\d{4})", r"ngày \1 tháng \2 năm \3", t),
    "dates in figures": lambda t: regex.sub(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", r"ngày \1/\2/\3", t),
    "dates with dashes": lambda t: regex.sub(r"(\d{1,2})/(\d{1,2})/(\d{4})", r"\1-\2-\3", t),
    "references without số": lambda t: regex.sub(
        r"(Quyết định|Nghị quyết|Kế hoạch|Chỉ thị|Thông tư|Nghị định|Kết luận) số (\d)", r"\1 \2", t
    ),
    "space before %": lambda t: regex.sub(r"(\d)%", r"\1 %", t),
    "old tone marks": lambda t: regex.sub(
        r"(?i)(?<!q)([òóỏõọ][ae]|[ùúủũụ]y)", lambda m: unicodedata.normalize("NFC", _old_mark(m[0])), t
    ),
    "NFD": lambda t: unicodedata.normalize("NFD", t),
    "CRLF and BOM": lambda t: "\ufeff" + t.replace("\n", "\r\n"),
    "no-break spaces": lambda t: t.replace(" ", "\u00a0", 300),
    # Word's plain-text export: a tab after every list label
    "a tab after each label": lambda t: regex.sub(
        r"(?m)^([ \t]*(?:[IVX]+\.|\d{1,2}(?:\.\d{1,2})*\.|[a-zđ]\)|[-+]))[ ]+", r"\1\t", t
    ),
    # a PDF whose symbol-font bullets come out as Latin-1 (`Ø` ➢, `§` ▪) or Courier's `o`
    "symbol-font bullets": lambda t: regex.sub(r"(?m)^([ \t]*)\+ ", r"\1o ", regex.sub(r"(?m)^([ \t]*)- ", r"\1Ø ", t)),
}


def _old_mark(pair: str) -> str:
    """`òa` is written `oà` in the old placement: the mark moves to the second vowel."""
    base = unicodedata.normalize("NFD", pair)
    marks = "".join(c for c in base if unicodedata.combining(c))
    letters = "".join(c for c in base if not unicodedata.combining(c))
    return letters + marks


def _scores(path, name: str) -> dict[str, float]:
    return gold_scores(path, name)[0]


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> dict[str, dict[str, float]]:
    folder = tmp_path_factory.mktemp("plain")
    return {name: _scores(truth_file(name, folder), name) for name in SAMPLES}


@pytest.mark.parametrize("spelling", list(SPELLINGS))
def test_a_plan_spelt_another_way_scores_as_the_plan(spelling, plain, tmp_path):
    for name, varied in varied_samples(SPELLINGS[spelling]):
        got = _scores(truth_file(name, tmp_path, varied), name)
        low = {t: (plain[name][t], got[t]) for t in got if got[t] < plain[name][t] - TOLERANCE}
        assert not low, (name, low)


#: Abbreviations offices use for the agencies the samples name (the body only:
#: the header's issuer has its own test).
ABBREVIATED = [
    ("Sở Kế hoạch và Đầu tư", "Sở KH&ĐT"),
    ("Sở Tài nguyên và Môi trường", "Sở TN&MT"),
    ("Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT"),
    ("Sở Giao thông vận tải", "Sở GTVT"),
    ("Sở Lao động - Thương binh và Xã hội", "Sở LĐ-TB&XH"),
    ("Sở Văn hóa, Thể thao và Du lịch", "Sở VH-TT&DL"),
    ("Sở Thông tin và Truyền thông", "Sở TT&TT"),
    ("Sở Khoa học và Công nghệ", "Sở KH&CN"),
    ("Sở Giáo dục và Đào tạo", "Sở GD&ĐT"),
    ("Bộ Chỉ huy Quân sự tỉnh", "Bộ CHQS tỉnh"),
    ("Ủy ban nhân dân", "UBND"),
]


def _agencies(path) -> list[tuple[list[str], list[str]]]:
    return [(t.lead, t.partners) for t in process_file(path, ocr=False).tables["tasks"]]


@pytest.mark.parametrize("name", SAMPLES)
def test_agencies_abbreviated_give_the_same_leads_and_partners(name, tmp_path):
    text = truth_text(name)
    head, signed, body = text.partition("\nKẾ HOẠCH\n") if "\nKẾ HOẠCH\n" in text else ("", "", text)
    for full, short in ABBREVIATED:
        body = body.replace(full, short)
    varied = head + signed + body
    assert varied != text
    (tmp_path / "plain").mkdir()
    assert _agencies(truth_file(name, tmp_path, varied)) == _agencies(truth_file(name, tmp_path / "plain"))


#: What HTML-minded converters leave in Markdown: entities and break tags.
MARKDOWN_HTML = {
    "&nbsp;": lambda t: t.replace(" ", "&nbsp;", 50),
    "<br>": lambda t: t.replace("  \n", "<br>"),
    "<br/>": lambda t: t.replace("  \n", "<br/>"),
}


@pytest.mark.parametrize("markup", list(MARKDOWN_HTML))
def test_markdown_with_html_entities_and_breaks_scores_as_the_markdown(markup, tmp_path):
    name = "kiengiang-2020-kh182"
    source = text_sample(name)
    assert source.suffix == ".md"
    text = source.read_text(encoding="utf-8")
    varied = MARKDOWN_HTML[markup](text)
    assert varied != text
    path = tmp_path / source.name
    path.write_text(varied, encoding="utf-8")
    want = _scores(source, name)
    got = _scores(path, name)
    assert not {t: (want[t], got[t]) for t in got if got[t] < want[t] - TOLERANCE}


_ROMAN_HEAD = r"(?m)^([ \t]*)(?P<roman>[IVX]+)\.\s+(?=\p{Lu}{2})"
#: Other ways offices mark the plan's parts: no numeral (`NHIỆM VỤ VÀ GIẢI PHÁP` alone:
#: the block is named by its kind), or capital letters (`A. MỤC ĐÍCH, YÊU CẦU`).
TOP_HEADINGS = {
    "no numerals": (lambda t: regex.sub(_ROMAN_HEAD, r"\1", t), lambda s: s.section_id.split("#")[0] == s.kind),
    "capital letters": (
        lambda t: regex.sub(_ROMAN_HEAD, lambda m: m[1] + "ABCDEFGH"[roman_value(m["roman"]) - 1] + ". ", t),
        lambda s: s.section_id == s.label and s.label in tuple("ABCDEFGH") and s.kind != "other",
    ),
}


@pytest.mark.parametrize("marking", TOP_HEADINGS)
def test_top_headings_marked_another_way(marking, plain, tmp_path):
    """Everything in the parts reads as before (section ids change with the labels: not compared)."""
    transform, top_ok = TOP_HEADINGS[marking]
    for name, varied in varied_samples(transform):
        got, _ = gold_scores(truth_file(name, tmp_path, varied), name)
        low = {t: (plain[name][t], got[t]) for t in ("documents", "legal_refs", "targets", "tasks")}
        assert all(g >= p - TOLERANCE for p, g in low.values()), (name, low)
        sections = process_file(truth_file(name, tmp_path, varied), ocr=False).tables["sections"]
        tops = [
            s for s in sections if s.level == 1 and s.kind not in ("preamble", "chu_ky", "noi_nhan", "phu_luc", "dieu")
        ]
        assert tops and all(top_ok(s) for s in tops), [(s.section_id, s.kind) for s in tops]
