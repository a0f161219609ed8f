"""extractors.nlp: the extractors' records as spaCy span groups, offline."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy import displacy
from spacy.tokens import Doc

from extractors.analyse import analyse
from extractors.nlp import SPAN_KEYS, make_nlp, to_doc
from tests.samples import truth_text

FULL = truth_text("kontum-2021-ctrhd-06nqcp")
HEAD = FULL[:3000]
# The list label matters: an unlabeled first line is the preamble, where the
# target extractor (by design) finds no targets.
TARGET = (
    "4. Đến năm 2025, phấn đấu đạt một số mục tiêu cụ thể sau:\n"
    "a) Về bảo vệ môi trường\n"
    "- Nâng độ che phủ rừng đạt 64%."
)


@pytest.fixture(scope="module")
def head_doc() -> Doc:
    return to_doc(HEAD)


@pytest.fixture(scope="module")
def full_doc() -> Doc:
    return to_doc(FULL)


def _covers(span, rec) -> bool:
    # A spaCy span cannot start or end on whitespace, so compare with the record's
    # span trimmed of it (a section's span may end in a blank).
    text = span.doc.text
    s, e = rec.char_start, rec.char_end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return span.start_char <= s and span.end_char >= e


def test_make_nlp_is_blank_xx_with_one_component():
    nlp = make_nlp()
    assert nlp.lang == "xx"
    assert nlp.pipe_names == ["vnplans"]
    toks = [t.text for t in nlp.make_doc("đạt 64%; xong.")]
    assert "64" in toks and ";" in toks and "." in toks  # punctuation is split


def test_to_doc_reuses_one_pipeline():
    assert to_doc("a").vocab is to_doc("b").vocab


def test_span_groups_present_and_match_analyse(full_doc):
    assert set(SPAN_KEYS) <= set(full_doc.spans.keys())
    a = analyse(FULL)
    for key in SPAN_KEYS:
        records = getattr(a, key)
        assert records, key
        spans = full_doc.spans[key]
        assert len(spans) == len(records), key  # all align on real text
        for span in spans:
            rec = span._.record
            assert rec is not None
            assert _covers(span, rec), (key, span.text, rec)
            assert FULL[rec.char_start : rec.char_end] in span.text


def test_labels(full_doc):
    for s in full_doc.spans["sections"]:
        assert s.label_ == s._.record.kind
    for s in full_doc.spans["legal_refs"]:
        assert s.label_ == s._.record.ref_type
    for s in full_doc.spans["targets"]:
        r = s._.record
        assert s.label_ == (r.unit or r.domain)
    for s in full_doc.spans["deadlines"]:
        assert s.label_ == s._.record.kind
    assert {s.label_ for s in full_doc.spans["tasks"]} == {"task"}
    assert full_doc.spans["sections"][0].label_ == "preamble"


def test_legal_ref_key(head_doc):
    refs = head_doc.spans["legal_refs"]
    first = refs[0]
    assert first.text.startswith("Nghị quyết số 06/NQ-CP")
    assert first.label_ == "nghi_quyet"
    assert first._.record.ref_key == "6/NQ-CP"
    keys = {s._.record.ref_key for s in refs}
    assert {"6/NQ-CP", "24/NQ-TW", "56/KL-TW"} <= keys


def test_facts(head_doc):
    facts = head_doc._.facts
    assert facts is not None
    assert facts.doc_kind == "chuong_trinh_hanh_dong"
    assert facts.province == "Kon Tum"
    assert facts.horizon_year == 2025
    assert "6/NQ-CP" in facts.implements


def test_target_sentence():
    doc = to_doc(TARGET)
    got = [(s.text, s.label_, s._.record.value) for s in doc.spans["targets"]]
    assert len(got) == 1, got
    text, label, value = got[0]
    assert "64%" in text and label == "%" and value == 64.0
    rec = doc.spans["targets"][0]._.record
    assert rec.target_year == 2025
    assert rec.domain == "environment"


def test_head_targets_values(head_doc):
    values = [s._.record.value for s in head_doc.spans["targets"]]
    assert values[:3] == [30.0, 7.3, 5.0]
    assert "7,3%" in head_doc.spans["targets"][1].text


def test_deadlines_and_tasks(full_doc):
    kinds = {s.label_ for s in full_doc.spans["deadlines"]}
    assert "period" in kinds
    assert any(s.text == "giai đoạn 2021 - 2025" for s in full_doc.spans["deadlines"])
    task = full_doc.spans["tasks"][0]
    assert task._.record.task_id == "T001"
    assert task.text.startswith("Tiếp tục thực hiện tuyên truyền")


def test_empty_text():
    doc = to_doc("")
    assert len(doc) == 0
    assert doc._.facts is not None
    for key in SPAN_KEYS:
        assert list(doc.spans[key]) == []


def test_unalignable_records_skipped(monkeypatch):
    import extractors.nlp as nlp_mod
    from schemas import Target

    real = nlp_mod.analyse

    def fake(text):
        a = real(text)
        a.targets = [
            Target(char_start=5, char_end=6, value=1.0, unit="%"),  # whitespace only
            Target(char_start=None, char_end=None, value=2.0, unit="%"),
            Target(char_start=0, char_end=10_000, value=3.0, unit="%"),  # out of range
            Target(char_start=0, char_end=4, value=4.0, unit=""),  # no unit, no domain
        ]
        return a

    monkeypatch.setattr(nlp_mod, "analyse", fake)
    doc = make_nlp()("Đạt      64%.")
    spans = doc.spans["targets"]
    assert [s._.record.value for s in spans] == [4.0]
    assert spans[0].text == "Đạt"


@settings(max_examples=50, deadline=None)
@given(st.text())
def test_arbitrary_unicode(text):
    doc = to_doc(text)
    assert doc.text == text
    for key in SPAN_KEYS:
        for s in doc.spans[key]:
            assert _covers(s, s._.record)


def _visible(html: str, label: str) -> str:
    """The rendered words in order, without tags and the span label displacy inserts."""
    words = re.sub(r"<[^>]*>", " ", html).split()
    return " ".join(w for w in words if w != label)


def test_displacy_span(head_doc):
    html = displacy.render(head_doc, style="span", options={"spans_key": "legal_refs"})
    assert isinstance(html, str)
    # displacy writes one element per token: compare the visible text, token by token
    ref = head_doc.spans["legal_refs"][0]
    visible = _visible(html, ref.label_)
    assert " ".join(t.text for t in ref) in visible  # Nghị quyết số 06 / NQ - CP ngày ...
    assert "nghi_quyet" in html


def test_displacy_span_short_sentence():
    doc = to_doc("Căn cứ Quyết định số 1055/QĐ-TTg ngày 20 tháng 7 năm 2020 của Thủ tướng Chính phủ.")
    ref = doc.spans["legal_refs"][0]
    assert ref.label_ == "quyet_dinh" and ref._.record.ref_key == "1055/QĐ-TTG"  # symbols are upper-cased
    html = displacy.render(doc, style="span", options={"spans_key": "legal_refs"})
    visible = _visible(html, ref.label_)
    assert "Quyết định số 1055 / QĐ - TTg" in visible
