"""Renderers: the report laid out as the official form, for people."""
