"""The data contract (../shared/SPEC.md) as Arrow schemas and record types.

Every column name and type lives here once; readers of the tables, writers
and extractors all go through `SCHEMAS` and the record classes generated from
it, so a renamed column fails loudly everywhere at once.
"""

from schemas.tables import (  # noqa: F401
    COLUMN_DOCS,
    RECORD_TYPES,
    SCHEMAS,
    TABLES,
    Deadline,
    Document,
    IngestLog,
    LegalRef,
    Section,
    Target,
    Task,
    to_arrow,
)
