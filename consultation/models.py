from .lab.models import *  # noqa: F403
