"""Helpers shared by the tests: hand-built models, the CLI runner."""
