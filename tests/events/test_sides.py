"""Event sides recovered where the finder's side is no actor: named instances of a class, …
(sentences of our own)."""


def events_of(extract, text):
    records = extract(text)
    names = {a.id: a.name for a in records.actors}
    return [(e.event_type, names.get(e.source_id), names.get(e.target_id)) for e in records.events]


def test_a_class_with_named_instances_is_those_instances(extract):
    text = "The Varnian mining firm Oreco faced criticism from senators like Marco Diaz and Peter Novak."
    sources = {e[1] for e in events_of(extract, text) if e[0] == "ACCUSE"}
    assert {"Marco Diaz", "Peter Novak"} <= sources


def test_a_class_without_named_instances_stays_itself(extract):
    text = "Senator Ana Ruiz was criticized by politicians like her."
    for event in events_of(extract, text):
        assert event[1] != "Ana Ruiz", event
