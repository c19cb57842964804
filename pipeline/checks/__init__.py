"""Checks: one module per rule family; each registers its rules (see registry)."""
