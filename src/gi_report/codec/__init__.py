"""Codecs between the model and its serialised forms (JSON; XML)."""
