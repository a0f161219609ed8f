"""The data contract (../shared/SPEC.md) as Arrow schemas and record types.

Every column name and type lives here once; readers of the tables, writers
and extractors all go through `SCHEMAS` and the record classes generated from
it, so a renamed column fails loudly everywhere at once.
"""
from schemas.tables import (  # noqa: F401
    SCHEMAS,
    TABLES,
    COLUMN_DOCS,
    Document,
    Section,
    LegalRef,
    Target,
    Deadline,
    Task,
    IngestLog,
    RECORD_TYPES,
    to_arrow,
)
