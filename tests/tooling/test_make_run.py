"""`make run` stops the server and the Celery worker together, whether it is
stopped by Ctrl-C (SIGINT to the terminal's process group) or by SIGTERM to make
(a process manager, `kill`): once, SIGTERM left the worker running.

The real `make serve` (scripts/run_site.py without the set-up step) runs on an
empty data directory of its own, on a free port.
"""

import os
import re
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest

# Engine-independent and made of process start-ups: once per CI run (Makefile).
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _group(pgid):
    """Processes whose process group is `pgid` (from /proc)."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.append(int(entry.name))
    return members


def _up(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


@pytest.mark.parametrize("how", ["SIGTERM to make", "Ctrl-C"])
def test_stopping_make_run_stops_the_server_and_the_worker(tmp_path, how):
    port = _free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "MAKEFLAGS"}
    }
    env.update(DATA_DIR=str(tmp_path), PORT=str(port))
    env.pop("DJANGO_SETTINGS_MODULE", None)
    log = tmp_path / "make.log"
    with log.open("w") as out:
        make = subprocess.Popen(
            ["make", "--no-print-directory", "serve"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    pids = None
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and make.poll() is None:
            found = re.search(r"web pid (\d+), worker pid (\d+)", log.read_text())
            if found and _up(port):
                pids = [int(found.group(1)), int(found.group(2))]
                break
            time.sleep(0.5)
        assert pids, log.read_text()[-3000:]
        # The worker is up too: its pool processes have started beside it.
        while time.monotonic() < deadline and len(_group(pids[1])) < 2:
            time.sleep(0.5)
        assert len(_group(pids[1])) >= 2, log.read_text()[-3000:]

        if how == "Ctrl-C":
            os.killpg(make.pid, signal.SIGINT)
        else:
            make.send_signal(signal.SIGTERM)
        make.wait(timeout=60)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and (_group(pids[0]) or _group(pids[1])):
            time.sleep(0.2)
        assert _group(pids[0]) == [], "the server is still running"
        assert _group(pids[1]) == [], "the worker is still running"
        assert not _up(port)
        assert "[make run] stopped" in log.read_text()
    finally:
        for group in [make.pid, *(pids or [])]:
            if _group(group):
                os.killpg(group, signal.SIGKILL)
