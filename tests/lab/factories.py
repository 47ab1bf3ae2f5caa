import datetime

import factory
import wagtail_factories
from django.utils import timezone

from consultation.lab.models import (
    Invitation,
    LabIndexPage,
    LabReportPage,
    PanelMember,
    Study,
    StudySlot,
)
from tests.factories import OrganizationFactory, locale


class PanelMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PanelMember

    first_name = "Camille"
    email = factory.Sequence(lambda n: f"membre{n}@example.org")
    region = "06"
    language = "fr"
    is_adult = True
    email_confirmed_at = factory.LazyFunction(timezone.now)
    has_computer = True
    accepts_remote = True


class StudyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Study

    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"Étude {n}")
    service_tested = "Demande de permis en ligne"
    method = "moderated"
    starts_on = factory.LazyFunction(lambda: timezone.localdate())
    ends_on = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=30)
    )
    description = "Essayer le nouveau formulaire et dire ce qui accroche."
    participants_wanted = 3


class StudySlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StudySlot

    study = factory.SubFactory(StudyFactory)
    starts_at = factory.LazyFunction(
        lambda: timezone.now() + datetime.timedelta(days=7)
    )
    capacity = 1


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    study = factory.SubFactory(StudyFactory)
    member = factory.SubFactory(PanelMemberFactory)


class LabIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LabIndexPage

    title = "Laboratoire d’expérience utilisateur"
    slug = "laboratoire"
    summary = "Testez les services publics avant leur lancement."
    locale = factory.LazyAttribute(
        lambda page: page.parent.locale if page.parent else locale()
    )


class LabReportPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LabReportPage

    title = factory.Sequence(lambda n: f"Rapport {n}")
    what_was_tested = "<p>Le formulaire de demande.</p>"
    what_was_learned = "<p>Les gens cherchent le bouton.</p>"
    what_changes = "<p>Le bouton est plus visible.</p>"
    locale = factory.LazyAttribute(
        lambda page: page.parent.locale if page.parent else locale()
    )
