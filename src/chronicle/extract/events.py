"""PLACEHOLDER — being written (stage 'events'); returns nothing yet."""

from spacy.tokens import Doc

from chronicle.extract.registry import ExtractContext, StageOutput, register_stage
from chronicle.records import ArticleRecords


@register_stage("events", fills=("events",))
def extract_events(doc: Doc, records: ArticleRecords, context: ExtractContext) -> StageOutput:
    return {"events": []}
