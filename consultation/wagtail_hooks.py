from .lab.wagtail_hooks import *  # noqa: F403
