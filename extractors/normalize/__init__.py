"""Raw page texts → the one normalised text every offset points into."""

from extractors.normalize.pages import NormalizedText, normalize_pages, normalize_text

__all__ = ["NormalizedText", "normalize_pages", "normalize_text"]
