"""A local Ray cluster produces exactly the single-process records, as Parquet shards in the store schema."""

from __future__ import annotations

import shutil

import pytest

from chronicle.distributed.inputs import expand_inputs
from chronicle.distributed.load import load_shards
from chronicle.distributed.ray_engine import run_ray
from chronicle.distributed.shards import group_by_table, read_table, to_arrow
from chronicle.ingest import read_inputs
from chronicle.pipeline import PipelineConfig
from chronicle.store import Store
from chronicle.store.schema import STORED_RECORDS
from tests.conftest import EXAMPLES


def rows(table, name: str) -> list[dict]:
    """Rows of a table in a stable order, without the wall-clock column failures carry."""
    dicts = [{k: v for k, v in r.items() if k != "at"} for r in table.to_pylist()]
    keys = [k for k in ("id", "input", "reason") if k in STORED_RECORDS[name].model_fields]
    return sorted(dicts, key=lambda r: tuple(str(r[k]) for k in keys))


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, folder)
    (folder / "broken.bin").write_bytes(b"\x00\x01\x02 not an article")
    (folder / "copy-of-first.txt").write_text(sorted(EXAMPLES.glob("*.txt"))[0].read_text())
    return folder


@pytest.mark.slow
def test_ray_local_run_equals_single_process(corpus, tmp_path, pipeline):
    files = expand_inputs([str(corpus)])
    expected = group_by_table(pipeline.run(read_inputs(files)))
    assert expected["articles"] and expected["failures"], "the corpus must hold good and bad inputs"

    out = tmp_path / "shards"
    summary = run_ray(files, out, PipelineConfig(), workers=2, files_per_shard=2)
    assert summary.shards == -(-len(files) // 2)

    for name, model in STORED_RECORDS.items():
        assert rows(read_table(out, name), name) == rows(to_arrow(expected[name], model), name), name

    with Store(tmp_path / "loaded.duckdb") as store:
        load_shards(store, out)
        first = store.counts()
        load_shards(store, out)  # loading again adds nothing
        assert store.counts() == first
    distinct_articles = len({a.id for a in expected["articles"]})
    assert first["articles"] == distinct_articles < len(expected["articles"])
