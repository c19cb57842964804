"""Danish/English content pipeline: Markdown sources → PO catalogs → checks → exports."""

__version__ = "0.1.0"
