"""The event confidence model (`data/events/event_model.json`): it is applied without scikit-learn, its
cross-validated reliability table is calibrated, and the default threshold is the one the rule picks."""

import json
import subprocess
import sys

from chronicle.confidence import EVENTS_MIN_CONFIDENCE
from chronicle.extract.event_confidence import _tone
from chronicle.extract.event_patterns import DATA, event_model

MODEL = json.loads((DATA / "event_model.json").read_text(encoding="utf-8"))


def test_the_model_applies_without_scikit_learn():
    # scikit-learn is a development dependency: blocking its import must not stop the stage's model
    code = (
        "import sys; sys.modules['sklearn'] = None\n"
        "from chronicle.extract.event_patterns import event_model\n"
        "p = event_model().probability({'bias': 1.0, 'type=ACCUSE': 1.0, 'roles=actor:actor': 1.0})\n"
        "assert 0.0 < p < 1.0, p\n"
        "import chronicle.extract.events\n"
        "print(p)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_the_summed_weights_give_a_calibrated_probability():
    model = event_model()
    assert model.scale > 0
    # an event with no other evidence is unlikely to be all right (one in twelve silver events is);
    # two resolved actors raise the chance, the CAMEO table's bare material verbs lower it
    bare = model.probability({"bias": 1.0})
    both = model.probability({"bias": 1.0, "roles=actor:actor": 1.0, "source=actor": 1.0, "target=actor": 1.0})
    material = model.probability({"bias": 1.0, "origin=cameo-material": 1.0})
    assert material < bare < 0.2 and bare < both


def test_the_cross_validated_reliability_is_calibrated():
    # each band's share right lies near the band; of the events at >= c, at least about c are right
    table = MODEL["cv_reliability"]
    for i, (low, high, n, share) in enumerate(table):
        if n >= 10:
            assert low - 0.1 <= share <= high + 0.1, (low, high, share)
        above = table[i:]
        events = sum(band[2] for band in above)
        assert sum(band[2] * band[3] for band in above) / events >= low - 0.05, low


def test_the_default_threshold_is_the_rules_and_meets_the_bars():
    # the rule: the lowest threshold at which silver CV type precision >= 0.70 and all-right >= 0.50
    assert MODEL["threshold_by_rule"] == EVENTS_MIN_CONFIDENCE
    at = MODEL["cv_at_threshold"]
    assert at["precision"] >= 0.70 and at["all_right"] >= 0.50


def test_the_trigger_tone_is_the_packaged_valence_sign(nlp):
    doc = nlp("The senator criticized the governor, praised the mayor and met the minister.")
    tones = {t.lower_: _tone(t) for t in doc if t.pos_ == "VERB"}
    assert tones == {"criticized": "neg", "praised": "pos", "met": "none"}
