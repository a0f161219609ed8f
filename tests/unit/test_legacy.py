"""Legacy TCVN3 / VNI detection and decoding (extractors.normalize.legacy)."""

from __future__ import annotations

import unicodedata

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.normalize.legacy import (
    ENCODINGS,
    TCVN3,
    TCVN3_TO_UNICODE,
    VNI,
    VNI_TO_UNICODE,
    decode_legacy,
    detect_legacy,
    encode_legacy,
    fix_legacy,
    fix_legacy_mixed,
    is_vietnamese_syllable,
)

SENTENCES = [
    "Ủy ban nhân dân tỉnh Kon Tum",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Quyết định số 1055/QĐ-TTg ngày 20 tháng 7 năm 2020 của Thủ tướng Chính phủ",
    "Giảm 7,3% phát thải khí nhà kính so với kịch bản phát triển thông thường",
]

# --- the tables -------------------------------------------------------------

TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
# Every lower-case Vietnamese letter that is not plain ASCII: 12 vowels x 6 tones, minus
# a e i o u y, plus đ = 67.
VIETNAMESE_LOWER = {unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES} - set("aeiouy") | {"đ"}


def test_tcvn3_table_is_vn3():
    assert len(VIETNAMESE_LOWER) == 67
    assert len(TCVN3_TO_UNICODE) == 74
    assert len(set(TCVN3_TO_UNICODE.values())) == 74  # one code per letter
    assert all("\xa1" <= code <= "\xfe" for code in TCVN3_TO_UNICODE)
    capitals = {v for v in TCVN3_TO_UNICODE.values() if v.isupper()}
    assert capitals == set("ĂÂÊÔƠƯĐ")
    assert set(TCVN3_TO_UNICODE.values()) - capitals == VIETNAMESE_LOWER


@pytest.mark.parametrize(
    "code, letter",
    # Spot checks against libiconv lib/tcvn.h (tcvn_2uni_2).
    [
        ("\xa7", "Đ"),
        ("\xad", "ư"),
        ("\xae", "đ"),
        ("\xb5", "à"),
        ("\xb8", "á"),
        ("\xbe", "ắ"),
        ("\xca", "ấ"),
        ("\xd6", "ệ"),
        ("\xdc", "ĩ"),
        ("\xe9", "ộ"),
        ("\xee", "ợ"),
        ("\xfe", "ỵ"),
    ],
)
def test_tcvn3_codes(code, letter):
    assert TCVN3_TO_UNICODE[code] == letter


# VNI mark bytes and what they add to the base letter (VNI-Windows keyboard layout).
VNI_MARKS = {
    "ø": "\u0300",
    "ù": "\u0301",
    "û": "\u0309",
    "õ": "\u0303",
    "ï": "\u0323",
    "â": "\u0302",
    "ê": "\u0306",
    # circumflex + tone
    "à": "\u0302\u0300",
    "á": "\u0302\u0301",
    "å": "\u0302\u0309",
    "ã": "\u0302\u0303",
    "ä": "\u0302\u0323",
    # breve + tone
    "è": "\u0306\u0300",
    "é": "\u0306\u0301",
    "ú": "\u0306\u0309",
    "ü": "\u0306\u0303",
    "ë": "\u0306\u0323",
}
VNI_BASES = {"a": "a", "e": "e", "o": "o", "u": "u", "y": "y", "ô": "o\u031b", "ö": "u\u031b"}
VNI_LETTERS = {"ñ": "đ", "ô": "ơ", "ö": "ư", "ì": "ì", "í": "í", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}


def test_vni_table_matches_mark_semantics():
    assert len(VNI_TO_UNICODE) == 134
    assert set(VNI_TO_UNICODE.values()) == VIETNAMESE_LOWER | {c.upper() for c in VIETNAMESE_LOWER}
    for seq, letter in VNI_TO_UNICODE.items():
        low = seq.lower()
        if len(seq) == 1:
            expected = VNI_LETTERS[low]
        else:
            expected = unicodedata.normalize("NFC", VNI_BASES[low[0]] + VNI_MARKS[low[1]])
        assert letter == (expected.upper() if seq.isupper() else expected), seq


