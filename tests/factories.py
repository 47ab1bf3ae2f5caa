"""Factories for the shared models; feature apps keep theirs in tests/<app>/."""

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale, Page

from home.models import (
    HomePage,
    MeasurePage,
    Organization,
    StandardPage,
    StrategyPage,
    Theme,
)


def locale(code="fr"):
    # get_or_create: a transactional test (threads on PostgreSQL) flushes the tables,
    # the languages created by migration included.
    return Locale.objects.get_or_create(language_code=code)[0]


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organisme {n}")
    acronym = factory.Sequence(lambda n: f"ORG{n}")
    slug = factory.Sequence(lambda n: f"organisme-{n}")
    locale = factory.LazyFunction(locale)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Thème {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    kind = Theme.Kind.TOPIC
    locale = factory.LazyFunction(locale)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("correct-horse-battery")

    @factory.post_generation
    def groups(self, create, names, **kwargs):
        if create and names:
            self.groups.add(*Group.objects.filter(name__in=names))

    @factory.post_generation
    def organizations(self, create, organizations, **kwargs):
        if create and organizations:
            self.organizations.add(*organizations)


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "numériQc"
    summary = "Plateforme publique"
    locale = factory.LazyFunction(locale)


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Page de contenu {n}")
    summary = "Un résumé."
    locale = factory.LazyAttribute(
        lambda page: page.parent.locale if page.parent else locale()
    )


class StrategyPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StrategyPage

    title = "Stratégie"
    slug = "strategie"
    locale = factory.LazyAttribute(
        lambda page: page.parent.locale if page.parent else locale()
    )


class MeasurePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MeasurePage

    title = factory.Sequence(lambda n: f"Mesure {n}")
    number = factory.Sequence(lambda n: n + 1)
    locale = factory.LazyAttribute(
        lambda page: page.parent.locale if page.parent else locale()
    )


def translate_page(page, language="en", publish=True, **fields):
    """An English copy of `page`, as an editor's reviewed translation would be."""
    translated = page.copy_for_translation(locale(language))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    if publish:
        translated.save_revision().publish()
    return Page.objects.get(pk=translated.pk).specific


def translate_snippet(instance, language="en", **fields):
    translated = instance.copy_for_translation(locale(language))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    return translated
