"""PLACEHOLDER — being written (stage 'tone'); returns nothing yet."""

from spacy.tokens import Doc

from chronicle.extract.registry import ExtractContext, StageOutput, register_stage
from chronicle.records import ArticleRecords


@register_stage("tone", fills=("tones",))
def extract_tone(doc: Doc, records: ArticleRecords, context: ExtractContext) -> StageOutput:
    return {"tones": []}
