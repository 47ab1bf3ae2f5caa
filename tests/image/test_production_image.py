"""The production image builds and starts, proven without a Docker daemon.

These machines have no Docker. So the Dockerfile is read as Docker reads it (its
ENV, WORKDIR, RUN, LABEL and CMD lines) and its steps are replayed in a scratch
folder that stands for the image:

- the files Docker would copy (tracked and new files, less `.dockerignore`) go to
  a scratch `/app`; paths under `/app` and the data volume point into the scratch
  folder;
- every RUN command runs as written, with the Dockerfile's ENV, under `sh -e`:
  `pip install` (into a scratch virtualenv that sees this checkout's installed
  packages, so it checks the requirements without downloading them again),
  `collectstatic`, `compile_catalogues`… Only the system steps that need the base
  image's root (apt-get, useradd, chown) are left out, and only those named in
  SYSTEM_STEPS: a new kind of step runs, and fails here if it fails;
- the release command (the `numeriqc.release` label: migrations) runs once, on a
  copy of the demo database, then the container's CMD (gunicorn, production
  settings) starts and must answer 200 on /healthz/ and /fr/ and /en/, and the
  image's HEALTHCHECK command must pass.

What this does not prove: the base image's own packages (the digest is pinned in
the Dockerfile) and file ownership inside the image.
"""

import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.error
import urllib.request
from fnmatch import fnmatch
from pathlib import Path

import pytest

from tests import database_templates

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "Dockerfile"
# Steps that only make sense as root inside the base image.
SYSTEM_STEPS = ("apt-get ", "useradd ", "groupadd ", "chown ", "rm -rf /var/lib/apt/")


# --- reading the Dockerfile -----------------------------------------------------


def instructions(text):
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments out."""
    lines, current = [], ""
    for raw in text.splitlines():
        stripped = raw.strip()
        if not current and (not stripped or stripped.startswith("#")):
            continue
        if current and stripped.startswith("#"):
            continue
        if stripped.endswith("\\"):
            current += stripped[:-1] + " "
            continue
        lines.append(current + stripped)
        current = ""
    found = []
    for line in lines:
        keyword, _, rest = line.partition(" ")
        found.append((keyword.upper(), rest.strip()))
    return found


def key_values(arguments):
    """ENV and LABEL arguments: `A=1 B="two words"` as a dict."""
    pairs = {}
    for item in shlex.split(arguments):
        key, _, value = item.partition("=")
        pairs[key] = value
    return pairs


def exec_form(arguments):
    return (
        json.loads(arguments) if arguments.startswith("[") else ["sh", "-c", arguments]
    )


class Image:
    def __init__(self, text):
        self.steps = instructions(text)
        self.env = {}
        self.labels = {}
        self.runs = []
        self.base = self.workdir = self.user = None
        self.cmd = self.healthcheck = None
        self.volumes = []
        for keyword, arguments in self.steps:
            if keyword == "FROM":
                self.base = arguments
            elif keyword == "ENV":
                self.env.update(key_values(arguments))
            elif keyword == "LABEL":
                self.labels.update(key_values(arguments))
            elif keyword == "WORKDIR":
                self.workdir = arguments
            elif keyword == "RUN":
                # The ENV in force at this step, as Docker gives it.
                self.runs.append((arguments, dict(self.env)))
            elif keyword == "USER":
                self.user = arguments
            elif keyword == "VOLUME":
                listed = arguments.startswith("[")
                self.volumes.extend(
                    json.loads(arguments) if listed else arguments.split()
                )
            elif keyword == "CMD":
                self.cmd = exec_form(arguments)
            elif keyword == "HEALTHCHECK":
                _, _, command = arguments.partition("CMD ")
                self.healthcheck = exec_form(command.strip())


# --- the scratch image ----------------------------------------------------------


def _context_files():
    """What `COPY . .` copies: the files git knows (tracked or new, not ignored)
    less those `.dockerignore` names."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    patterns = [
        line.strip().rstrip("/")
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]

    def ignored(path):
        parts = path.split("/")
        return any(
            fnmatch(path, pattern) or any(fnmatch(part, pattern) for part in parts)
            for pattern in patterns
        )

    return [p for p in listed.split("\0") if p and not ignored(p)]


