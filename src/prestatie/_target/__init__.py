"""Targets: their arithmetic (algebra), and reading them from and writing them to Dutch
text (words, tokens, relative, read, write)."""
