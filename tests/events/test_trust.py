"""The failure classes of issue 12, each pinned on a sentence of our own: one event per act (restated
acts become mentions), roles from passives and possessive nominalisations, things that are not
events, verbal attacks, the calibrated confidence and the default threshold."""

from chronicle.confidence import EVENTS_MIN_CONFIDENCE, keep_confident
from chronicle.extract.event_patterns import event_model, leaving_out, lexicon


def typed(records, event_type):
    return [e for e in records.events if e.event_type == event_type]


def test_a_restated_act_is_one_event_with_mentions(extract):
    text = ("Police arrest opposition leader Marek Novak.\n\n"
            "Police in Ostrava arrested the opposition leader Marek Novak on Friday. "
            "Novak's lawyer said the arrest of Marek Novak by the police was unlawful.")
    records = extract(text)
    [arrest] = typed(records, "COERCE")
    assert "Novak" in arrest.target
    assert len(arrest.mentions) == 2
    assert {m.trigger for m in arrest.mentions} | {arrest.trigger} == {"arrest", "arrested"}
    assert all(m.sentence_start < m.trigger_start < m.sentence_end for m in arrest.mentions)


def test_different_targets_stay_different_events(extract):
    records = extract("Police arrested Marek Novak on Friday. On Saturday police arrested Jana Horak.")
    assert len(typed(records, "COERCE")) == 2


def test_shot_down_has_no_source(extract):
    [event] = typed(extract("A Ruritanian army helicopter was shot down near the border on Tuesday."), "ASSAULT")
    assert event.source is None and event.source_code is None


def test_possessive_nominalisation_is_the_target(extract):
    [release] = typed(extract("The rebels welcomed the hostages' release by the Ruritanian government."), "RETREAT")
    assert release.target == "the hostages" and "government" in release.source
    [arrest] = typed(extract("Following Marek Novak's arrest in Prague, his party protested."), "COERCE")
    assert "Novak" in arrest.target and arrest.source is None


def test_executing_a_warrant_is_not_a_killing(extract):
    records = extract("Federal agents executed a search warrant at the senator's office.")
    assert not typed(records, "ASSAULT")
    assert typed(extract("The militia executed three prisoners."), "ASSAULT")


def test_recognising_a_fact_is_not_recognition(extract):
    assert not typed(extract("The chancellor recognized that her country had made mistakes."), "SUPPORT")
    assert typed(extract("Ruritania recognized Freedonia as a state."), "SUPPORT")


def test_market_moves_and_link_furniture_are_not_events(extract):
    assert not extract("Shares of the airline fell sharply after prices rose.").events
    records = extract("Also on example.com: Police arrested a protester in Lima.")
    assert not records.events


def test_a_politician_attacking_a_rival_disapproves(extract):
    records = extract("Senator Jane Morrow attacked Governor Tom Bell over the budget on Monday.")
    assert typed(records, "ACCUSE") and not typed(records, "ASSAULT")
    records = extract("Gunmen attacked a police station in the capital.")
    assert typed(records, "ASSAULT")


def test_strong_judgements_are_disapproval_or_praise(extract):
    [event] = typed(extract("Senator Jane Morrow said Governor Tom Bell was incompetent and dishonest."), "ACCUSE")
    assert "Morrow" in event.source and "Bell" in event.target
    assert typed(extract("Senator Jane Morrow mocked Governor Tom Bell."), "ACCUSE")


def test_every_event_has_someone_in_it(extract):
    records = extract("The attack came at night. Talks were held.")
    assert all(e.source or e.target for e in records.events)


def test_confidence_is_a_probability_and_the_default_keeps_the_confident(extract):
    records = extract("Senator Jane Morrow criticized Governor Tom Bell on Monday. The ministry said things.")
    assert records.events and all(0.0 <= e.confidence <= 1.0 for e in records.events)
    kept = keep_confident(records)
    assert all(e.confidence >= EVENTS_MIN_CONFIDENCE for e in kept.events)
    weights = event_model().weights
    # an event between two resolved actors is more likely right than one between two bare phrases
    assert weights.get("roles=actor:actor", 0.0) > weights.get("roles=other:other", 0.0)


