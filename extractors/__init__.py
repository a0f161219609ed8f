"""Pure extraction code: normalised text (or a spaCy Doc) in, typed records out.

Nothing here touches files, the network or global state, so every function can
be tested with a single Vietnamese sentence.
"""
