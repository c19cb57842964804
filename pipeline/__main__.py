"""Run the command line interface with `python -m pipeline`."""

from pipeline.cli import main

main()
