"""Generators of the files derived from the form; run them with ``tools/generate.py``."""
