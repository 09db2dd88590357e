"""Pure extraction functions over a ParsedDocument (the only package besides nlp/ that
touches spaCy objects). Each returns model objects with document-local entity ids."""
