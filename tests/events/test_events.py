"""Event coding on sentences of our own: passives, coordination, instruments, negation and modality,
constructions over reports, dates and quotes."""

import datetime as dt

import pytest

from chronicle.extract.event_patterns import cameo_to_plover, plover05_type


def events_of(extract, text, **fields):
    return extract(text, **fields).events


def only(events, event_type):
    matches = [e for e in events if e.event_type == event_type]
    assert matches, [(e.event_type, e.trigger, e.source_code, e.target_code) for e in events]
    return matches


def test_passive_takes_the_by_agent_as_source(extract):
    [event] = only(events_of(extract, "Belarus was sanctioned by the European Union."), "SANCTION")
    assert (event.source_code, event.target_code) == ("EU IGO", "BLR")


def test_passive_participle_with_instrument_object(extract):
    events = events_of(extract, "New sanctions were imposed on Belarus by the European Union on Monday.")
    [event] = only(events, "SANCTION")
    assert (event.source_code, event.target_code, event.trigger) == ("EU IGO", "BLR", "imposed")


def test_coordinated_sources_each_get_an_event(extract):
    events = only(events_of(extract, "Poland, Latvia and Lithuania condemned the attack on the border post."),
                  "ACCUSE")
    assert {e.source_code for e in events} == {"POL", "LVA", "LTU"}


def test_coordinated_targets_each_get_an_event(extract):
    events = only(events_of(extract, "Hungarian police arrested Austrian and Slovak smugglers and Czech drivers."),
                  "COERCE")
    assert {e.source_code for e in events} == {"HUN COP"}
    assert len({e.target for e in events}) == 2


def test_in_talks_gives_one_consultation_per_party(extract):
    events = only(events_of(extract, "Estonia and Finland are in talks with Sweden about the ferry link."), "CONSULT")
    assert {(e.source_code, e.target_code) for e in events} == {("EST", "SWE"), ("FIN", "SWE")}


def test_instrument_is_not_the_target(extract):
    [event] = only(events_of(extract, "Polish soldiers used water cannons against the migrants."), "COERCE")
    assert (event.source_code, event.target_code, event.mode) == ("POL MIL", "REF", "crowd-control")


def test_thrown_objects_and_a_misattached_target(extract):
    text = "Protesters hurled stones and petrol bombs at Greek riot police outside the parliament."
    [event] = only(events_of(extract, text), "ASSAULT")
    assert (event.source_code, event.target_code) == ("CVL", "GRC COP")


def test_negation_and_modality_are_attributes(extract):
    negated = only(events_of(extract, "Hungary did not condemn the raid."), "ACCUSE")[0]
    assert negated.negated and not negated.hypothetical
    maybe = only(events_of(extract, "Romania could impose sanctions on the importers."), "SANCTION")[0]
    assert maybe.hypothetical and not maybe.negated
    later = only(events_of(extract, "Austria will send supplies to the refugees."), "AID")[0]
    assert later.future and later.target_code == "REF" and not later.negated


def test_a_promise_is_an_agreement_and_what_is_promised_is_hypothetical(extract):
    events = events_of(extract, "The Latvian president promised to help the refugees.")
    [agree] = only(events, "AGREE")
    [aid] = only(events, "AID")
    assert (agree.source_code, agree.target_code) == ("LVA GOV", "REF")
    assert aid.hypothetical and not agree.hypothetical


def test_reported_obligation_is_a_request(extract):
    [event] = only(events_of(extract, "The Czech minister said that Moldova must release the prisoners."), "REQUEST")
    assert (event.source_code, event.target_code) == ("CZE GOV", "MDA")


def test_calling_someone_a_criminal_is_an_accusation(extract):
    [event] = only(events_of(extract, "A Slovak senator said the Serbian general was a criminal."), "ACCUSE")
    assert (event.source_code, event.target_code, event.mode) == ("SVK LEG", "SRB MIL", "disapprove")


def test_event_date_from_the_sentence_or_the_publication(extract):
    events = events_of(extract, "Spain condemned the raid on Tuesday. Italy condemned it too.",
                       published=dt.date(2022, 3, 4))
    by_source = {e.source_code: e for e in events}
    assert by_source["ESP"].date == dt.date(2022, 3, 1) and by_source["ESP"].date_origin == "expression"
    # no date of its own: the story's current day carries on (event_time; tests/dates/test_event_time.py)
    assert by_source["ITA"].date == dt.date(2022, 3, 1) and by_source["ITA"].date_origin == "expression"


def test_first_person_in_a_quote_is_the_speaker(extract):
    records = extract('"We will send aid to Ukraine," the Polish foreign minister said on Friday.')
    [event] = only(records.events, "AID")
    assert event.quote_id is not None and event.source_code == "POL GOV" and event.target_code == "UKR"


def test_event_links_to_its_place(extract):
    records = extract("Turkish police detained dozens of protesters in Ankara.")
    [event] = only(records.events, "COERCE")
    place = next(p for p in records.places if p.id == event.place_id)
    assert place.text == "Ankara"


@pytest.mark.parametrize(("cameo", "expected"), [("0841", ("RETREAT", "release")), ("163", ("COERCE", "restrict")),
                                                 ("112", ("ACCUSE", "disapprove")), ("1823", ("ASSAULT", None)),
                                                 ("046", ("CONSULT", None)), ("010", None)])
def test_cameo_codes_convert_to_plover(cameo, expected):
    assert cameo_to_plover(cameo) == expected


def test_plover05_names():
    assert plover05_type("REQUEST", None) == "DEMAND"
    assert plover05_type("ACCUSE", "investigate") == "INVESTIGATE"
    assert plover05_type("ACCUSE", "allege") == "DISAPPROVE"
    assert plover05_type("ASSAULT", None, source_sector="MIL", source_country="ISR") == "FIGHT"
    assert plover05_type("ASSAULT", "beat", source_sector="REB", source_country="AFG") == "ASSAULT"
    assert plover05_type("AID", None, future=True) == "AGREE"
    assert plover05_type("AGREE", None, negated=True) == "REJECT"
