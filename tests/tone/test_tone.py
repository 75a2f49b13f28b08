"""Tone figures on sentences of our own."""

from chronicle.extract.tone import tone_figures


def test_negative_sentence_scores_negative(extract):
    records = extract("The attack killed nine people and left the town in grief and terror.")
    [document, sentence] = records.tones
    assert document.scope == "document" and sentence.scope == "sentence"
    assert sentence.negative > 0 and sentence.polarity < 0 and sentence.compound < 0


def test_positive_sentence_scores_positive(extract):
    sentence = extract("Volunteers were praised for their generous and wonderful help.").tones[1]
    assert sentence.positive > sentence.negative and sentence.compound > 0


def test_gdelt_percentages():
    figures = tone_figures(["good", "bad", "table", "chair"], "good bad table chair")
    assert figures["positive"] == 25 and figures["negative"] == 25
    assert figures["polarity"] == 0 and figures["activity"] == 50
