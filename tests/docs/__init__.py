"""Tests and generators that keep the docs honest."""
