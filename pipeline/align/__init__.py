"""Align an existing translation with a source document: which piece translates which unit."""
