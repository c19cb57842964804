"""Sources: Markdown (with optional front matter) → Document → units; language tools."""
