"""Which language each part of a text is in: passages in another language, wrong-language text."""
