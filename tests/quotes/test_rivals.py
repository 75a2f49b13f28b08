"""Rival records on one stretch of text (issue 11): which of two overlapping attributions with
different speakers survives `one_speaker_per_stretch`. Speech reported inside another's words
("police said a witness told them …") keeps both; a stance candidate or a sourceless cue inside
another's words is part of what the outer speaker said and goes when it is the less confident, or
whatever its confidence when its source is inside those words too."""

from __future__ import annotations

from chronicle.extract.quotes import one_speaker_per_stretch
from chronicle.records import Quote

# "Mayor Ana Ruiz said the harbour board urged fishermen to focus on the new quotas."
TEXT = "Mayor Ana Ruiz said the harbour board urged fishermen to focus on the new quotas."


def quote(fragment: str, cue: str, lemma: str, source: str | None, speaker: str | None,
          confidence: float) -> Quote:
    start = TEXT.index(fragment)
    cue_start = TEXT.index(cue)
    source_start = TEXT.index(source) if source else None
    return Quote(id=f"a:q:{cue}", article_id="a", kind="indirect", start=start, end=start + len(fragment),
                 text=fragment, cue_start=cue_start, cue_end=cue_start + len(cue), cue=cue, cue_lemma=lemma,
                 source=source, source_start=source_start,
                 source_end=source_start + len(source) if source_start is not None else None,
                 speaker_id=speaker, speaker=speaker, confidence=confidence)


OUTER = quote("the harbour board urged fishermen to focus on the new quotas", "said", "say", "Mayor Ana Ruiz",
              "Ana Ruiz", 0.8)


def survivors(*records: tuple[Quote, list[str]]) -> list[str | None]:
    return [q.speaker_id for q, _f in one_speaker_per_stretch(list(records))]


def test_reported_speech_inside_another_quote_keeps_both_speakers():
    inner = quote("fishermen to focus on the new quotas", "urged", "urge", "the harbour board", "Harbour Board", 0.4)
    kept = survivors((OUTER, ["origin=verb"]), (inner, ["origin=verb"]))
    assert kept == ["Ana Ruiz", "Harbour Board"]


def test_a_stance_candidate_inside_another_quote_goes():
    inner = quote("the new quotas", "to focus", "focus", "fishermen", "Fishermen", 0.3)
    kept = survivors((OUTER, ["origin=verb"]), (inner, ["origin=model"]))
    assert kept == ["Ana Ruiz"]


def test_a_cue_without_a_source_inside_another_quote_goes():
    inner = quote("fishermen to focus on the new quotas", "urged", "urge", None, None, 0.3)
    kept = survivors((OUTER, ["origin=verb"]), (inner, ["origin=verb", "src=none"]))
    assert kept == ["Ana Ruiz"]


def test_a_cue_noun_inside_another_quote_goes():
    inner = quote("fishermen to focus on the new quotas", "urged", "urge", "the harbour board", "Harbour Board", 0.3)
    kept = survivors((OUTER, ["origin=verb"]), (inner, ["origin=noun"]))
    assert kept == ["Ana Ruiz"]


def test_a_nested_attribution_yields_to_the_words_it_stands_in_however_confident():
    inner = quote("the new quotas", "to focus", "focus", "fishermen", "Fishermen", 0.9)
    kept = survivors((OUTER, ["origin=verb"]), (inner, ["origin=model"]))
    assert kept == ["Ana Ruiz"]


def test_the_more_confident_rival_stays_when_its_source_is_outside():
    rival = quote("fishermen to focus on the new quotas", "urged", "urge", "Mayor Ana Ruiz", "Mayor", 0.9)
    kept = survivors((OUTER, ["origin=verb"]), (rival, ["origin=model"]))
    assert kept == ["Mayor"]


def test_the_same_speaker_twice_is_no_rivalry():
    inner = quote("the new quotas", "to focus", "focus", "she", "Ana Ruiz", 0.3)
    kept = survivors((OUTER, ["origin=verb"]), (inner, ["origin=model"]))
    assert kept == ["Ana Ruiz", "Ana Ruiz"]
