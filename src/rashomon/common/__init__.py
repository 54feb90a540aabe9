"""Shared infrastructure at the bottom of the layers: loading spaCy and reading dates.

Every stage may import it; it imports no other part of rashomon. (The sentence encoder, ``rashomon.align.embed``,
belongs here too; it stays in align while its own rework lands, and only align and the layers above it use it.)
"""
