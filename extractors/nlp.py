"""The extractors' results as spaCy objects, offline.

`make_nlp()` builds a `spacy.blank("xx")` pipeline (the multi-language
tokenizer splits punctuation and needs no pyvi or model download) with one
component, `vnplans`, which runs `extractors.analyse.analyse` on `doc.text`
and stores every record as a `Span` in a span group:

    doc.spans["sections"]    label = section kind (preamble, muc_tieu, ...)
    doc.spans["legal_refs"]  label = ref_type (nghi_quyet, quyet_dinh, ...)
    doc.spans["targets"]     label = unit ("%", "ha", ...) or, when the
                             target is dimensionless, its domain
    doc.spans["deadlines"]   label = deadline kind (year, period, ...)
    doc.spans["tasks"]       label = "task"

Each span carries its record (the `schemas` dataclass) as `span._.record`,
and `doc._.facts` holds the document metadata (`DocumentFacts`). Spans are
aligned with `alignment_mode="expand"`, so a span may be a little wider than
the record's characters (whole tokens), never narrower; records that cannot
be aligned at all (e.g. only whitespace) are left out of the span groups.

In a notebook::

    import spacy
    from extractors.nlp import to_doc

    doc = to_doc(text)                      # text: normalised document text
    [(s.text, s._.record.value) for s in doc.spans["targets"]]
    doc._.facts.doc_kind, doc._.facts.implements
    spacy.displacy.render(doc, style="span", options={"spans_key": "legal_refs"})
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from extractors.analyse import analyse

SPAN_KEYS = ("sections", "legal_refs", "targets", "deadlines", "tasks")

if not Span.has_extension("record"):
    Span.set_extension("record", default=None)
if not Doc.has_extension("facts"):
    Doc.set_extension("facts", default=None)


def _label(key: str, record) -> str:
    if key == "sections":
        return getattr(record, "kind", None) or "other"
    if key == "legal_refs":
        return getattr(record, "ref_type", None) or "other"
    if key == "targets":
        return getattr(record, "unit", None) or getattr(record, "domain", None) or "target"
    if key == "deadlines":
        return getattr(record, "kind", None) or "deadline"
    return "task"


def _spans(doc: Doc, key: str, records) -> list[Span]:
    spans = []
    n = len(doc.text)
    for rec in records or ():
        start, end = getattr(rec, "char_start", None), getattr(rec, "char_end", None)
        if start is None or end is None or not (0 <= start < end <= n):
            continue
        try:
            span = doc.char_span(start, end, label=_label(key, rec), alignment_mode="expand")
        except Exception:  # a label or offset spaCy refuses: skip the record
            span = None
        if span is None or not span.text.strip():  # nothing or only whitespace tokens
            continue
        span._.record = rec
        spans.append(span)
    return spans


@Language.component("vnplans")
def vnplans_component(doc: Doc) -> Doc:
    """Run all extractors on `doc.text` and store the results as span groups."""
    result = analyse(doc.text)
    doc._.facts = result.facts
    for key in SPAN_KEYS:
        doc.spans[key] = _spans(doc, key, getattr(result, key, None))
    return doc


def make_nlp() -> Language:
    """A blank multi-language pipeline with the `vnplans` component."""
    nlp = spacy.blank("xx")
    nlp.max_length = max(nlp.max_length, 10_000_000)  # tokenizer only: long plans are fine
    nlp.add_pipe("vnplans")
    return nlp


@lru_cache(maxsize=1)
def _nlp() -> Language:
    return make_nlp()


def to_doc(text: str) -> Doc:
    """`text` (normalised) → a `Doc` with the extractors' span groups and facts."""
    return _nlp()(text)
