"""The labelled term-detection set and its evaluation."""
