"""Importers: published documents (HTML, text dumps, Markdown, DOCX, PDF) into the model."""
