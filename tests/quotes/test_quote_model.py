"""The quote confidence model (data/quotes/quote_model.json): logistic weights and the boosted trees
on their log-odds, the trees walked together as node arrays."""

from __future__ import annotations

import json
import math

from chronicle.extract.quotes import QuoteModel, TreeEnsemble, quote_model

# "cue=say" splits first; with it, "route=name" splits again
TREE = [["cue=say", 1, 2], ["route=name", 3, 4], [-0.5], [0.75], [0.25]]


def test_tree_follows_present_and_absent_features():
    one = TreeEnsemble.compile((TREE,))
    assert one.log_odds(["cue=say", "route=name", "kind=direct"]) == 0.75
    assert one.log_odds(["cue=say"]) == 0.25
    assert one.log_odds(["route=name"]) == -0.5
    assert TreeEnsemble.compile(([[0.1]],)).log_odds([]) == 0.1  # a tree that is only a leaf


def test_trees_of_different_depths_each_reach_their_leaf():
    # the shallow tree is at its leaf after one level while the deep one walks on
    ensemble = TreeEnsemble.compile(([["route=name", 1, 2], [2.0], [-1.0]], TREE, [[0.1]]))
    assert ensemble.depth == 2
    assert math.isclose(ensemble.log_odds(["cue=say", "route=name"]), 2.0 + 0.75 + 0.1)
    assert math.isclose(ensemble.log_odds([]), -1.0 - 0.5 + 0.1)


def test_score_adds_trees_to_the_logistic_sum():
    model = QuoteModel(weights={"cue=say": 1.0, "kind=direct": 0.5}, bias=-1.0, trees=(TREE, TREE))
    z = -1.0 + 1.0 + 0.5 + 2 * 0.75
    assert math.isclose(model.score(["cue=say", "kind=direct", "route=name"]), 1 / (1 + math.exp(-z)))
    logistic_only = QuoteModel(weights=model.weights, bias=model.bias)
    assert math.isclose(logistic_only.score(["cue=say"]), 0.5)


def test_loader_reads_trees_and_a_file_without_them(tmp_path):
    with_trees = tmp_path / "with.json"
    with_trees.write_text(json.dumps({"bias": 0.0, "weights": {}, "trees": [TREE]}), encoding="utf-8")
    assert quote_model(with_trees).score(["cue=say"]) == 1 / (1 + math.exp(-0.25))
    without = tmp_path / "without.json"
    without.write_text(json.dumps({"bias": 0.0, "weights": {"cue=say": 2.0}}), encoding="utf-8")
    assert quote_model(without).trees == ()


def test_shipped_model_has_trees_over_known_features():
    model = quote_model()
    assert model is not None and model.trees
    splits = {node[0] for tree in model.trees for node in tree if len(node) == 3}
    assert splits and all("=" in f or f.isidentifier() for f in splits)
