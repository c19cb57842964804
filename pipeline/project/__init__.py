"""The project: config, one-line errors and atomic files, the cache, parallel work, git changes."""
