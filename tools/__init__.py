"""Development tools of gi-report (not part of the installed package)."""