@pytest.mark.parametrize(
    "legacy, encoding, unicode",
    [
        ("ViÖt Nam", TCVN3, "Việt Nam"),
        # Examples from public TCVN3 converters (the soft hyphen that is ư made visible).
        ("B¶o Th¾ng", TCVN3, "Bảo Thắng"),
        ("B¸t X¸t", TCVN3, "Bát Xát"),
        ("M\xadêng Kh\xad¬ng", TCVN3, "Mường Khương"),
        ("Céng hßa x· héi chñ nghÜa ViÖt Nam", TCVN3, "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("§éc lËp - Tù do - H¹nh phóc", TCVN3, "Độc lập - Tự do - Hạnh phúc"),
        ("ñy ban nh©n d©n", TCVN3, "ủy ban nhân dân"),
        ("Q§-UBND", TCVN3, "QĐ-UBND"),
        # duydev/vietnamese-conversion README example.
        ("Xin chaøo caùc baïn", VNI, "Xin chào các bạn"),
        ("Vieät Nam", VNI, "Việt Nam"),
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", VNI, "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("ÑOÄC LAÄP - TÖÏ DO - HAÏNH PHUÙC", VNI, "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"),
        ("QÑ-UBND, Ông, öôùc, lôïi ích, kòch baûn", VNI, "QĐ-UBND, Ơng, ước, lợi ích, kịch bản"),
    ],
)
def test_known_strings(legacy, encoding, unicode):
    assert decode_legacy(legacy, encoding) == unicode
    assert detect_legacy(legacy) == encoding
    assert fix_legacy(legacy) == (unicode, encoding)


# --- round trips --------------------------------------------------------------


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_round_trip(sentence, encoding):
    legacy = encode_legacy(sentence, encoding)
    assert legacy != sentence
    assert all(ch.isascii() or "\xa0" <= ch <= "\xff" for ch in legacy)  # Latin-1 debris only
    assert detect_legacy(legacy) == encoding
    decoded, used = fix_legacy(legacy)
    assert used == encoding
    assert unicodedata.is_normalized("NFC", decoded)
    if encoding == TCVN3 and sentence.startswith("Ủy"):
        # TCVN3 has no toned capitals, and a title-case word has no case to recover.
        assert decoded == "ủy ban nhân dân tỉnh Kon Tum"
    else:
        assert decoded == sentence


def test_tcvn3_upper_case_font_lines():
    legacy = encode_legacy("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", TCVN3)
    assert legacy == "CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM"
    assert decode_legacy(legacy, TCVN3, recover_case=False) == "CộNG HòA Xã HộI CHủ NGHĩA VIệT NAM"
    # A lone capital next to a code is a title-case word, not an upper-case font.
    assert decode_legacy("Sè: 12/Q§-UBND", TCVN3) == "Số: 12/QĐ-UBND"
    # Two-column headers: the capitals block and the mixed-case block are judged apart.
    header = "UBND TØNH KON TUM    Céng hßa x· héi chñ nghÜa ViÖt Nam"
    assert decode_legacy(header, TCVN3) == "UBND TỈNH KON TUM    Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert decode_legacy("ñY BAN NH¢N D¢N\r\n", TCVN3) == "ỦY BAN NHÂN DÂN\r\n"


def test_decode_keeps_ascii_and_unknown_characters():
    text = "Kon Tum 2020/NQ-CP “quote” – 10 °C\n"
    for encoding in ENCODINGS:
        assert decode_legacy(text, encoding) == text


def test_vni_mark_case_follows_base():
    assert decode_legacy("VIEäT Nam, Uûy", VNI) == "VIỆT Nam, Ủy"


def test_unknown_encoding():
    with pytest.raises(ValueError):
        decode_legacy("x", "viqr")
    assert decode_legacy("ViÖt", "TCVN3") == "Việt"


# --- never firing on text that is not legacy ------------------------------------

NOT_LEGACY = [
    # Unicode Vietnamese, including sentences whose accents are all Latin-1.
    *SENTENCES,
    "Tôi là giáo viên",
    "Bà ấy là bác sĩ ở Hà Nội.",
    "hoà bình, toán học, khoá học, Hoàng, soóc, xoong",
    "Kích thước hạt 10 µm",
    # French, German, Spanish, Portuguese, Danish, English with symbols.
    "Je ne sais pas où il est allé, mais il a bu du thé à la terrasse du café.",
    "Où est le goût du coût ? Il est né, il a bu du thé.",
    "Noël à l'hôtel, près de la côte; garçon, ça va? Un maïs naïf, Moïse, égoïste, sûr, dû.",
    "Le château de Versailles est très célèbre. « Bonjour », dit l'élève.",
    "Ça y est. À bientôt! Né à Paris. Dé, thé, né, fée. Crème brûlée, façade, résumé.",
    "Die Größe der Tür ist schön, aber übermäßig. Müller fährt nach Köln. Öl, Äpfel, Übung.",
    "El niño pequeño comió más de lo que debía en España. ¿Qué tal? Sí, señor, acción, año.",
    "A ação não é fácil, mas os irmãos põem as lições em prática. Avô, avó.",
    "Søren Kierkegaard, Ærø, Smørrebrød, København, Åland.",
    "Particle size 10 µm, mass 5 µg, © 2020 Microsoft® Corporation. ½ × 3 ÷ 2.",
    "",
    "plain ASCII text, 2020/QD-UBND",
]


@pytest.mark.parametrize("text", NOT_LEGACY)
def test_not_legacy(text):
    assert detect_legacy(text) is None
    assert fix_legacy(text) == (text, None)
    assert fix_legacy_mixed(text) == text


def test_nfd_unicode_vietnamese_is_only_normalised():
    nfd = unicodedata.normalize("NFD", SENTENCES[3])
    assert detect_legacy(nfd) is None
    assert fix_legacy(nfd) == (SENTENCES[3], None)


# --- mixed documents ----------------------------------------------------------

BODY = (
    "Kon Tum, ngày 20 tháng 7 năm 2020\n"
    "Tôi là giáo viên ở trường tiểu học.\n"
    "Giảm 7,3% phát thải khí nhà kính so với kịch bản phát triển thông thường\n"
)


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_mixed_legacy_header_unicode_body(encoding):
    header = "UBND TỈNH KON TUM\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nQuyết định số 243/QĐ-UBND\n"
    doc = encode_legacy(header, encoding) + BODY
    assert detect_legacy(doc) is None  # mostly Unicode: not decoded wholesale
    assert fix_legacy(doc) == (doc, None)
    assert fix_legacy_mixed(doc) == header + BODY


def test_legacy_text_keeps_its_unicode_words():
    text = "Céng hßa x· héi chñ nghÜa ViÖt Nam (Việt Nam)"
    assert fix_legacy(text) == ("Cộng hòa xã hội chủ nghĩa Việt Nam (Việt Nam)", TCVN3)


def test_weak_line_caught_in_context():
    # `tèt víi` (tốt với) reads as legacy only weakly: French-looking accents, no
    # symbols. Alone it stays undecided, but beside a clearly-TCVN3 line it is decoded.
    assert detect_legacy("tèt víi") is None
    assert detect_legacy("Hµ Néi") == TCVN3
    doc = "Céng hßa x· héi chñ nghÜa ViÖt Nam\ntèt víi\nTôi là giáo viên ở trường.\n"
    assert fix_legacy_mixed(doc) == "Cộng hòa xã hội chủ nghĩa Việt Nam\ntốt với\nTôi là giáo viên ở trường.\n"


# --- the syllable check -------------------------------------------------------


@pytest.mark.parametrize("word", ["Việt", "người", "được", "quyết", "giữa", "khuỷu", "hoà", "hòa", "ĐẮK", "ạ", "ủy"])
def test_syllables(word):
    assert is_vietnamese_syllable(word)


@pytest.mark.parametrize("word", ["gỏt", "ộtộ", "cafộ", "vieät", "nh©n", "schön", "việtt", "hoàá", "QĐ"])
def test_not_syllables(word):
    assert not is_vietnamese_syllable(word)


# --- properties -----------------------------------------------------------------

WORDS = (
    "ủy ban nhân dân tỉnh thành phố huyện xã quyết định nghị quyết chương trình kế hoạch "
    "thực hiện phát triển bền vững biến đổi khí hậu môi trường tài nguyên nước rừng đất "
    "giảm phát thải nhà kính năng lượng tái tạo điện mặt trời gió nông nghiệp thủy sản "
    "giáo dục y tế công nghiệp giao thông đô thị dân số người được các những của và với "
    "theo đến năm tháng ngày số là có không trong ngoài trên dưới hoà toán khoá học "
    "Việt Nam Kon Tum Hà Nội Đà Nẵng Thủ tướng Chính phủ Bộ Sở Độc lập Tự do Hạnh phúc"
).split()
vietnamese_text = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from([" ", " ", ", ", ". ", "\n", " - ", ": 12/QĐ-UBND "])),
    min_size=1,
    max_size=25,
).map(lambda parts: "".join(w + sep for w, sep in parts).strip())
cased = st.tuples(vietnamese_text, st.sampled_from([str, str.upper, str.title, str.lower])).map(lambda t: t[1](t[0]))


