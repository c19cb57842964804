"""Export: a document and its catalog → localized tokens → accessible HTML and tagged PDF."""
