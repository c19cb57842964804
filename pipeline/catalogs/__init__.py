"""Catalogs: PO reading and writing, the update that loses no work, messages to check."""
