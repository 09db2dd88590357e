"""Evaluation against gold JSONL (shared/data format): mention P/R/F1 of our pipeline
next to the raw spaCy model, scored from the same parse."""
from graphbuild.evaluate.mentions import Counts, Scores, evaluate_mentions, format_table

__all__ = ["Counts", "Scores", "evaluate_mentions", "format_table", "run"]


def run(settings) -> str:
    """Run the evaluation `settings` (an EvaluationSettings) asks for; its table as text."""
    from graphbuild.settings import EvalMode

    gold, limit, model, out = settings.gold, settings.limit, settings.model, settings.output_dir
    if settings.mode is EvalMode.EVENTS:
        from graphbuild.evaluate.events import evaluate_events, format_event_table

        return format_event_table(evaluate_events(gold, limit=limit, model=model, output_dir=out))
    if settings.mode is EvalMode.COREF:
        from graphbuild.evaluate.coref import evaluate_coref, format_coref

        return format_coref(evaluate_coref(gold, limit=limit, model=model, output_dir=out))
    if settings.mode is EvalMode.RELATIONS:
        from graphbuild.evaluate.relations import evaluate_relations, format_relations

        return format_relations(evaluate_relations(gold, model=model, limit=limit, output_dir=out))
    return format_table(evaluate_mentions(gold, limit=limit, model=model, output_dir=out))
