"""PLACEHOLDER — being written (stage 'quotes'); returns nothing yet."""

from spacy.tokens import Doc

from chronicle.extract.registry import ExtractContext, StageOutput, register_stage
from chronicle.records import ArticleRecords


@register_stage("quotes", fills=("quotes",))
def extract_quotes(doc: Doc, records: ArticleRecords, context: ExtractContext) -> StageOutput:
    return {"quotes": []}
