"""The enumerated values of the data contract, as `StrEnum`s.

Members compare equal to their lower-case ASCII strings, so a record may hold
either and Parquet stores the string.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    OK = "ok"
    FAILED = "failed"
    SKIPPED = "skipped"


class Stage(StrEnum):
    READ = "read"
    OCR = "ocr"
    NORMALIZE = "normalize"
    SECTIONS = "sections"
    EXTRACT = "extract"
    WRITE = "write"


class SourceFormat(StrEnum):
    PDF = "pdf"
    IMAGE = "image"
    TXT = "txt"
    MD = "md"
    DOCX = "docx"
    ODT = "odt"
    DOC = "doc"
    HTML = "html"


class DocKind(StrEnum):
    KE_HOACH = "ke_hoach"
    CHUONG_TRINH_HANH_DONG = "chuong_trinh_hanh_dong"
    QUYET_DINH = "quyet_dinh"
    NGHI_QUYET = "nghi_quyet"
    CHI_THI = "chi_thi"
    CONG_VAN = "cong_van"
    BAO_CAO = "bao_cao"
    OTHER = "other"


class SectionKind(StrEnum):
    PREAMBLE = "preamble"
    MUC_DICH_YEU_CAU = "muc_dich_yeu_cau"
    MUC_TIEU = "muc_tieu"
    NHIEM_VU_GIAI_PHAP = "nhiem_vu_giai_phap"
    TO_CHUC_THUC_HIEN = "to_chuc_thuc_hien"
    KINH_PHI = "kinh_phi"
    CHE_DO_BAO_CAO = "che_do_bao_cao"
    DIEU = "dieu"
    PHU_LUC = "phu_luc"
    NOI_NHAN = "noi_nhan"
    CHU_KY = "chu_ky"
    FOOTNOTES = "footnotes"
    OTHER = "other"


class RefType(StrEnum):
    LUAT = "luat"
    BO_LUAT = "bo_luat"
    NGHI_QUYET = "nghi_quyet"
    NGHI_DINH = "nghi_dinh"
    QUYET_DINH = "quyet_dinh"
    CHI_THI = "chi_thi"
    THONG_TU = "thong_tu"
    KET_LUAN = "ket_luan"
    KE_HOACH = "ke_hoach"
    CHUONG_TRINH = "chuong_trinh"
    DE_AN = "de_an"
    CONG_VAN = "cong_van"
    THONG_BAO = "thong_bao"
    HUONG_DAN = "huong_dan"
    OTHER = "other"


class Relation(StrEnum):
    CAN_CU = "can_cu"
    IMPLEMENTS = "implements"
    MENTION = "mention"


class Comparator(StrEnum):
    EQ = "eq"
    GT = "gt"
    GE = "ge"
    LT = "lt"
    LE = "le"
    APPROX = "approx"
    RANGE = "range"


class Direction(StrEnum):
    LEVEL = "level"
    INCREASE = "increase"
    DECREASE = "decrease"


class Domain(StrEnum):
    CLIMATE = "climate"
    RESOURCES = "resources"
    ENVIRONMENT = "environment"
    ECONOMY = "economy"
    SOCIETY = "society"
    DEFENSE = "defense"
    OTHER = "other"


class DeadlineKind(StrEnum):
    DATE = "date"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    PERIOD = "period"
    RECURRING = "recurring"
    ONGOING = "ongoing"


class Recurrence(StrEnum):
    YEARLY = "P1Y"
    HALF_YEARLY = "P6M"
    QUARTERLY = "P3M"
    MONTHLY = "P1M"


class RowSource(StrEnum):
    TEXT = "text"
    TABLE = "table"
