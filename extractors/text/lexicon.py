"""The administrative Vietnamese every stage recognises, written once.

Words here are data: the header block, the signature block and the opening
clauses of the documents of Nghị định 30/2020/NĐ-CP (the government's form
for administrative documents) and of the party and state bodies that follow
it. Modules build their patterns from these names; none re-types them.
"""

from __future__ import annotations

from extractors.text.patterns import alt, phrase

# ---------------------------------------------------------------- signature block

#: Marks in front of the signer's body or title: thay mặt, ký thay, thừa lệnh,
#: thừa ủy quyền, quyền (`TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`, `Q. GIÁM ĐỐC`).
SIGNATURE_MARKS: tuple[str, ...] = ("TM", "KT", "TL", "TUQ", "Q")
SIGNATURE_MARK = r"(?:" + "|".join(sorted(SIGNATURE_MARKS, key=len, reverse=True)) + r")\."

#: Titles a signer holds, as gazettes write them in running text; `Phó …` forms follow.
SIGNER_TITLES_BASE: tuple[str, ...] = (
    "Chủ tịch",
    "Giám đốc",
    "Tổng Giám đốc",
    "Bí thư",
    "Trưởng ban",
    "Chánh Văn phòng",
    "Thủ tướng",
    "Bộ trưởng",
    "Thứ trưởng",
)
SIGNER_TITLES: tuple[str, ...] = SIGNER_TITLES_BASE + tuple(f"Phó {t}" for t in SIGNER_TITLES_BASE)
#: A signer title in capitals, on its own line in the block: `PHÓ CHỦ TỊCH`.
SIGNER_TITLE_CAPS = alt(t.upper() for t in SIGNER_TITLES)

# ---------------------------------------------------------------- header block

MOTTO_COUNTRY = phrase("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
MOTTO_SLOGAN = r"Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc"
#: Either line of the national motto, as far as it is needed to know it.
MOTTO_START = r"(?:CỘNG\s+HÒA\s+XÃ\s+HỘI|Độc\s+lập\s*[-–])"

#: Local government levels, as the issuer line and place names write them.
ADMIN_UNITS: tuple[str, ...] = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn")
ADMIN_UNIT = alt(ADMIN_UNITS)

# ---------------------------------------------------------------- body

#: Clauses that open a preamble paragraph (`Căn cứ Luật …`, `Thực hiện Nghị quyết …`).
PREAMBLE_OPENERS: tuple[str, ...] = (
    "Căn cứ",
    "Thực hiện",
    "Triển khai thực hiện",
    "Theo đề nghị",
    "Xét đề nghị",
)
PREAMBLE_OPENER = alt(PREAMBLE_OPENERS)

#: The recipients' block that closes the body (`Nơi nhận:`).
NOI_NHAN = phrase("Nơi nhận")
