"""Channels: how a delivery leaves the platform. Each raises one of two errors."""


class TransientError(Exception):
    """Try again later (timeout, provider busy or down)."""

    def __init__(self, reason, retry_after=None):
        super().__init__(reason)
        self.retry_after = retry_after


class PermanentError(Exception):
    """Trying again cannot help (invalid address, refused by the provider)."""
