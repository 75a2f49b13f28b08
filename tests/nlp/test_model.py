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


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [
        ("PORT MERRA, Feb. 3 (Coastline News) - Ferries stopped running, the harbour office said.",
         "PORT MERRA, Feb. 3 (Coastline News) -"),
        ("VELDA (Wire) -- The council met on Monday.", "VELDA (Wire) --"),
        ("Orlen (Daily Courier) - Two bridges reopened.", "Orlen (Daily Courier) -"),
        ("NORTH FALLS, Ont. - Snow closed the schools.", "NORTH FALLS, Ont. -"),
    ],
)
def test_a_dateline_is_its_own_sentence(nlp, paragraph, dateline):
    doc = nlp(f"Headline Of The Day\n\n{paragraph}")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[1] == dateline
    assert sentences[2] == paragraph[len(dateline):].strip()


@pytest.mark.parametrize(
    "paragraph",
    [
        "The union - and the employers - agreed on Friday.",
        "Orlen - a port town - voted on Tuesday.",
        "NATO said on Monday that it would meet.",
    ],
)
def test_a_dash_in_an_ordinary_sentence_is_not_a_dateline(nlp, paragraph):
    doc = nlp(paragraph)
    assert [s.text.strip() for s in doc.sents] == [paragraph]
