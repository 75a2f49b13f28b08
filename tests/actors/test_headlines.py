"""Title-case headlines on headlines of our own: verbs NER runs into names ("Governor Warns") or the
tagger takes for group nouns ("Storm Forces …") are not actors; headline actors the body confirms stay."""


def article(extract, title: str, body: str):
    return extract(f"{title}\n\n{body}", title=title)


def headline_mentions(records, title: str) -> dict[str, str]:
    """Mention text → actor name, for the mentions inside the headline."""
    names = {a.id: a.name for a in records.actors}
    return {m.text: names[m.actor_id] for m in records.mentions if m.end <= len(title)}


def test_a_title_and_a_verb_are_not_a_person(extract):
    title = "Governor Warns of Winter Fuel Shortages at Northern Depots, Pledges Emergency Aid"
    records = article(extract, title, "Halvard's regional governor said on Monday that fuel stocks at three depots "
                      "would run out within a week. \"We will not let anyone freeze,\" Governor Ines Falk told "
                      "reporters in the town of Brenn.")
    assert not any("Warns" in a.name for a in records.actors)
    falk = next(a for a in records.actors if a.name == "Ines Falk")
    # the role nominal is not absorbed by a headline "person": it goes to the governor the body names
    assert any(m.text == "Halvard's regional governor" and m.actor_id == falk.id for m in records.mentions)


def test_a_verb_is_not_a_group_noun_or_a_name(extract):
    for title, body in [
        ("Storm Forces Ferries Into Port", "A storm kept all ferries in port on Monday, the harbour master said."),
        ("Strike Forces Airline to Cancel Flights",
         "A strike by baggage handlers made the carrier cancel 40 flights on Monday, a company spokesman said."),
    ]:
        records = article(extract, title, body)
        assert headline_mentions(records, title) == {}, title
        assert not any(a.sector == "MIL" for a in records.actors), title


def test_a_name_is_cut_back_to_the_words_the_body_confirms(extract):
    title = "Tamm Vows to Fight Budget Cuts"
    records = article(extract, title, "Estonian MP Maria Tamm said on Tuesday she would fight the cuts in parliament.")
    assert headline_mentions(records, title) == {"Tamm": "Maria Tamm"}


def test_verb_modifiers_are_cut_from_a_headline_role(extract):
    title = "Protest Forces Minister to Cancel Visit"
    records = article(extract, title, "Hundreds of farmers blocked the road to the town hall, and the agriculture "
                      "minister called off his visit, his office said.")
    assert not any("Forces" in a.name for a in records.actors)
    assert "Minister" in headline_mentions(records, title)


def test_headline_actors_the_body_confirms_stay(extract):
    title = "Troops Must Leave the Valley Now, Says Estonian MP"
    records = article(extract, title, "Estonian MP Maria Tamm said on Tuesday that foreign troops had no business "
                      "in the valley. The MP told a radio station that she would raise the issue in parliament.")
    mentions = headline_mentions(records, title)
    assert mentions["Estonian MP"] == "Maria Tamm"  # a nationality and a title are not a name of their own
    assert not any(a.name == "Estonian" for a in records.actors)

    title = "Rebel Forces Seize Border Town After Week of Fighting"
    records = article(extract, title, "Rebel forces seized the town of Kallis on Sunday after a week of fighting "
                      "with government troops, residents said.")
    rebels = [a for a in records.actors if a.name.lower() == "rebel forces"]
    assert len(rebels) == 1 and rebels[0].mention_count == 2  # the headline's forces are the body's


def test_the_headline_ends_at_the_first_token_of_the_body(nlp):
    from chronicle.extract.actors import title_case_headline

    doc = nlp("Storm Forces Ferries Into Port Across Northern Coast\n\nA storm kept all ferries in port on Monday.")
    headline = title_case_headline(doc, has_title=True)
    assert headline is not None
    assert doc[: headline.end].text.rstrip() == "Storm Forces Ferries Into Port Across Northern Coast"
    assert doc[headline.end :].text.startswith("\n\nA storm")
    # a sentence-case first paragraph is no title-case headline
    assert title_case_headline(nlp("A storm kept ferries in port.\n\nThe harbour master said so."), True) is None
