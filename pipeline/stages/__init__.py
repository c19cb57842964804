"""Stages: one module per command (extract, stats, readability, check, export); orchestration."""