def test_leaving_out_lexicon_entries_is_temporary():
    assert "arrest" in lexicon().verbs
    with leaving_out({"arrest"}):
        assert "arrest" not in lexicon().verbs
    assert "arrest" in lexicon().verbs


def test_a_material_act_done_to_a_message_is_publishing(extract):
    assert not typed(extract("The Ruritanian ministry released a statement on Monday."), "RETREAT")
    [release] = typed(extract("The Ruritanian army released two captured journalists on Monday."), "RETREAT")
    assert "journalists" in release.target


def test_an_event_needs_a_resolved_side(extract):
    # bare things on both sides: no actor, no coded phrase, no name
    assert not extract("The storm destroyed the old wooden bridge near the river.").events
    [arrest] = typed(extract("Ruritanian police arrested the old man near the river."), "COERCE")
    assert arrest.source_code and "RUR" not in (arrest.target or "")


def test_a_bare_material_verb_needs_a_resolved_doer(extract):
    # "leave" is coded only through the CAMEO dictionary's material blocks: alone it says an act only
    # when a resolved actor does it
    records = extract("The old delegation left Olaf Brandt's office early on Tuesday.")
    assert not [e for e in records.events if e.trigger == "left"]


def test_a_name_before_a_thing_stands_for_its_actor(extract):
    records = extract("Olaf Brandt said on Monday that he would run again. "
                      "Senator Jane Miller denounced the Brandt tax plan on Tuesday.")
    [denounce] = typed(records, "ACCUSE")
    brandt = next(a for a in records.actors if a.name == "Olaf Brandt")
    assert denounce.target_id == brandt.id


def test_confidence_features_say_where_the_trigger_stands(extract, monkeypatch):
    from chronicle.extract import events as stage

    seen: list[dict[str, float]] = []
    original = stage.event_features

    def spy(*args, **kwargs):
        features = original(*args, **kwargs)
        seen.append(features)
        return features

    monkeypatch.setattr(stage, "event_features", spy)
    extract("The minister said Ruritanian troops attacked the village of Dolna. "
            "Ruritanian troops attacked the town of Gorna on Friday.")
    reported = [f for f in seen if "lemma=attack" in f and "reported" in f]
    later = [f for f in seen if "lemma=attack" in f and "type_before" in f]
    assert reported and later
    assert all(f"word:lemma_type=attack:{t}" in f for f in seen if "lemma=attack" in f
               for t in [next(k[5:] for k in f if k.startswith("type="))])


def test_calling_someone_a_bad_name_is_a_disapproval(extract):
    records = extract("Senator Jane Miller called Governor Olaf Brandt a disaster on Monday.")
    [called] = [e for e in records.events if e.trigger == "called"]
    assert called.event_type == "ACCUSE" and "Brandt" in called.target and "Miller" in called.source


def test_a_noun_the_lexicon_lists_as_a_verb_is_an_event(extract):
    # "request" and "charge" are verbs in lexicon.yaml; as nouns they take the verb's sense
    [request] = [e for e in extract("Officials are studying Moldavia's request for talks.").events
                 if e.trigger == "request"]
    assert request.event_type == "REQUEST" and request.source == "Moldavia"
    [charges] = [e for e in extract("Marek Novak's charges were read out in court on Monday.").events
                 if e.trigger == "charges"]
    assert charges.event_type == "COERCE" and "Novak" in charges.target


def test_a_resolved_participant_wins_over_a_parse_alternative(extract):
    # the parser also offers "a news conference" as what was praised: one act, one target
    records = extract("At a news conference before the town hall, Senator Jane Miller praised Governor "
                      "Olaf Brandt for cutting taxes.")
    [praise] = typed(records, "SUPPORT")
    assert "Brandt" in praise.target


def test_a_verb_without_a_sense_of_its_own_lends_its_subject_to_the_event_noun(extract):
    [criticism] = typed(extract("Senator Jane Miller lobbed fierce criticism at Governor Olaf Brandt."), "ACCUSE")
    assert "Miller" in criticism.source
    # perceiving is not doing: the witness does not protest
    [protests] = typed(extract("Senator Jane Miller witnessed protests against Governor Olaf Brandt."), "PROTEST")
    assert protests.source is None or "Miller" not in protests.source
