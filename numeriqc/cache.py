"""Django's Redis cache, keeping to its own keys.

Django's `RedisCache.clear()` empties the whole Redis database (FLUSHDB), whatever
else it holds: another site's cache, a Celery broker, another test run's keys. This
one deletes only the keys under its KEY_PREFIX, so that several programs (or several
test processes) can share one Redis database.
"""

import re

from django.core.cache.backends.redis import RedisCache

BATCH = 500


def _glob_escape(text):
    """`text` taken literally in a Redis SCAN pattern."""
    return re.sub(r"([\\*?\[\]])", r"\\\1", text)


class PrefixedRedisCache(RedisCache):
    def clear(self):
        if not self.key_prefix:
            # No prefix: every key in the database may be this cache's.
            return super().clear()
        client = self._cache.get_client(None, write=True)
        pattern = f"{_glob_escape(self.key_prefix)}:*"
        batch = []
        for key in client.scan_iter(match=pattern, count=BATCH):
            batch.append(key)
            if len(batch) >= BATCH:
                client.delete(*batch)
                batch = []
        if batch:
            client.delete(*batch)
        return True
