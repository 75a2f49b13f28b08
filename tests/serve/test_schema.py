"""Property-based run of the OpenAPI spec (schemathesis + hypothesis): no request may produce a 5xx."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from chronicle.serve import create_app
from chronicle.store import Store
from tests.serve.conftest import article_one, article_script


@pytest.fixture(scope="module")
def schema(tmp_path_factory):
    path = tmp_path_factory.mktemp("schema") / "schema.duckdb"
    with Store(path) as store:
        store.write(article_one())
        store.write(article_script())
    # /extract runs the spaCy pipeline; test_api covers it, so the fuzzing stays on the queries.
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(path)).exclude(path="/extract")


def operations(schema):
    return [result.ok() for result in schema.get_all_operations()]


@pytest.mark.slow
def test_no_server_errors(schema):
    ops = operations(schema)
    assert len(ops) >= 9

    for op in ops:
        fuzz(op)


def fuzz(op) -> None:
    @given(case=op.as_strategy())
    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
    def check(case):
        response = case.call()
        assert response.status_code < 500, (op.path, case.path_parameters, case.query)

    check()
