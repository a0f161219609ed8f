"""Vietnamese text primitives every stage shares: folds, letters, regex pieces,
the administrative lexicon, dates, numbers, labels and place names."""
