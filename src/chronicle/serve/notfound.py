"""The one way an endpoint answers a lookup that found nothing: 404 naming what was asked for."""

from __future__ import annotations

from typing import TypeVar

from fastapi import HTTPException

Found = TypeVar("Found")


def found_or_404(found: Found | None, what: str, key: str) -> Found:
    """`found`, or a 404 whose detail names the missing record ("no story 's:abc'")."""
    if found is None:
        raise HTTPException(404, detail=f"no {what} {key!r}")
    return found
