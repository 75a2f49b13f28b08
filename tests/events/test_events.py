"""Event coding on sentences of our own: actors' codes, passives, coordination, negation and modality."""


def events_of(extract, text, **fields):
    return extract(text, **fields).events


def only(events, event_type):
    matches = [e for e in events if e.event_type == event_type]
    assert matches, [(e.event_type, e.trigger) for e in events]
    return matches


def test_actor_codes_from_titles(extract):
    records = extract("Estonian MP Maria Tamm met Latvian President Janis Berzins in Riga.")
    codes = {a.name: a.code for a in records.actors if a.kind == "person"}
    assert codes["Maria Tamm"] == "EST LEG" and codes["Janis Berzins"] == "LVA GOV"


def test_passive_sanctions_take_the_agent_as_source(extract):
    [event] = only(events_of(extract, "Belarus was sanctioned by the European Union."), "SANCTION")
    assert event.source_code == "EU IGO" and event.target_code == "BLR"


def test_coordinated_sources_each_get_an_event(extract):
    events = only(events_of(extract, "Poland, Latvia and Lithuania condemned the attack on the border post."),
                  "DISAPPROVE")
    assert {e.source_code for e in events} == {"POL", "LVA", "LTU"}


def test_instrument_is_not_the_target(extract):
    [event] = only(events_of(extract, "Polish soldiers used water cannons against the migrants."), "COERCE")
    assert (event.source_code, event.target_code, event.mode) == ("POL MIL", "REF", "crowd control")


def test_negation_and_modality_are_attributes(extract):
    negated = only(events_of(extract, "Hungary did not condemn the raid."), "DISAPPROVE")[0]
    assert negated.negated and not negated.hypothetical
    maybe = only(events_of(extract, "Romania could impose sanctions on the importers."), "SANCTION")[0]
    assert maybe.hypothetical and not maybe.negated
    later = only(events_of(extract, "Austria will send supplies to the refugees."), "AID")[0]
    assert later.future and later.target_code == "REF"


def test_event_date_from_the_sentence_or_the_publication(extract):
    import datetime as dt

    events = events_of(extract, "Spain condemned the raid on Tuesday. Italy condemned it too.",
                       published=dt.date(2022, 3, 4))
    by_source = {e.source_code: e for e in events}
    assert by_source["ESP"].date == dt.date(2022, 3, 1) and by_source["ESP"].date_origin == "expression"
    assert by_source["ITA"].date == dt.date(2022, 3, 4) and by_source["ITA"].date_origin == "publication"
