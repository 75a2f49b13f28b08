"""Read-side views of the consolidated tables, shared by `chronicle stories`, the Python API and HTTP.

Each takes a DuckDB connection or cursor and returns plain dicts; every caller value is a parameter.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb

from chronicle.stories.consolidate import SOURCE_SQL


def _rows(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description or []]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


ARTICLES_SQL = f"""
SELECT s.story_id, a.id, a.input, a.url, a.title, {SOURCE_SQL} AS source, a.published, s.duplicate_of
FROM story_articles s JOIN articles a ON a.id = s.article_id
WHERE list_contains(?, s.story_id)
ORDER BY a.published NULLS LAST, a.id
"""


def stories(con: duckdb.DuckDBPyConnection, *, since: dt.date | None = None, limit: int | None = None,
            offset: int = 0, story_id: str | None = None) -> list[dict[str, Any]]:
    """Stories (newest last-seen first), each with its articles in publication order."""
    where, params = ["TRUE"], []
    if since is not None:
        where.append("last_seen >= ?")
        params.append(since)
    if story_id is not None:
        where.append("id = ?")
        params.append(story_id)
    page = " LIMIT ? OFFSET ?" if limit is not None else ""
    found = _rows(con.execute(
        "SELECT id AS story_id, title, first_seen, last_seen, num_articles, num_sources FROM stories "
        f"WHERE {' AND '.join(where)} ORDER BY last_seen DESC NULLS LAST, first_seen DESC NULLS LAST, id{page}",
        [*params, *([limit, offset] if limit is not None else [])]))
    members: dict[str, list[dict[str, Any]]] = {s["story_id"]: [] for s in found}
    for row in _rows(con.execute(ARTICLES_SQL, [list(members)])):
        members[row.pop("story_id")].append(row)
    return [{**s, "articles": members[s["story_id"]]} for s in found]


def count_stories(con: duckdb.DuckDBPyConnection, since: dt.date | None = None) -> int:
    sql, params = "SELECT count(*) FROM stories", []
    if since is not None:
        sql, params = sql + " WHERE last_seen >= ?", [since]
    return con.execute(sql, params).fetchone()[0]  # type: ignore[index]


def entity(con: duckdb.DuckDBPyConnection, key: str) -> dict[str, Any] | None:
    """One entity, the article-level actors and places linked to it, and the event groups it takes part in."""
    found = _rows(con.execute("SELECT * FROM entities WHERE key = ?", [key]))
    if not found:
        return None
    return {
        "entity": found[0],
        "links": _rows(con.execute("SELECT * FROM entity_links WHERE entity_key = ? ORDER BY article_id, record_id",
                                   [key])),
        "event_groups": _rows(con.execute(
            "SELECT * FROM event_groups WHERE source_key = ? OR target_key = ? OR place_key = ? "
            "ORDER BY date NULLS LAST, id", [key, key, key])),
    }


def event_groups(con: duckdb.DuckDBPyConnection, *, type: str | None = None, actor: str | None = None,
                 start: dt.date | None = None, end: dt.date | None = None, limit: int = 50,
                 offset: int = 0) -> dict[str, Any]:
    """Event groups (one row per act), each with its member events, most reported first."""
    where, params = ["TRUE"], []
    if type:
        where.append("upper(event_type) = upper(?)")
        params.append(type)
    if actor:
        where.append("(source_key = ? OR target_key = ? OR source_key ILIKE ? OR target_key ILIKE ?)")
        params += [actor, actor, f"%{actor}%", f"%{actor}%"]
    if start:
        where.append("date >= ?")
        params.append(start)
    if end:
        where.append("date <= ?")
        params.append(end)
    clause = " AND ".join(where)
    total = con.execute(f"SELECT count(*) FROM event_groups WHERE {clause}", params).fetchone()[0]  # type: ignore[index]
    items = _rows(con.execute(f"SELECT * FROM event_groups WHERE {clause} "
                              "ORDER BY num_articles DESC, num_mentions DESC, id LIMIT ? OFFSET ?",
                              [*params, limit, offset]))
    members: dict[str, list[dict[str, Any]]] = {g["id"]: [] for g in items}
    for row in _rows(con.execute("SELECT * FROM event_group_members WHERE list_contains(?, group_id) "
                                 "ORDER BY group_id, article_id, event_id", [list(members)])):
        members[row["group_id"]].append(row)
    return {"total": total, "limit": limit, "offset": offset,
            "items": [{**g, "members": members[g["id"]]} for g in items]}
