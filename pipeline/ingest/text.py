"""Text and Markdown files: bytes → one page of text."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from pipeline.errors import CorruptFileError, EmptyFileError
from pipeline.ingest.sniff import unprintable_share
from pipeline.models import RawDocument

#: Invalid UTF-8 bytes tolerated (replaced, with a warning) before another encoding is tried:
#: a stray byte must not send a whole UTF-8 plan through cp1252.
UTF8_ERROR_BUDGET = 0.001
#: Legacy 8-bit code pages Vietnamese files come in; the winner reads as the most Vietnamese.
LEGACY_ENCODINGS = ("cp1258", "cp1252")


def decode_text(data: bytes) -> tuple[str, list[str]]:
    """Bytes of a text file → (str, warnings): BOMs, UTF-16 without BOM, UTF-8 with a small
    error budget, else the legacy code page whose text is most Vietnamese (TCVN3/VNI bytes
    come out as cp1252 and are decoded by the normaliser)."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), []
    sample = data[:4000]
    if len(sample) >= 4:
        odd_nuls = sample[1::2].count(0) / max(1, len(sample) // 2)
        even_nuls = sample[0::2].count(0) / max(1, len(sample) // 2)
        if odd_nuls > 0.3:
            return data.decode("utf-16-le", errors="replace"), []
        if even_nuls > 0.3:
            return data.decode("utf-16-be", errors="replace"), []
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    bad = _count_invalid_utf8(data)
    if bad <= max(3, UTF8_ERROR_BUDGET * len(data)):
        # Word's smart quotes pasted into a UTF-8 file are cp1252 bytes: read them as such.
        text = data.decode("utf-8", errors=_CP1252_FALLBACK)
        return text, [f"{bad} byte(s) that are not UTF-8 read as cp1252 (smart quotes?); check the file's encoding"]
    candidates = {enc: data.decode(enc, errors="replace") for enc in LEGACY_ENCODINGS}
    guess = _detected(data)
    if guess and guess not in candidates:
        candidates[guess] = data.decode(guess, errors="replace")
    scores = {enc: _vietnamese(t) for enc, t in candidates.items()}
    best = max(scores, key=lambda enc: scores[enc])
    return candidates[best], [f"not UTF-8: decoded as {best} ({scores[best]:.0%} of words read as Vietnamese)"]


def _cp1252_fallback(err: UnicodeError) -> tuple[str | bytes, int]:
    assert isinstance(err, UnicodeDecodeError)
    return err.object[err.start : err.end].decode("cp1252", errors="replace"), err.end


_CP1252_FALLBACK = "vnplans-cp1252-fallback"
codecs.register_error(_CP1252_FALLBACK, _cp1252_fallback)


def _count_invalid_utf8(data: bytes) -> int:
    count = 0

    def counter(err: UnicodeError) -> tuple[str | bytes, int]:
        nonlocal count
        assert isinstance(err, UnicodeDecodeError)
        count += err.end - err.start
        return "", err.end

    codecs.register_error("vnplans-count", counter)
    data.decode("utf-8", errors="vnplans-count")
    return count


def _detected(data: bytes) -> str | None:
    """charset-normalizer's guess, as a Python codec name."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - installed with requests/httpx
        return None
    best = from_bytes(data[:200_000]).best()
    return best.encoding if best is not None else None


def _vietnamese(text: str) -> float:
    from extractors.normalize.legacy import fix_legacy_mixed
    from extractors.text.syllables import vietnamese_share

    share, _ = vietnamese_share(fix_legacy_mixed(unicodedata.normalize("NFC", text)))
    return share


def looks_like_markdown(text: str) -> bool:
    sample = text[:20000]
    return sample.count("**") >= 4 or any(line.lstrip().startswith("#") for line in sample.splitlines()[:200])


def read_text(path: Path, data: bytes, ocr: bool = True) -> RawDocument:
    """A text or Markdown file as one page."""
    fmt = "md" if path.suffix.lower() in (".md", ".markdown") else "txt"
    text, warnings = decode_text(data)
    if not text.strip():
        raise EmptyFileError("the file contains no text")
    if unprintable_share(text) > 0.05:
        raise CorruptFileError(
            "the file is binary, not text (control bytes throughout); "
            "check its real type — supported are PDF, PNG/JPEG/TIFF, DOCX, TXT, MD"
        )
    markdown = fmt == "md" or looks_like_markdown(text)
    return RawDocument(
        source_format="md" if fmt == "md" else "txt",
        pages=[text],
        paged=False,
        markdown=markdown,
        flat_tables=True,
        warnings=warnings,
    )
