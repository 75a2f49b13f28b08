"""PLACEHOLDER — being written (stage 'numbers'); returns nothing yet."""

from spacy.tokens import Doc

from chronicle.extract.registry import ExtractContext, StageOutput, register_stage
from chronicle.records import ArticleRecords


@register_stage("numbers", fills=("counts",))
def extract_numbers(doc: Doc, records: ArticleRecords, context: ExtractContext) -> StageOutput:
    return {"counts": []}
