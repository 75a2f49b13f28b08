"""The pipeline chronicle parses with: paragraph breaks are sentence and entity boundaries."""

import pytest

from chronicle.nlp import ModelNotFound, load_pipeline


def test_blank_line_starts_a_sentence(nlp):
    doc = nlp("Storm Cuts Power Across Harbour District\n\nVELDA, June 2 - Crews worked through the night.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[0] == "Storm Cuts Power Across Harbour District"


def test_entities_never_cross_a_paragraph_break(nlp):
    doc = nlp("Mayor Anna Kovac Visits Flooded Quarter\n\nORLEN, May 4 - Anna Kovac met residents on Tuesday.")
    assert doc.ents
    for ent in doc.ents:
        assert "\n" not in ent.text and ent.text == ent.text.strip()


def test_unknown_model_is_a_clear_error():
    with pytest.raises(ModelNotFound, match="no_such_pipeline"):
        load_pipeline("no_such_pipeline")
