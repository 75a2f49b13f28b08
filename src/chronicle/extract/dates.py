"""PLACEHOLDER — being written (stage 'dates'); returns nothing yet."""

from spacy.tokens import Doc

from chronicle.extract.registry import ExtractContext, StageOutput, register_stage
from chronicle.records import ArticleRecords


@register_stage("dates", fills=("dates",))
def extract_dates(doc: Doc, records: ArticleRecords, context: ExtractContext) -> StageOutput:
    return {"dates": []}