@settings(max_examples=150, deadline=None)
@given(cased)
def test_unicode_vietnamese_is_a_fixed_point(text):
    assert detect_legacy(text) is None
    assert fix_legacy(text) == (text, None)
    assert fix_legacy_mixed(text) == text


@settings(max_examples=100, deadline=None)
@given(vietnamese_text, st.sampled_from(ENCODINGS))
def test_fix_is_idempotent_on_decoded_legacy(text, encoding):
    legacy = encode_legacy(text, encoding)
    fixed, used = fix_legacy(legacy)
    if used not in (encoding, None):
        # Some byte strings are Vietnamese in both encodings (VNI `Thuû` is TCVN3
        # `Thuỷ`): then the other reading must be valid Vietnamese too.
        assert all(is_vietnamese_syllable(w) for w in regex.findall(r"\p{L}+", fixed)), (legacy, fixed, used)
    assert fix_legacy(fixed) == (fixed, None)


latin1_heavy = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.characters(min_codepoint=0xA0, max_codepoint=0xFF),
        st.sampled_from(list("ăđơưạệ\n\t")),
    ),
    max_size=80,
)


@settings(max_examples=200, deadline=None)
@given(st.one_of(latin1_heavy, st.text(max_size=60)))
def test_fix_never_raises_and_is_idempotent(text):
    fixed, _ = fix_legacy(text)
    assert unicodedata.is_normalized("NFC", fixed)
    assert fix_legacy(fixed)[0] == fixed
    fix_legacy_mixed(text)
    for encoding in ENCODINGS:
        assert unicodedata.is_normalized("NFC", decode_legacy(text, encoding))
