"""The only place spaCy models are loaded and run: text in, `ParsedDocument` out."""
from graphbuild.nlp.loader import load_model
from graphbuild.nlp.parse import ParsedDocument, parse, parse_many

__all__ = ["ParsedDocument", "load_model", "parse", "parse_many"]
