"""Terms: the glossary (TBX, CSV), the matcher, and the terms found in texts."""
