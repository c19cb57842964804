"""Readability: word and sentence counts, LIX and Flesch, bands and targets; pure functions."""
