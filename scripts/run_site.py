"""`make run`: prepare the site in one Django start-up, then serve it with a Celery
worker (and its scheduler) beside it, until SIGINT (Ctrl-C) or SIGTERM stops both.

    python scripts/run_site.py              # HOST, PORT from the environment
    python scripts/run_site.py --no-prepare # serve what is there

Preparing (`manage.py prepare_demo`) migrates, compiles the catalogues and loads the
demo content, each only when it has something to do. The server and the worker run
in process groups of their own: a signal to this process is passed to both, and
whatever is left of their groups (the autoreloader's child, the worker's pool)
after STOP_SECONDS at most is killed, so that no worker is left behind.
"""

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
STOP_SECONDS = 15


def say(line):
    print(f"[make run] {line}", flush=True)  # noqa: T201


def start(command, env):
    return subprocess.Popen(command, cwd=ROOT, env=env, start_new_session=True)  # noqa: S603


def stop(children):
    """SIGTERM to each leader (Celery's warm shutdown stops its own pool: a signal
    to its pool processes too would be logged as lost workers), then, after
    STOP_SECONDS at most, SIGKILL to whatever is left in their groups (the
    autoreloader's child, a pool process stuck in its shutdown)."""
    for child in children:
        if child.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(child.pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_SECONDS
    for child in children:
        try:
            child.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            say(f"pid {child.pid} did not stop in {STOP_SECONDS}s: killed")
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGKILL)
        child.wait()


def main(arguments):
    host = os.environ.get("HOST", "127.0.0.1")
    port = os.environ.get("PORT", "8000")
    # SITE_URL's default follows PORT (absolute links, the "demo content ready" line).
    env = {**os.environ, "HOST": host, "PORT": port, "PYTHONUNBUFFERED": "1"}
    if "--no-prepare" not in arguments:
        prepared = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "prepare_demo"], cwd=ROOT, env=env
        )
        if prepared.returncode:
            return prepared.returncode

    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    signal.signal(signal.SIGINT, lambda *_: stopping.append(True))

    # Tasks leave the web process for a worker, through a broker kept in files.
    served = {**env, "CELERY_BROKER_URL": "filesystem://localhost/"}
    data = Path(os.environ.get("DATA_DIR") or ROOT) / ".celery-broker"
    data.mkdir(parents=True, exist_ok=True)
    worker = start(
        [str(BIN / "celery"), "-A", "numeriqc", "worker", "--beat", "-l", "warning"]
        + ["-Q", "celery,notifications,notifications-bulk"]
        + ["-s", str(data / "celerybeat-schedule")],
        served,
    )
    server = start([sys.executable, "manage.py", "runserver", f"{host}:{port}"], served)
    say(f"numériQc: http://{host}:{port}/  (admin: http://{host}:{port}/admin/)")
    say(f"web pid {server.pid}, worker pid {worker.pid}; Ctrl-C stops both")
    children = [server, worker]
    try:
        while not stopping and all(child.poll() is None for child in children):
            time.sleep(0.2)
    finally:
        # Signals during the stop would only cut it short.
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        say("stopping the server and the worker…")
        stop(children)
        say("stopped")
    return 0 if stopping else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
