"""Structure: outline (sections, items, sentences), metadata and section kinds of a document."""
