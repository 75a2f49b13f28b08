"""DuckDB schema derived from the record models, so a table can never drift from its record."""

from __future__ import annotations

import datetime as dt
import types
import typing
from typing import Any, Literal

import pyarrow as pa
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from chronicle.records import CHILD_RECORDS, Article, Failure, Record
from chronicle.store.aggregates import tables_markdown
from chronicle.stories.records import CONSOLIDATED_RECORDS

SCHEMA_VERSION = 1

_SQL_TYPES: dict[Any, str] = {
    str: "VARCHAR",
    int: "BIGINT",
    float: "DOUBLE",
    bool: "BOOLEAN",
    dt.date: "DATE",
    dt.datetime: "TIMESTAMPTZ",
}

STORED_RECORDS: dict[str, type[Record]] = {"articles": Article, **CHILD_RECORDS, "failures": Failure}

# Every table the store creates and documents: the per-article records, then the tables that
# consolidation derives from them across articles (stories, entities, event groups).
CREATED_RECORDS: dict[str, type[Record]] = {**STORED_RECORDS, **CONSOLIDATED_RECORDS}


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model of a `list[SomeModel]` field (stored as a DuckDB list of structs), else None."""
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        if isinstance(item, type) and issubclass(item, BaseModel):
            return item
    return None


def sql_type(annotation: Any) -> tuple[str, bool]:
    """(DuckDB type, nullable) for a record field annotation."""
    nested = _nested_model(annotation)
    if nested is not None:
        hints = typing.get_type_hints(nested)
        members = ", ".join(f"{n} {sql_type(hints[n])[0]}" for n in nested.model_fields)
        return f"STRUCT({members})[]", True
    nullable = False
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        nullable = len(args) < len(typing.get_args(annotation))
        annotation = args[0]
        origin = typing.get_origin(annotation)
    if origin is Literal:
        return "VARCHAR", nullable
    return _SQL_TYPES[annotation], nullable


def default_sql(field: FieldInfo) -> str | None:
    """SQL literal of a field's constant default (filled into older rows by a migration), else None."""
    value = field.default
    if value is None or value is PydanticUndefined or isinstance(value, dt.date):
        return None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return None


def columns(model: type[Record]) -> list[str]:
    return list(model.model_fields)


def quoted(names: list[str]) -> str:
    """Column list with every name quoted (records use words such as `end` that SQL reserves)."""
    return ", ".join(f'"{n}"' for n in names)


def create_table_sql(model: type[Record]) -> str:
    hints = typing.get_type_hints(model)
    cols = []
    for name in model.model_fields:
        sql, nullable = sql_type(hints[name])
        null = "" if nullable else " NOT NULL"
        cols.append(f'"{name}" {sql}{null}')
    if "id" in model.model_fields:
        cols.append("PRIMARY KEY (id)")
    return f"CREATE TABLE IF NOT EXISTS {model.table} ({', '.join(cols)})"


_ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMPTZ": pa.timestamp("us", tz="UTC"),
}


def arrow_type(annotation: Any) -> tuple[pa.DataType, bool]:
    """(Arrow type, nullable) for a record field annotation, matching `sql_type`."""
    nested = _nested_model(annotation)
    if nested is not None:
        hints = typing.get_type_hints(nested)
        members = [pa.field(n, arrow_type(hints[n])[0]) for n in nested.model_fields]
        return pa.list_(pa.struct(members)), True
    sql, nullable = sql_type(annotation)
    return _ARROW_TYPES[sql], nullable


def arrow_schema(model: type[Record]) -> pa.Schema:
    hints = typing.get_type_hints(model)
    return pa.schema([pa.field(name, *arrow_type(hints[name])) for name in model.model_fields])


def _arrow_value(value: Any) -> Any:
    if isinstance(value, list):
        return [v.model_dump() if isinstance(v, BaseModel) else v for v in value]
    return value


def to_arrow(rows: list[Record], model: type[Record]) -> pa.Table:
    schema = arrow_schema(model)
    columns = {name: [_arrow_value(getattr(r, name)) for r in rows] for name in schema.names}
    return pa.Table.from_pydict(columns, schema=schema)


def schema_markdown() -> str:
    """docs/schema.md, generated from the records (a test keeps the committed file in step)."""
    lines = [
        "# Store schema",
        "",
        "Generated from `src/chronicle/records.py` by `chronicle.store.schema.schema_markdown()`; do not edit.",
        f"Schema version {SCHEMA_VERSION}. Opening an older database adds the columns records have gained since;",
        "a database written by a newer chronicle is refused with the versions named.",
        "Offsets (`start`, `end`, `*_start`, `*_end`) are character offsets into `articles.text`, end-exclusive.",
        "",
    ]
    for table, model in CREATED_RECORDS.items():
        hints = typing.get_type_hints(model)
        doc = (model.__doc__ or "").strip().splitlines()[0] if model.__doc__ else ""
        lines += [f"## {table}", "", doc, "", "| column | type | null | meaning |", "| --- | --- | --- | --- |"]
        for name, field in model.model_fields.items():
            kind, nullable = sql_type(hints[name])
            meaning = (field.description or "").replace("|", "\\|")
            lines.append(f"| `{name}` | {kind} | {'yes' if nullable else 'no'} | {meaning} |")
        lines.append("")
    return "\n".join(lines + tables_markdown())
