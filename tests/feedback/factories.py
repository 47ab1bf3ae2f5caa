import factory
from django.utils import timezone

from feedback.models import FeedbackEntry, FeedbackReason, Improvement, Service
from tests.factories import OrganizationFactory, locale


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    name = factory.Sequence(lambda n: f"Service {n}")
    slug = factory.Sequence(lambda n: f"service-{n}")
    organization = factory.SubFactory(OrganizationFactory)
    description = "Un service public."
    locale = factory.LazyFunction(locale)


class ImprovementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Improvement

    service = factory.SubFactory(ServiceFactory)
    title = factory.Sequence(lambda n: f"Amélioration {n}")
    note = "Le formulaire est plus court."
    locale = factory.LazyFunction(locale)


class FeedbackEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeedbackEntry

    language = "fr"
    found = True
    rating = 4
    comment = "Très clair."
    created_at = factory.LazyFunction(timezone.now)
    organization = factory.SubFactory(OrganizationFactory)


def reason(found, position=0):
    return FeedbackReason.objects.filter(found=found).order_by("sort_order")[position]
