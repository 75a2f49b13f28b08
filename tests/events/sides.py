"""The events of a sentence of our own as (type, source actor, target actor, source text, target text)
tuples: what the side tests compare."""


def named_sides(extract, text):
    records = extract(text)
    names = {a.id: a.name for a in records.actors}
    return [(e.event_type, names.get(e.source_id), names.get(e.target_id), e.source, e.target) for e in records.events]


def only(events, event_type):
    found = [e for e in events if e[0] == event_type]
    assert found, events
    return found
