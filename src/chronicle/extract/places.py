"""PLACEHOLDER — being written (stage 'places'); returns nothing yet."""

from spacy.tokens import Doc

from chronicle.extract.registry import ExtractContext, StageOutput, register_stage
from chronicle.records import ArticleRecords


@register_stage("places", fills=("places",))
def extract_places(doc: Doc, records: ArticleRecords, context: ExtractContext) -> StageOutput:
    return {"places": []}
