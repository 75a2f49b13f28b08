"""Sharing one DuckDB file between processes: short writer sessions, short read leases, a turnstile.

DuckDB lets one process write a file, and while it does no other process can open the file at all,
not even read-only. chronicle therefore never keeps a connection open for long (docs/store.md):

- a writer opens the file, writes one batch in one transaction and closes it (`write_session`);
- a reader opens it read-only for one request, or shares one connection for at most `hold`
  seconds (`Reader`), so it sees what writers committed since, and never pins the file;
- both retry the DuckDB lock error with jittered backoff until `timeout`.

Retries alone would let a busy reader starve a writer: read leases can overlap back to back. The
turnstile (`<db>.lock`, an flock) makes a waiting writer go next: a writer holds it exclusively for
its whole session, a reader passes it (shared, released at once) before it opens a new connection,
so readers arriving while a writer waits queue behind it. Writers queue behind one another on it too.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import random
import threading
import time
from collections.abc import Iterator

import duckdb

LOCK_TIMEOUT = 10.0
"""Seconds a session waits for other processes before giving up with the lock error: longer than
any chronicle write session or read lease on a store of ordinary size, short enough that a file
held by another program (the duckdb shell) is reported rather than waited for."""

READ_HOLD = 0.5
"""Seconds a shared read connection is reused: the bound on how stale a read is, and on how long a
waiting writer waits for the readers of this process."""

_FIRST_DELAY, _MAX_DELAY = 0.002, 0.1


def is_lock_error(exc: BaseException) -> bool:
    """DuckDB's 'Could not set lock on file ...': another process has the file open."""
    return isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower()


def _backoff() -> Iterator[float]:
    """Jittered exponential delays, so processes retrying together don't collide again."""
    delay = _FIRST_DELAY
    while True:
        yield delay * (0.5 + random.random())
        delay = min(delay * 2, _MAX_DELAY)


@contextlib.contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """BEGIN … COMMIT around the block; any exception rolls it back and propagates (a connection the
    failure already broke has nothing to undo, so a failing ROLLBACK does not hide the cause)."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
        con.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(duckdb.Error):
            con.execute("ROLLBACK")
        raise


def lock_path(path: str) -> str:
    return f"{path}.lock"


@contextlib.contextmanager
def turnstile(path: str, *, exclusive: bool, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the turnstile (writers) or pass it (readers), waiting at most `timeout` seconds.

    A folder where the lock file cannot be created (a read-only copy of a store) has no writers to
    queue behind: the DuckDB lock and the retries then do the work alone.
    """
    try:
        fd = os.open(lock_path(path), os.O_RDWR | os.O_CREAT, 0o666)
    except OSError:
        yield
        return
    try:
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        deadline = time.monotonic() + timeout
        for delay in _backoff():
            try:
                fcntl.flock(fd, mode | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"another process kept the store busy for {timeout:g} s") from None
                time.sleep(delay)
        if not exclusive:
            fcntl.flock(fd, fcntl.LOCK_UN)
        yield
    finally:
        os.close(fd)  # releases the lock


def connect(path: str, *, read_only: bool, timeout: float = LOCK_TIMEOUT) -> duckdb.DuckDBPyConnection:
    """duckdb.connect, retrying while another process holds the file's lock."""
    deadline = time.monotonic() + timeout
    for delay in _backoff():
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as exc:
            if not is_lock_error(exc) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
    raise AssertionError("unreachable: _backoff never ends")


@contextlib.contextmanager
def session(path: str, *, write: bool, timeout: float = LOCK_TIMEOUT) -> Iterator[duckdb.DuckDBPyConnection]:
    """One short connection: a writer keeps the turnstile until it has closed the file."""
    with turnstile(path, exclusive=write, timeout=timeout):
        con = connect(path, read_only=not write, timeout=timeout)
        try:
            yield con
        finally:
            con.close()


class _Lease:
    """A read-only connection shared by the requests that start within `hold` seconds of its opening."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.users = 0
        self.retired = False


class Reader:
    """Read-only connections for a server: thread-safe, fresh within `hold` seconds, never pinning the file.

    `connection()` is re-entrant per thread, so the queries of one request (a count and a page)
    read one snapshot.
    """

    def __init__(self, path: str, *, hold: float = READ_HOLD, timeout: float = LOCK_TIMEOUT) -> None:
        self.path = path
        self.hold = hold
        self.timeout = timeout
        self._lock = threading.Lock()
        self._lease: _Lease | None = None
        self._local = threading.local()

    @contextlib.contextmanager
    def connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        current: _Lease | None = getattr(self._local, "lease", None)
        if current is not None:
            yield current.con
            return
        lease = self._acquire()
        self._local.lease = lease
        try:
            yield lease.con
        finally:
            self._local.lease = None
            self._release(lease)

    def _acquire(self) -> _Lease:
        with self._lock:
            if self._lease is not None:
                self._lease.users += 1
                return self._lease
        # Opening happens outside the lock: a reader queued at the turnstile must not hold up the
        # requests still using the current lease.
        with turnstile(self.path, exclusive=False, timeout=self.timeout):
            con = connect(self.path, read_only=True, timeout=self.timeout)
        lease = _Lease(con)
        with self._lock:
            if self._lease is not None:  # another thread opened one meanwhile: use it, drop ours
                con.close()
                self._lease.users += 1
                return self._lease
            lease.users = 1
            self._lease = lease
        timer = threading.Timer(self.hold, self._retire, (lease,))
        timer.daemon = True
        timer.start()
        return lease

    def _retire(self, lease: _Lease) -> None:
        with self._lock:
            lease.retired = True
            if self._lease is lease:
                self._lease = None
            idle = lease.users == 0
        if idle:
            lease.con.close()

    def _release(self, lease: _Lease) -> None:
        with self._lock:
            lease.users -= 1
            last = lease.retired and lease.users == 0
        if last:
            lease.con.close()

    def close(self) -> None:
        with self._lock:
            lease, self._lease = self._lease, None
        if lease is not None:
            lease.retired = True
            if lease.users == 0:
                lease.con.close()
