"""graphbuild: news articles in, a knowledge graph of actors and events out."""

__version__ = "0.1.0"
