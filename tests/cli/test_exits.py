"""Exits that are not errors: `--version`, and a reader that closes standard output early."""

from __future__ import annotations

import os
import subprocess
import sys

from typer.testing import CliRunner

from chronicle import __version__
from chronicle.cli import app
from tests.cli.test_bad_input import SECOND_STORY

runner = CliRunner()


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"chronicle {__version__}"


def test_closed_stdout_is_a_normal_exit(tmp_path):
    """`chronicle extract … | head -1`: exit 0 and no traceback once the reader has gone."""
    paths = []
    for n in range(6):
        path = tmp_path / f"story{n}.txt"
        path.write_text(SECOND_STORY.replace("31 to 9", f"{31 + n} to {9 - n}"), encoding="utf-8")
        paths.append(str(path))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = subprocess.Popen([sys.executable, "-c", "from chronicle.cli import main; main()", "extract", *paths],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    first = child.stdout.readline()
    child.stdout.close()  # what `head -1` does after its line
    _out, err = child.communicate(timeout=300)
    assert first.startswith(b"{")
    assert child.returncode == 0, err.decode()
    assert b"Traceback" not in err and b"BrokenPipe" not in err
