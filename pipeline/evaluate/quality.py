"""Quality metrics of processed tables against answer keys (gold JSON).

The same pairing rules as the shared evaluation, so `make test` fails when a
table drops below its bar: per table precision/recall/F1 (optional gold items
count neither way) and, for `documents`, the share of correct fields.

    python -m pipeline.evaluate.quality data/processed tests/fixtures
"""

from __future__ import annotations

import json
import math
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from extractors.text.fold import normalize_tone_marks
from pipeline.store.parts import part_files, read_file

TABLES = ["documents", "sections", "legal_refs", "targets", "deadlines", "tasks"]


# ---------------------------------------------------------------- comparison keys


def norm(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    s = normalize_tone_marks(unicodedata.normalize("NFC", str(value))).lower()
    s = re.sub(r"[*_#`]+", " ", s)
    return re.sub(r"\s+", " ", s).strip(" .,;:")


def norm_agency(value) -> str:
    s = re.sub(r"\bubnd\b", "ủy ban nhân dân", norm(value))
    return re.sub(r"\bsở tn ?& ?mt\b|\bsở tnmt\b", "sở tài nguyên và môi trường", s)


def norm_key(value) -> str:
    k = norm(value)
    if k.startswith("luat:"):
        return k
    m = re.match(r"^0*(\d+)\s*[/-]\s*(.+)$", k)
    if not m:
        return k.upper()
    return f"{m.group(1)}/" + re.sub(r"[/\s]+", "-", m.group(2)).strip("-").upper()


def words(value) -> set[str]:
    return set(re.findall(r"\w+", norm(value)))


def jaccard(a, b) -> float:
    ta, tb = words(a), words(b)
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


def covered(gold, pred) -> float:
    tg = words(gold)
    return len(tg & words(pred)) / len(tg) if tg else 0.0


def is_null(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


def equal(a, b) -> bool:
    if is_null(a) or is_null(b):
        return is_null(a) and is_null(b)
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= 1e-6 * max(1.0, abs(a))
    return norm(a) == norm(b)


def unit_family(u) -> str:
    u = norm(u).replace(" ", "").replace("ỹ", "ĩ").replace("phầntrăm", "%")
    return u.split("/", 1)[0]


def agency_set_f1(gold, pred) -> float:
    """F1 of two agency lists compared as sets of normalised names."""
    g, p = {norm_agency(x) for x in gold or []}, {norm_agency(x) for x in pred or []}
    if not g and not p:
        return 1.0
    return 2 * len(g & p) / (len(g) + len(p))


def text_ratio(a, b) -> float:
    return SequenceMatcher(None, norm(a), norm(b)).ratio()


# ---------------------------------------------------------------- counting


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def f1(self) -> float:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else (0.0 if self.fn else 1.0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0


def match(golds: list, preds: list, pair) -> list[tuple[int, int]]:
    """Greedy best-first one-to-one pairing; `pair` returns a score or None."""
    cands = sorted(
        ((s, gi, pi) for gi, g in enumerate(golds) for pi, p in enumerate(preds) if (s := pair(g, p)) is not None),
        key=lambda c: -c[0],
    )
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def count(golds: list, preds: list, pairs) -> Score:
    mg = {g for g, _ in pairs}
    return Score(
        tp=sum(1 for g, _ in pairs if not golds[g].get("optional")),
        fp=len(preds) - len(pairs),
        fn=sum(1 for i, g in enumerate(golds) if i not in mg and not g.get("optional")),
    )


# ---------------------------------------------------------------- per table


def documents_accuracy(gold: dict, doc: dict) -> float:
    checks = []
    for f, gv in gold.items():
        if f == "optional":
            continue
        pv = doc.get(f)
        if f == "implements":
            gs, ps = {norm_key(x) for x in gv or []}, {norm_key(x) for x in pv or []}
            ok = (not gs and not ps) or (bool(gs | ps) and 2 * len(gs & ps) / (len(gs) + len(ps)) >= 0.8)
        elif f == "doc_number":
            ok = (is_null(gv) and is_null(pv)) or (not is_null(gv) and not is_null(pv) and norm_key(gv) == norm_key(pv))
        elif f in ("issuer", "title"):
            ok = (is_null(gv) and is_null(pv)) or (not is_null(gv) and not is_null(pv) and jaccard(gv, pv) >= 0.8)
        else:
            ok = equal(gv, pv.isoformat() if pv is not None and hasattr(pv, "isoformat") else pv)
        checks.append(ok)
    return sum(checks) / len(checks) if checks else 1.0


def sections_score(golds, preds) -> Score:
    return count(
        golds, preds, match(golds, preds, lambda g, p: 1.0 if norm(g["section_id"]) == norm(p["section_id"]) else None)
    )


def legal_refs_score(golds, preds, own_key: str) -> Score:
    by_key: dict[str, dict] = {}
    for p in preds:
        k = norm_key(p.get("ref_key"))
        if k and k != own_key:
            by_key.setdefault(k, p)
    golds = [g for g in golds if norm_key(g["ref_key"]) != own_key]
    plist = list(by_key.values())
    return count(
        golds,
        plist,
        match(golds, plist, lambda g, p: 1.0 if norm_key(g["ref_key"]) == norm_key(p["ref_key"]) else None),
    )


def targets_score(golds, preds) -> Score:
    def pair(g, p):
        if not equal(float(g["value"]), p.get("value")) or not equal(g.get("value_high"), p.get("value_high")):
            return None
        if unit_family(g.get("unit")) != unit_family(p.get("unit")):
            return None
        s = max(
            jaccard(g.get("indicator"), p.get("indicator")),
            covered(g.get("indicator"), p.get("text")),
            covered(g.get("indicator"), p.get("indicator")),
        )
        return s if s >= 0.3 else None

    return count(golds, preds, match(golds, preds, pair))


def deadlines_score(golds, preds) -> Score:
    def key(d):
        return (
            norm(d.get("start")),
            norm(d.get("end")),
            norm(d.get("recurrence")),
            norm(d.get("recur_on")),
            bool(d.get("ongoing")),
        )

    return count(
        golds,
        preds,
        match(
            golds,
            preds,
            lambda g, p: (1.0 + (norm(g.get("section_id")) == norm(p.get("section_id")))) if key(g) == key(p) else None,
        ),
    )


def tasks_score(golds, preds) -> Score:
    def pair(g, p):
        gp = norm(g["text_prefix"])[:80]
        s = SequenceMatcher(None, gp, norm(p.get("text"))[: len(gp)]).ratio()
        return s if s >= 0.7 else None

    return count(golds, preds, match(golds, preds, pair))


# ---------------------------------------------------------------- whole folders


def read_rows(folder: Path, table: str) -> list[dict]:
    rows = []
    for f in part_files(folder / table):
        rows.extend(read_file(f, table).to_pylist())
    return rows


def variant_of(source_path: str, stem: str) -> str | None:
    name = Path(source_path).name
    if not name.startswith(stem + "."):
        return None
    return name[len(stem) + 1 :].rsplit(".", 1)[0]


def score_document(gold: dict, doc: dict, rows: dict[str, list[dict]]) -> dict[str, float]:
    """One document's rows (plain dicts per table) against its answer key: F1 per table and `overall`."""
    own = norm_key(gold["document"].get("doc_number") or "")
    res = {
        "documents": documents_accuracy(gold["document"], doc),
        "sections": sections_score(gold["sections"], rows["sections"]).f1,
        "legal_refs": legal_refs_score(gold["legal_refs"], rows["legal_refs"], own).f1,
        "targets": targets_score(gold["targets"], rows["targets"]).f1,
        "deadlines": deadlines_score(gold["deadlines"], rows["deadlines"]).f1,
        "tasks": tasks_score(gold["tasks"], rows["tasks"]).f1,
    }
    res["overall"] = sum(res.values()) / len(res)
    return res


def evaluate(processed: Path, gold_dir: Path) -> dict[str, dict[str, float]]:
    """`{"stem:variant": {table: f1, ..., "overall": mean}}` for every processed sample."""
    tables = {t: read_rows(Path(processed), t) for t in TABLES}
    out = {}
    for gpath in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        stem = gold.get("doc", gpath.stem)
        for doc in tables["documents"]:
            variant = variant_of(doc["source_path"], stem)
            if variant is None or variant.startswith("truth"):
                continue
            rows = defaultdict(list)
            for t in TABLES[1:]:
                rows[t] = [r for r in tables[t] if r["doc_id"] == doc["doc_id"]]
            res = score_document(gold, doc, rows)
            out[f"{stem}:{variant}"] = res
    return out


def main(argv=None) -> int:
    argv = argv if argv is not None else sys.argv[1:]
    processed, gold_dir = (
        Path(argv[0] if argv else "data/processed"),
        Path(argv[1] if len(argv) > 1 else "tests/fixtures"),
    )
    results = evaluate(processed, gold_dir)
    width = max((len(k) for k in results), default=10)
    print(f"{'document:variant':<{width}}  " + "  ".join(f"{t[:10]:>10}" for t in TABLES + ["overall"]))
    for k, r in results.items():
        print(f"{k:<{width}}  " + "  ".join(f"{r[t]:>10.3f}" for t in TABLES + ["overall"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
