"""Evaluation against gold JSONL (shared/data format): mention P/R/F1 of our pipeline
next to the raw spaCy model, scored from the same parse."""
from graphbuild.evaluate.mentions import Counts, Scores, evaluate_mentions, format_table

__all__ = ["Counts", "Scores", "evaluate_mentions", "format_table"]