def _scratch_python(folder):
    """A virtualenv whose `pip install -r requirements.txt` finds this checkout's
    packages already installed (a .pth file), so it downloads nothing new."""
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True
    )
    site = subprocess.run(
        [
            str(folder / "bin" / "python"),
            "-c",
            "import sysconfig;print(sysconfig.get_paths()['purelib'])",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(site, "checkout-packages.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n"
    )
    pip = folder / "bin" / "pip"
    pip.write_text(f'#!/bin/sh\nexec "{folder}/bin/python" -m pip "$@"\n')
    pip.chmod(0o755)
    return folder / "bin"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Scratch:
    """The image's file system, as far as the app sees it, in a temporary folder."""

    def __init__(self, image, tmp_path):
        self.image = image
        self.root = tmp_path
        self.paths = {image.workdir: tmp_path / "app"}
        for volume in image.volumes:
            self.paths[volume] = tmp_path / volume.strip("/").replace("/", "_")
        self.bin = _scratch_python(tmp_path / "venv")
        for relative in _context_files():
            source, target = ROOT / relative, self.paths[image.workdir] / relative
            if source.is_file():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)

    def local(self, text):
        """Paths of the image (longest first: /app/media before /app) made local."""
        for path in sorted(self.paths, key=len, reverse=True):
            text = re.sub(
                rf"(?<![\w/]){re.escape(path)}(?=/|\b|$)", str(self.paths[path]), text
            )
        return text

    def environ(self, env, **extra):
        """The image's environment only (nothing of the caller's but PATH, HOME,
        locale): a stray DATABASE_URL or REDIS_URL must not leak in."""
        base = {
            "PATH": f"{self.bin}:{Path(sys.executable).parent}:/usr/bin:/bin",
            "HOME": str(self.root),
            "LANG": "C.UTF-8",
        }
        return {**base, **{k: self.local(v) for k, v in env.items()}, **extra}

    def run(self, command, env):
        result = subprocess.run(
            ["sh", "-e", "-c", command],
            cwd=self.paths[self.image.workdir],
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
        )
        assert result.returncode == 0, (
            f"Dockerfile step failed ({result.returncode}): {command}\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )


def build_steps(command):
    """The parts of a RUN command joined by `&&`, less the system ones."""
    parts = [part.strip() for part in re.split(r"\s&&\s", command)]
    kept = [part for part in parts if not part.startswith(SYSTEM_STEPS)]
    return " && ".join(kept)


# --- the database the container is given ----------------------------------------


@pytest.fixture
def database_url(tmp_path):
    """A copy of the demo database (the release command migrates it: a no-op that
    must still succeed). PostgreSQL when DATABASE_URL names one, a database named
    after it; else a SQLite file in the data volume."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        templates = database_templates.PostgresTemplates(url)
        name = f"{templates.base}_image"[:63]
        copy = templates.clone(templates.demo(), name)
        yield copy
        templates.drop(name)
    else:
        template = database_templates.SqliteTemplates().demo()
        target = tmp_path / "db-copy.sqlite3"
        shutil.copyfile(template, target)
        yield f"sqlite:///{target}"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer to check, not to follow."""

    def redirect_request(self, *args, **kwargs):
        return None


def _get(url, host, **headers):
    request = urllib.request.Request(url, headers={"Host": host, **headers})  # noqa: S310
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def _wait_until_up(server, port, deadline):
    while time.monotonic() < deadline:
        if server.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            time.sleep(0.3)
    return False


# --- the tests ------------------------------------------------------------------


def test_the_dockerfile_is_read_as_expected():
    image = Image(DOCKERFILE.read_text())
    assert re.fullmatch(r"python:3\.11-slim-bookworm@sha256:[0-9a-f]{64}", image.base)
    assert image.workdir == "/app"
    assert image.user and image.user != "root"
    assert image.cmd and image.healthcheck
    # The data volume is the only place the non-root process writes to.
    assert image.env.get("DATA_DIR") in image.volumes
    assert "migrate" not in " ".join(image.cmd), "migrations are a release command"
    assert "migrate" in image.labels.get("numeriqc.release", "")


def test_the_image_builds_and_serves_pages(tmp_path, database_url):
    image = Image(DOCKERFILE.read_text())
    scratch = Scratch(image, tmp_path)
    for path in scratch.paths.values():
        path.mkdir(parents=True, exist_ok=True)

    for command, env in image.runs:
        step = build_steps(command)
        if step:
            scratch.run(scratch.local(step), scratch.environ(env))
    app = scratch.paths[image.workdir]
    assert list((app / "locale").glob("*/LC_MESSAGES/django.mo"))
    assert (app / "staticfiles" / "staticfiles.json").exists()

    port = _free_port()
    # What the operator gives the container (README, .env.example).
    runtime = scratch.environ(
        image.env,
        SECRET_KEY="image-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        ALLOWED_HOSTS="numeriqc.example,localhost",
        DATABASE_URL=database_url,
        PORT=str(port),
        WEB_CONCURRENCY="1",
    )
    scratch.run(image.labels["numeriqc.release"], runtime)

    log = (tmp_path / "server.log").open("w")
    server = subprocess.Popen(
        [scratch.local(part) for part in image.cmd],
        cwd=app,
        env=runtime,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        up = _wait_until_up(server, port, time.monotonic() + 120)
        assert up, (tmp_path / "server.log").read_text()[-3000:]
        base = f"http://127.0.0.1:{port}"
        status, body = _get(f"{base}/healthz/", "numeriqc.example")
        assert status == 200, body[-2000:]
        # Behind the TLS-terminating proxy, as in production.
        https = {"X-Forwarded-Proto": "https"}
        status, body = _get(f"{base}/fr/", "numeriqc.example", **https)
        assert status == 200, body[-2000:]
        assert 'lang="fr"' in body
        status, body = _get(f"{base}/en/", "numeriqc.example", **https)
        assert status == 200, body[-2000:]
        assert 'lang="en"' in body
        # Static files are served compressed, under their hashed names.
        stylesheet = re.search(r'href="(/static/[^"]+\.css)"', body)
        assert stylesheet, "no stylesheet link"
        assert re.search(r"\.[0-9a-f]{12}\.css$", stylesheet.group(1))
        assert _get(base + stylesheet.group(1), "numeriqc.example", **https)[0] == 200
        # Plain http is sent to https (SECURE_SSL_REDIRECT), healthz excepted.
        assert _get(f"{base}/fr/", "numeriqc.example")[0] == 301

        health = subprocess.run(
            [scratch.local(part) for part in image.healthcheck],
            cwd=app,
            env=runtime,
            timeout=30,
        )
        assert health.returncode == 0
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
