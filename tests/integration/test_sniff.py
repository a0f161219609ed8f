"""A file is what its bytes say, not what its name says."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import NotADocumentError
from pipeline.ingest.sniff import sniff_format, unprintable_share


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"<!DOCTYPE html><html><body>Login</body></html>", "HTML"),
        (b"\n  <html lang='vi'><head><title>404</title></head></html>", "HTML"),
        (b'<?xml version="1.0"?><feed></feed>', "XML"),
        (b'{"items": [{"url": "https://x/plan.pdf"}]}', "JSON"),
        (b"From: a@b.vn\nTo: c@d.vn\nSubject: KH\nMIME-Version: 1.0\n\nbody", "e-mail"),
    ],
)
@pytest.mark.parametrize("suffix", [".pdf", ".txt", ".docx"])
def test_known_non_documents_are_named(data, what, suffix):
    with pytest.raises(NotADocumentError, match=what):
        sniff_format(data, suffix)


def test_pdf_header_after_junk_bytes_is_a_pdf():
    assert sniff_format(b"\x00\x00\r\n%PDF-1.7\n...", ".pdf") == "pdf"


def test_text_that_mentions_a_pdf_header_is_text():
    data = "Ghi chú: tệp xuất ra có dòng đầu %PDF-1.7 là PDF.\nKẾ HOẠCH\n".encode()
    assert sniff_format(data, ".txt") == "txt"


def test_a_plan_starting_with_a_bracket_is_still_text():
    assert sniff_format("[Dự thảo]\nKẾ HOẠCH\nVề thử".encode(), ".txt") == "txt"


@pytest.mark.parametrize("suffix", [".doc", ".rtf", ".txt"])
def test_rich_text_is_rtf_whatever_its_name(suffix):
    from pipeline.ingest.sources import sniff_kind

    data = b"{\\rtf1\\ansi\\ansicpg1258\\deff0 K\\u7870?HO\\u7840?CH\\par}"
    assert sniff_format(data, suffix) == "rtf"
    assert sniff_format(b"\xef\xbb\xbf\r\n" + data, suffix) == "rtf"
    assert sniff_kind(data) == "doc"  # fetched from a link: kept, named as Word's
    # a JSON object is not rich text
    with pytest.raises(NotADocumentError):
        sniff_format(b'{"rtf": 1}', suffix)


def test_an_opendocument_text_is_odt_and_other_zips_are_refused():
    import io
    import zipfile

    from pipeline.errors import UnsupportedFormatError

    def zipped(files: dict[str, str]) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            for name, text in files.items():
                z.writestr(name, text)
        return buf.getvalue()

    odt = zipped({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"})
    assert sniff_format(odt, ".docx") == "odt"
    sheet = zipped({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"})
    with pytest.raises(UnsupportedFormatError, match="OpenDocument"):
        sniff_format(sheet, ".odt")


def test_an_odt_declaring_entities_has_them_left_unexpanded(tmp_path):
    import io
    import zipfile

    from pipeline.ingest import read_document

    content = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e "CHỮ ẨN"><!ENTITY f SYSTEM "file:///etc/hostname">]>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        "<text:p>KẾ HOẠCH &e; &f;</text:p></office:text></office:body></office:document-content>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", content)
    text = read_document(tmp_path / "x.odt", buf.getvalue(), ocr=False).pages[0]
    assert text.startswith("KẾ HOẠCH") and "CHỮ ẨN" not in text


def _unprintable_by_category(text: str) -> float:
    sample = text[:20000]
    bad = sum(
        1
        for c in sample
        if (c not in "\t\n\r\f" and unicodedata.category(c) in ("Cc", "Cn", "Co", "Cs")) or c == "\ufffd"
    )
    return bad / len(sample) if sample else 0.0


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            "ăâđêôơư ÀẢ\t\n\r\f\x00\x01\x7f\x85\u00a0\u00ad\u200b\u2028\ufffd\ue000\u0378\ud800\U000e0001\U0010fffd"
        ),
        max_size=1500,
    )
)
def test_unprintable_share_counts_what_each_characters_category_says(text):
    # The share is read stretch by stretch; each stretch must count as its characters do.
    assert unprintable_share(text) == _unprintable_by_category(text)
