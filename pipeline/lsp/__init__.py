"""The language server: the checks, fixes, hovers and reading levels inside an editor."""
