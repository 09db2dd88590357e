"""Helpers shared by the tests: hand-built models, parses with hand-built entities for
single extractors, the CLI runner."""
