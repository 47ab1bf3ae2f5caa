from .lab.tasks import *  # noqa: F403
