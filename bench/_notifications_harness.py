"""Shared by the notifications bench and reliability run: a throw-away PostgreSQL
database, the Redis broker, the fake SMS provider and real Celery worker processes.

Needs PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/...)
and Redis (CELERY_BROKER_URL, else REDIS_URL, default redis://127.0.0.1:6379/9).
It keeps to what they name: its database is named after DATABASE_URL's
(`<name>_notifications_<pid>`, a copy of the migrated template database of
tests/database_templates.py) and dropped at the end; on the Redis database every
broker key starts with a prefix of this run, and only those keys are deleted.
"""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
CELERY = str(Path(PYTHON).parent / "celery")
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/numeriqc_notifications"
DEFAULT_BROKER = "redis://127.0.0.1:6379/9"
TOKEN = "provider-test-token"  # noqa: S105 (the fake provider's, see tests)


class Harness:
    def __init__(self, workdir, provider_delay=0.0, concurrency=4):
        self.workdir = Path(workdir)
        self.provider_delay = provider_delay
        self.concurrency = concurrency
        base = os.environ.get("DATABASE_URL", DEFAULT_DATABASE)
        if not base.startswith("postgres"):
            raise SystemExit("This run needs PostgreSQL: set DATABASE_URL=postgres://…")
        sys.path.insert(0, str(ROOT))
        from tests.database_templates import PostgresTemplates

        self.templates = PostgresTemplates(base)
        self.db_name = f"{self.templates.base}_notifications_{os.getpid()}"[:63]
        self.db_url = self.templates.url_for(self.db_name)
        self.broker = os.environ.get(
            "CELERY_BROKER_URL", os.environ.get("REDIS_URL", DEFAULT_BROKER)
        )
        self.key_prefix = f"numeriqc-notifications-{os.getpid()}:"
        self.provider = self.worker = None
        self.others = []
        self.provider_file = self.workdir / "provider.json"

    def env(self):
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "numeriqc.settings.dev",
            "DATABASE_URL": self.db_url,
            "CELERY_BROKER_URL": self.broker,
            "CELERY_BROKER_KEY_PREFIX": self.key_prefix,
            "NOTIFICATIONS_SMS_BACKEND": "notifications.channels.sms.HttpBackend",
            "NOTIFICATIONS_SMS_HTTP_URL": self.provider_url,
            "NOTIFICATIONS_SMS_HTTP_TOKEN": TOKEN,
            "NOTIFICATIONS_SMS_QUIET_HOURS": "off",
            "NOTIFICATIONS_STUCK_AFTER_SECONDS": "5",
            "NOTIFICATIONS_RETRY_BASE_SECONDS": "1",
            "LOG_LEVEL": "ERROR",
        }

    def start(self):
        self.provider_url = self._start_provider()
        # A copy of the migrated template: seconds, instead of a minute of migrations.
        self.templates.clone(self.templates.migrated(), self.db_name)
        os.environ.update(self.env())
        import django

        django.setup()
        self.purge_broker()

    def stop(self):
        for worker in self.others:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()
        self.others = []
        if self.worker is not None:
            self.kill_worker()
        if self.provider is not None and self.provider.poll() is None:
            self.provider.kill()
        from django.db import connections

        connections.close_all()
        self.templates.drop(self.db_name)
        self.purge_broker()

    def purge_broker(self):
        """Delete this run's broker keys, and only those."""
        import redis

        client = redis.Redis.from_url(self.broker)
        keys = list(client.scan_iter(match=f"{self.key_prefix}*", count=1000))
        if keys:
            client.delete(*keys)

    def broker_backlog(self):
        """Messages waiting in the queues plus those taken but not acknowledged."""
        import redis

        client = redis.Redis.from_url(self.broker)
        queues = ("notifications", "notifications-bulk", "celery")
        waiting = sum(client.llen(f"{self.key_prefix}{q}") for q in queues)
        return waiting + client.hlen(f"{self.key_prefix}unacked")

    # the fake provider
    def _start_provider(self):
        self.provider = subprocess.Popen(
            [
                PYTHON,
                "tests/notifications/fake_provider.py",
                str(self.provider_file),
                str(self.provider_delay),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        return self.provider.stdout.readline().strip()

    def provider_references(self):
        """Stop the provider; the references of every message it accepted."""
        self.provider.send_signal(signal.SIGTERM)
        self.provider.wait(timeout=10)
        return json.loads(self.provider_file.read_text())

    # workers
    def start_worker(self, queues="notifications,notifications-bulk,celery"):
        """One worker on `queues`; a second call starts another beside it (one
        per queue, as in production), the last one being `self.worker`."""
        if self.worker is not None:
            self.others.append(self.worker)
        self.worker = subprocess.Popen(
            [
                CELERY,
                "-A",
                "numeriqc",
                "worker",
                "-Q",
                queues,
                "-n",
                f"{queues.split(',')[0]}-{len(self.others)}@%h",
                "-c",
                str(self.concurrency),
                "-l",
                "warning",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
            ],
            cwd=ROOT,
            env=self.env(),
            start_new_session=True,  # its own process group: SIGKILL reaches children
            stdout=subprocess.DEVNULL,
            stderr=open(self.workdir / "worker.log", "a"),  # noqa: SIM115
        )

    def kill_worker(self):
        """SIGKILL the worker and its pool processes: no shutdown, no ack."""
        os.killpg(self.worker.pid, signal.SIGKILL)
        self.worker.wait()
        self.worker = None

    def stop_worker(self):
        os.killpg(self.worker.pid, signal.SIGTERM)
        self.worker.wait(timeout=30)
        self.worker = None


def make_deliveries(count, kind="reminder", priority="normal"):
    """`count` SMS deliveries due now, one message each, numbers the fake
    provider accepts (never ending in 0002-0005)."""
    from django.utils import timezone

    from notifications.models import Delivery, Message

    now = timezone.now()
    messages = Message.objects.bulk_create(
        Message(kind=kind, priority=priority, send_at=now) for _ in range(count)
    )
    deliveries = Delivery.objects.bulk_create(
        Delivery(
            message=message,
            channel="sms",
            language="fr",
            to=f"+1514555{1000 + n:04d}",
            body=f"Rappel numéro {n}\nARRET pour vous désabonner",
            due_at=now,
        )
        for n, message in enumerate(messages)
    )
    return [d.pk for d in deliveries]


def wait_until(predicate, timeout, interval=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False
