"""Reliability and security: no lost work, clear errors, untrusted input."""
