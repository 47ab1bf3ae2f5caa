from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A staff member. Citizens never need an account."""

    # Added by the second migration: Wagtail's own tables depend on this model,
    # and Organization (translatable) depends on Wagtail's, so the link comes after.
    organizations = models.ManyToManyField(
        "home.Organization",
        verbose_name=_("organizations"),
        blank=True,
        related_name="members",
        help_text=_(
            "The organizations this person works for: they see and edit only "
            "their content and data."
        ),
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")
