"""`chronicle eval places`: the metrics' arithmetic, bad files, and a small run on GeoWebNews."""

import json

import pytest
from typer.testing import CliRunner

from chronicle.cli import app
from chronicle.evaluate.places import MAX_ERROR_KM, auc
from chronicle.geo import haversine_km
from tests.conftest import SHARED

runner = CliRunner()


def test_haversine_minsk_to_vilnius():
    assert 165 < haversine_km(53.90, 27.57, 54.69, 25.28) < 175


def test_auc_bounds():
    assert auc([0.0, 0.0]) == 0.0
    assert auc([MAX_ERROR_KM, MAX_ERROR_KM]) == pytest.approx(1.0)
    assert 0 < auc([10.0, 1000.0]) < 1


def test_bad_xml_is_one_line(tmp_path):
    bad = tmp_path / "broken.xml"
    bad.write_text("<articles><article>")
    result = runner.invoke(app, ["eval", "places", "--geowebnews", str(bad)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{bad}: cannot read GeoWebNews XML") and len(result.stderr.splitlines()) == 1


@pytest.mark.slow
def test_small_geowebnews_run():
    result = runner.invoke(app, ["eval", "places", "--geowebnews", str(SHARED / "eval/geoparsing/GeoWebNews.xml"),
                                 "--limit", "10"])
    assert result.exit_code == 0, result.stderr
    figures = json.loads(result.stdout)
    assert set(figures) >= {"geotagging", "accuracy_161km", "median_error_km", "mean_error_km", "auc"}
    assert figures["counts"]["articles"] == 10 and 0 < figures["geotagging"]["f1"] <= 1
