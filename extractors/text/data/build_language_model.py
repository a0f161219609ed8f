r"""Rebuild `syllable_counts.tsv` and `syllable_bigrams.tsv`: a syllable language
model of administrative Vietnamese, from text we may ship.

    python -m extractors.text.data.build_language_model [../shared/realworld]

Sources: the word list underthesea ships (`Viet74K`: every word gives its
syllables and the bigrams inside it; its two- and three-syllable words, without
tone marks, also go to `compound_words.txt` and `three_syllable_words.txt`), the plans in `data/raw` (text, Markdown,
DOCX) and, when given, the DOCX, `.doc` and digital-PDF files of a real
corpus. Files whose transcripts are used to *measure* OCR (`realworld-truth`)
are left out, so the measurement stays honest. Only lines that are mostly
dictionary syllables are counted: a PDF with a broken font map adds nothing.
The run path reads only the two TSV files (a few hundred KB).

From the same files, `symbol_patterns.txt`: the shapes of the số hiệu they
cite, digits generalised and codes kept (`\d\*/NQ-CP`, `\d\*/\d\d\d\d/NĐ-CP`,
`\d\*-KL/TW`), for Tesseract's `--user-patterns` (`pipeline.ocr.engine`):
told the shape, it reads `76/NQ-CP` where it read `7Ø/NQ-CP`. Tesseract's
pattern classes (`\A\*`, `\c\*`) changed nothing on our scans; literal codes do.
"""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import regex

from extractors.text.fold import normalize_tone_marks
from extractors.text.syllables import NUMBER_TOKEN

HERE = Path(__file__).parent
ROOT = HERE.parents[2]
UNIGRAMS = HERE / "syllable_counts.tsv"
BIGRAMS = HERE / "syllable_bigrams.tsv"
#: The dictionary's two-syllable words without tone marks (`thanh phô`, `chu tri`): OCR's
#: specks between their syllables are not punctuation. Toneless, because OCR drops tones
#: too, and stored so, so a worker does not strip 48,000 words when it starts.
COMPOUNDS = HERE / "compound_words.txt"
#: Its three-syllable words, so (`câu lạc bộ`, `tổ hợp tác`): where a word ends when its first
#: two syllables make another word (`tổ hợp`).
THREE_SYLLABLE_WORDS = HERE / "three_syllable_words.txt"
PATTERNS = HERE / "symbol_patterns.txt"
#: A shape is kept when the texts cite it this often (one citation may be a typo).
MIN_SYMBOL_COUNT = 2
#: Real files whose transcripts measure OCR: never part of the model.
HELD_OUT = ("GP-2507", "QD-1050", "TB-1894", "laocai-2026-kh-1105")
#: Syllables, and numbers as one token `#` (`số #`, `ngày # tháng`): context, never candidates.
_TOKEN = regex.compile(rf"\p{{Latin}}+|{NUMBER_TOKEN}")


def _norm(text: str) -> str:
    return normalize_tone_marks(unicodedata.normalize("NFC", text)).lower()


def line_tokens(line: str) -> tuple[list[str], list[tuple[str, str]]]:
    """A line's syllables (numbers as `#`) and the pairs of neighbours with only
    space between them: the repairs read a comma or a bracket as the end of the
    context (`cư 1, phường`), so the model must not learn pairs across one
    (`1. Phương án` is no `# phương`)."""
    found = list(_TOKEN.finditer(line))
    toks = ["#" if m.group()[0].isdigit() else m.group() for m in found]
    pairs = [
        (toks[k - 1], toks[k]) for k in range(1, len(found)) if not line[found[k - 1].end() : found[k].start()].strip()
    ]
    return toks, pairs


def _dictionary() -> list[str]:
    import underthesea

    path = Path(underthesea.__file__).parent / "corpus" / "data" / "Viet74K.txt"
    return [_norm(w) for w in path.read_text(encoding="utf-8").splitlines() if w.strip()]


def _file_text(path: Path) -> str:
    from pipeline.ingest import read_document

    if path.suffix.lower() == ".pdf":
        done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, timeout=120)
        return done.stdout.decode("utf-8", "replace")
    return "\n".join(read_document(path, ocr=False).pages)


def write_compounds(words: list[str]) -> None:
    from extractors.text.syllables import toneless

    for n, path in ((2, COMPOUNDS), (3, THREE_SYLLABLE_WORDS)):
        found = sorted({" ".join(map(toneless, w.split())) for w in words if len(w.split()) == n})
        path.write_text("".join(f"{w}\n" for w in found), encoding="utf-8")


#: Tesseract's pattern classes: a run of digits, a four-digit year.
_DIGITS, _YEAR = r"\d\*", r"\d\d\d\d"


def symbol_pattern(m: regex.Match[str]) -> str:
    r"""`76/NQ-CP` → `\d\*/NQ-CP`, `118/2014/NĐ-CP` → `\d\*/\d\d\d\d/NĐ-CP`: the
    digits as Tesseract's pattern classes, the codes as written (OCR's spaces out)."""
    written = regex.sub(r"\s+", "", m.group()).replace("\u00d0", "Đ").replace("–", "-")
    shape = regex.sub(r"(?<=/)(?:19|20)\d\d(?=/)", lambda _: _YEAR, written, count=1) if m["numyear"] else written
    return regex.sub(r"(?<!\\)\d+", lambda _: _DIGITS, shape)


def write_symbol_patterns(texts: list[str]) -> None:
    from extractors.legal_refs.patterns import NUMBER_SYMBOL_RE

    shapes = Counter(symbol_pattern(m) for text in texts for m in NUMBER_SYMBOL_RE.finditer(text))
    keep = sorted(s for s, n in shapes.items() if n >= MIN_SYMBOL_COUNT)
    PATTERNS.write_text("".join(f"{s}\n" for s in keep), encoding="utf-8")


def main(argv: list[str]) -> None:
    words = _dictionary()
    write_compounds(words)
    vocab = {s for w in words for s in w.split()}
    unigrams: Counter[str] = Counter()
    bigrams: Counter[tuple[str, str]] = Counter()
    for w in words:
        syl = w.split()
        unigrams.update(syl)
        bigrams.update(zip(syl, syl[1:], strict=False))
    files = sorted((ROOT / "data" / "raw").glob("*"))
    for corpus in argv:
        files += sorted(p for p in Path(corpus).rglob("*") if p.suffix.lower() in (".docx", ".doc", ".pdf"))
    texts = []
    for path in files:
        if ".scan" in path.name or any(path.name.startswith(h) for h in HELD_OUT) or not path.is_file():
            continue
        try:
            text = _file_text(path)
        except Exception as exc:  # a file we cannot read adds nothing
            print(f"skipped {path.name}: {exc}", file=sys.stderr)
            continue
        texts.append(unicodedata.normalize("NFC", text))
        for line in _norm(text).splitlines():
            toks, pairs = line_tokens(line)
            if len(toks) < 3 or sum(t in vocab or t == "#" for t in toks) < 0.9 * len(toks):
                continue
            unigrams.update(toks)
            bigrams.update(pairs)
    UNIGRAMS.write_text(
        "".join(f"{w}\t{n}\n" for w, n in sorted(unigrams.items()) if w in vocab or w == "#" or n >= 3),
        encoding="utf-8",
    )
    BIGRAMS.write_text("".join(f"{a} {b}\t{n}\n" for (a, b), n in sorted(bigrams.items())), encoding="utf-8")
    write_symbol_patterns(texts)
    print(f"{len(unigrams)} syllables, {len(bigrams)} bigrams from {len(files)} files")


if __name__ == "__main__":
    main(sys.argv[1:])
