"""Vietnamese provinces and centrally-run cities, for `documents.province`.

Both the 63 units before the 2025 merger and the 34 after are listed (the
merged units kept names from this list), so plans from any year resolve.
Names are written as the gazettes write them, with diacritics.
"""

from __future__ import annotations

import unicodedata

PROVINCES: tuple[str, ...] = (
    "An Giang",
    "Bà Rịa - Vũng Tàu",
    "Bạc Liêu",
    "Bắc Giang",
    "Bắc Kạn",
    "Bắc Ninh",
    "Bến Tre",
    "Bình Dương",
    "Bình Định",
    "Bình Phước",
    "Bình Thuận",
    "Cà Mau",
    "Cao Bằng",
    "Cần Thơ",
    "Đà Nẵng",
    "Đắk Lắk",
    "Đắk Nông",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Giang",
    "Hà Nam",
    "Hà Nội",
    "Hà Tĩnh",
    "Hải Dương",
    "Hải Phòng",
    "Hậu Giang",
    "Hòa Bình",
    "Hồ Chí Minh",
    "Hưng Yên",
    "Khánh Hòa",
    "Kiên Giang",
    "Kon Tum",
    "Lai Châu",
    "Lạng Sơn",
    "Lào Cai",
    "Lâm Đồng",
    "Long An",
    "Nam Định",
    "Nghệ An",
    "Ninh Bình",
    "Ninh Thuận",
    "Phú Thọ",
    "Phú Yên",
    "Quảng Bình",
    "Quảng Nam",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sóc Trăng",
    "Sơn La",
    "Tây Ninh",
    "Thái Bình",
    "Thái Nguyên",
    "Thanh Hóa",
    "Thừa Thiên Huế",
    "Huế",
    "Tiền Giang",
    "Trà Vinh",
    "Tuyên Quang",
    "Vĩnh Long",
    "Vĩnh Phúc",
    "Yên Bái",
)


def fold(name: str) -> str:
    """Comparison key: NFC, lower case, one space, dashes unified."""
    name = unicodedata.normalize("NFC", name).lower().replace("–", "-")
    name = " ".join(name.replace(" - ", "-").replace("-", " - ").split())
    return name


_BY_KEY = {fold(p): p for p in PROVINCES}
_BY_KEY[fold("Thành phố Hồ Chí Minh")] = "Hồ Chí Minh"
_BY_KEY[fold("TP. Hồ Chí Minh")] = "Hồ Chí Minh"
_BY_KEY[fold("Bà Rịa Vũng Tàu")] = "Bà Rịa - Vũng Tàu"
_BY_KEY[fold("Đăk Lăk")] = "Đắk Lắk"
_BY_KEY[fold("Đắc Lắc")] = "Đắk Lắk"
_BY_KEY[fold("Đăk Nông")] = "Đắk Nông"


def canonical_province(name: str | None) -> str | None:
    """The province's name as listed, or None if `name` is not a province."""
    if not name:
        return None
    from extractors.text.fold import normalize_tone_marks

    return _BY_KEY.get(fold(normalize_tone_marks(name)))


def province_names() -> list[str]:
    """Every spelling we accept, longest first (for building patterns)."""
    return sorted(_BY_KEY, key=len, reverse=True)
