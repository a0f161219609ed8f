"""The data contract (../shared/SPEC.md): typed records, enumerations and Arrow schemas.

Every column name and type lives once, in `schemas.records`; the Arrow
schemas the writers enforce, the data dictionary and the contract check are
derived from it, so a renamed column fails loudly everywhere at once.
"""

from schemas.arrow import COLUMN_DOCS, ENUMS, SCHEMAS, TABLES, as_row, contract_violations, to_arrow
from schemas.records import (
    RECORD_TYPES,
    Deadline,
    Document,
    IngestLog,
    LegalRef,
    Record,
    Section,
    Target,
    Task,
)

__all__ = [
    "COLUMN_DOCS",
    "ENUMS",
    "RECORD_TYPES",
    "SCHEMAS",
    "TABLES",
    "Deadline",
    "Document",
    "IngestLog",
    "LegalRef",
    "Record",
    "Section",
    "Target",
    "Task",
    "as_row",
    "contract_violations",
    "to_arrow",
]
