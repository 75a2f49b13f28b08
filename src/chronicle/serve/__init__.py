"""Serving: the HTTP API and the web page (`chronicle serve`)."""

from chronicle.serve.app import create_app

__all__ = ["create_app"]
