"""Coreference by agreement and identity (`extract.coref`, `extract.actors`): which actor a pronoun
joins, and which names are one actor."""

from chronicle.extract.actors import _Actor, _body_name, _named_by_surname, _person_noun, _surname_like


def mentions_by_actor(records):
    names = {a.id: a.name for a in records.actors}
    found: dict[str, list[str]] = {}
    for m in records.mentions:
        found.setdefault(names[m.actor_id], []).append(m.text)
    return found


def test_a_body_name_before_a_possessive_ending_is_an_organisation(nlp):
    doc = nlp("Gifts from the Greg Hollis Foundation's trustees went to schools.")
    start = [t.text for t in doc].index("Greg")
    assert _body_name(doc[start : start + 4])  # "Greg Hollis Foundation 's"


def test_a_two_word_body_after_a_persons_name_is_an_organisation(nlp):
    doc = nlp("Aides in the Hollis White House said nothing.")
    start = [t.text for t in doc].index("Hollis")
    assert _body_name(doc[start : start + 3])
    assert not _body_name(doc[start : start + 1])


def test_they_takes_a_group_before_a_state(extract):
    records = extract("Dairy farmers marched through the capital on Monday. The talks with Poland had failed, "
                      "they said.")
    found = mentions_by_actor(records)
    assert "they" not in found.get("Poland", [])
    assert any("they" in mentions for name, mentions in found.items() if "farmers" in name)


def test_a_pronoun_inside_quotation_marks_does_not_settle_the_speakers_gender(extract):
    # "she" inside the quotation is the speaker's mother; "He said" outside it is the speaker
    # (a first name on no list, census or birth counts: the gender comes from the pronouns)
    records = extract('Oluwaseun Adeyola spoke to reporters on Monday. "My mother called, and she was upset," Adeyola '
                      'said. He said the plan would go ahead anyway.')
    gender = {a.name: a.gender for a in records.actors}
    assert gender.get("Oluwaseun Adeyola") == "male"
    assert "He" in mentions_by_actor(records)["Oluwaseun Adeyola"]


def test_a_subject_pronoun_takes_the_subject_before_a_person_known_to_agree(extract):
    # "Daskal" has no first name that tells a gender; "Mr. Berg" has an honorific, but he is not the subject
    records = extract("Asked about Mr. Berg on Monday, Varo Daskal said he would sign the bill.")
    found = mentions_by_actor(records)
    assert "he" in found["Varo Daskal"]
    assert "he" not in found.get("Berg", [])


def test_an_organisation_tagged_name_with_a_persons_role_in_apposition_is_a_person(nlp):
    doc = nlp("Varlow, the party chairman, said the vote was fair.")
    actor = _Actor("organisation", "Varlow", ("varlow",), mentions=[(doc[0:1], "name")])
    assert _surname_like(actor)
    assert _person_noun(doc[4])  # "chairman"
    assert not _person_noun(doc[3])  # "party"
    body = nlp("Varnitex Foundation, the charity, said so.")
    assert not _surname_like(_Actor("organisation", "Varnitex Foundation", ("varnitex", "foundation"),
                                    mentions=[(body[0:2], "name")]))


def test_they_after_coordinated_people_is_the_first_of_them(extract):
    records = extract("Tomas Reyl and Anna Berg met the board on Monday. They said the plan would fail.")
    found = mentions_by_actor(records)
    assert "They" in found["Tomas Reyl"]
    assert "They" not in found.get("Anna Berg", [])


def test_the_president_is_not_the_vice_president(extract):
    records = extract("Vice President Tom Berg met voters in Varnia on Monday. Later the president said the plan "
                      "would pass.")
    found = mentions_by_actor(records)
    assert "president" not in found.get("Tom Berg", [])
    roles = {a.name: a.role for a in records.actors}
    assert roles.get("Tom Berg") == "Vice President"


def test_an_organisation_tagged_name_also_named_by_its_last_word_is_a_person(nlp):
    doc = nlp("Adel Nefzi spoke first. Later Nefzi said the mosque was open.")
    actor = _Actor("organisation", "Adel Nefzi", ("adel", "nefzi"),
                   mentions=[(doc[0:2], "name"), (doc[6:7], "name")])
    assert _named_by_surname(actor)
    body = nlp("American Crossroads spent more. Crossroads said so.")
    assert not _named_by_surname(_Actor("organisation", "American Crossroads", ("american", "crossroads"),
                                        mentions=[(body[0:2], "name"), (body[5:6], "name")]))


def test_an_honorific_against_the_one_namesakes_first_name_is_another_person(extract):
    records = extract("Susan Varley met voters in Ohio on Monday. Mr. Varley said later that the plan would fail.")
    found = mentions_by_actor(records)
    assert "Varley" not in found["Susan Varley"]
    assert any(a.name == "Varley" and a.gender == "male" for a in records.actors)
