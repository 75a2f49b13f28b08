"""Fixtures: the local site, and a guard that records (and refuses) every connection not to 127.0.0.1."""

from __future__ import annotations

import socket

import pytest

from tests.watch.site import Site


@pytest.fixture
def connections(monkeypatch):
    """Every address the code under test connects to; anything but 127.0.0.1 is refused before it leaves."""
    seen: list[tuple] = []
    real_connect = socket.socket.connect

    def guarded(sock, address):
        seen.append(address)
        if not (isinstance(address, tuple) and address[0] == "127.0.0.1"):
            raise ConnectionRefusedError(f"test guard: no connection to {address!r}")
        return real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    yield seen
    assert all(a[0] == "127.0.0.1" for a in seen), seen


@pytest.fixture
def site():
    with Site(slow=1.5) as running:
        yield running
