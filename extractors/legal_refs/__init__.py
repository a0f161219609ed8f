"""Legal references: find, resolve and annotate mentions of other legal documents."""
from extractors.legal_refs.extract import extract_legal_refs, implemented_keys

__all__ = ["extract_legal_refs", "implemented_keys"]
