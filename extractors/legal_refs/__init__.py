"""Legal references: find, resolve and annotate mentions of other legal documents.

The steps follow eyecite's: `tokenize` → `find` → `resolve` → `annotate`,
over the pieces in `patterns`; `extract` runs them on a document.
"""

from extractors.legal_refs.extract import extract_legal_refs, implemented_keys, own_number_of

__all__ = ["extract_legal_refs", "implemented_keys", "own_number_of"]
