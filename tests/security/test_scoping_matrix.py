"""The scoping guarantee: every admin URL of every organization-scoped model and
page type, walked as each role, for an object of another organization.

The URLs come from Django's resolver, not from a list written here: every snippet
viewset and its chooser, every page view, and every admin view our apps register.
An admin view of ours that this file does not know fails the suite until someone
says how to reach it with another organization's object (OWN_VIEWS below), and a
snippet model that is neither scoped nor declared public reference data fails too.

Refused means 403, 404, or Wagtail's own refusal (a redirect to the dashboard
with "Sorry, you do not have permission"); never a 500, and the other
organization's text (MARK) appears in no answer: not in a listing, a chooser, a
search, an export or a form's choices.
"""

import io
import re
import zipfile
from datetime import date, timedelta

import pytest
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail.permissions import policy_registry
from wagtail.snippets.models import get_snippet_models

from consultation.lab.models import OrganizationLabSettings
from home.permissions import OrganizationScopedPolicy
from home.roles import ADMINISTRATORS, ANALYSTS, EDITORS, REVIEWERS
from home.scoping import organization_owned_page_models
from notifications.models import Delivery, Message, MessageTemplate
from tests.barometre.factories import IndicatorFactory, MeasurementFactory
from tests.consultation.factories import (
    ConsultationIndexPageFactory,
    ConsultationPageFactory,
    SurveyFactory,
)
from tests.factories import OrganizationFactory, StandardPageFactory, UserFactory
from tests.feedback.factories import (
    FeedbackEntryFactory,
    ImprovementFactory,
    ServiceFactory,
)
from tests.lab.factories import LabIndexPageFactory, LabReportPageFactory, StudyFactory
from tests.training.factories import (
    CoursePageFactory,
    SessionFactory,
    TrainingCatalogPageFactory,
)
from tests.vitrine.factories import (
    CallForProjectsPageFactory,
    ProjectPageFactory,
    VitrineIndexPageFactory,
    add_benefit,
    measure,
)
from vitrine.models import CallSubmission

MARK = "Zqxj"  # in every text of the other organization's objects

# Snippet models everyone on the staff may read: no organization owns them.
PUBLIC_REFERENCE = {
    "home.Organization",
    "home.Theme",
    "feedback.FeedbackReason",
    # Administrators only, by model permission (no role holds it).
    "notifications.SendingLimit",
    # Site-wide, like Wagtail's search promotions it translates: by model permission.
    "search.PromotionTranslation",
}

# Dummy values for the URL arguments other than the object's id: the object is
# checked before any of them is looked at, or the answer is a 404.
OTHER_ARGUMENTS = {
    "revision_id": 1,
    "revision_id_a": "earliest",
    "revision_id_b": "latest",
    "task_state_id": 1,
    "task_id": 1,
    "workflow_state_id": 1,
    "action_name": "approve",
    "question_pk": 1,
    "file_format": "csv",
    "content_type_app_name": "home",
    "content_type_model_name": "standardpage",
}


def _is_scoped(model):
    policy = policy_registry.get_by_type(model, fallback=False)
    return isinstance(policy, OrganizationScopedPolicy)


def _route_arguments(pattern):
    inner = pattern.pattern
    if hasattr(inner, "converters"):
        return list(inner.converters)
    return list(inner.regex.groupindex)


def admin_patterns():
    """(namespace, name, argument names, view module) of every admin URL."""
    found = []

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                names = [namespace, pattern.namespace]
                inner = ":".join(name for name in names if name) or None
                walk(pattern.url_patterns, route, inner)
            elif route.startswith("admin/") and pattern.name:
                view = getattr(pattern.callback, "view_class", pattern.callback)
                found.append((namespace, pattern.name, _route_arguments(pattern), view))

    walk(get_resolver().url_patterns, "", None)
    return found


def _label(namespace, prefix):
    app_model = namespace.removeprefix(prefix)
    for model in get_snippet_models():
        if f"{model._meta.app_label}_{model._meta.model_name}" == app_model:
            return model._meta.label
    return None


def _text(response):
    """What a person (or a script) could read in the answer, exports included."""
    if response.streaming:
        body = b"".join(response.streaming_content)
    else:
        body = response.content
    if body[:2] == b"PK":  # an XLSX workbook: its strings
        with zipfile.ZipFile(io.BytesIO(body)) as workbook:
            return " ".join(
                workbook.read(name).decode()
                for name in workbook.namelist()
                if name.endswith(".xml")
            )
    return body.decode("utf-8", "replace")


def refused(response):
    if response.status_code in (403, 404, 405):
        return True
    return response.status_code == 302 and response["Location"] == reverse(
        "wagtailadmin_home"
    )


@pytest.fixture
def world(site_tree):
    """Organization A (the users') and B (MARK's), with one of B's objects of
    every scoped model and page type."""
    ours = OrganizationFactory(name="Ministère A", acronym="MA")
    theirs = OrganizationFactory(name=f"Ministère {MARK}", acronym=f"{MARK}B")
    objects = {}
    objects["consultation.Survey"] = SurveyFactory(
        title=f"Questionnaire {MARK}", organization=theirs
    )
    objects["feedback.FeedbackEntry"] = FeedbackEntryFactory(
        comment=f"Commentaire {MARK}", organization=theirs, path=f"/fr/{MARK}/"
    )
    service = ServiceFactory(name=f"Service {MARK}", organization=theirs)
    objects["feedback.Service"] = service
    objects["feedback.Improvement"] = ImprovementFactory(
        title=f"Amélioration {MARK}", service=service
    )
    objects["consultation.Study"] = StudyFactory(
        title=f"Étude {MARK}", organization=theirs
    )
    objects["consultation.OrganizationLabSettings"] = (
        OrganizationLabSettings.objects.create(organization=theirs)
    )
    indicator = IndicatorFactory(name=f"Indicateur {MARK}", organization=theirs)
    objects["barometre.Indicator"] = indicator
    objects["barometre.Measurement"] = MeasurementFactory(
        indicator=indicator, source=f"Source {MARK}"
    )
    objects["notifications.MessageTemplate"] = MessageTemplate.objects.create(
        organization=theirs,
        slug=f"rappel-{MARK.lower()}",
        language="fr",
        channel="email",
        subject=f"Sujet {MARK}",
        body=f"Texte {MARK}",
    )
    pages = _pages(site_tree, theirs)
    objects["vitrine.CallSubmission"] = CallSubmission.objects.create(
        call=pages["vitrine.CallForProjectsPage"],
        call_key=pages["vitrine.CallForProjectsPage"].translation_key,
        project_name=f"Projet {MARK}",
        project_key=f"projet-{MARK.lower()}",
        team=f"Équipe {MARK}",
        description=f"Description {MARK}",
        contact_name=f"Contact {MARK}",
        contact_email="contact@example.org",
        language="fr",
    )
    benefit = add_benefit(pages["vitrine.ProjectPage"], description=f"Bénéfice {MARK}")
    objects["vitrine.BenefitMeasurement"] = measure(
        benefit, date(2025, 6, 1), 3, source=f"Source {MARK}"
    )
    message = Message.objects.create(kind=Message.Kind.DIRECT, organization=theirs)
    objects["notifications.Delivery"] = Delivery.objects.create(
        message=message,
        channel="email",
        language="fr",
        to=f"{MARK.lower()}@example.org",
        subject=f"Sujet {MARK}",
        body=f"Texte {MARK}",
        status=Delivery.Status.FAILED,
    )
    objects["training.Session"] = SessionFactory(
        course=pages["training.CoursePage"], place=f"Salle {MARK}", online=False
    )
    users = {
        "editor": UserFactory(groups=[EDITORS], organizations=[ours]),
        "analyst": UserFactory(groups=[ANALYSTS], organizations=[ours]),
        "reviewer": UserFactory(groups=[REVIEWERS]),
    }
    admin = UserFactory(groups=[ADMINISTRATORS])
    return objects, pages, users, admin, theirs


def _pages(site_tree, theirs):
    home = site_tree.fr
    vitrine = VitrineIndexPageFactory(parent=home)
    consultations = ConsultationIndexPageFactory(parent=home)
    catalogue = TrainingCatalogPageFactory(parent=home)
    lab = LabIndexPageFactory(parent=home)
    now = timezone.now()
    pages = {
        "home.StandardPage": StandardPageFactory(
            parent=home, title=f"Page {MARK}", organization=theirs
        ),
        "consultation.ConsultationPage": ConsultationPageFactory(
            parent=consultations,
            title=f"Consultation {MARK}",
            organization=theirs,
            opens_at=now - timedelta(days=1),
        ),
        "vitrine.CallForProjectsPage": CallForProjectsPageFactory(
            parent=vitrine, title=f"Appel {MARK}", organization=theirs
        ),
        "training.CoursePage": CoursePageFactory(
            parent=catalogue, title=f"Cours {MARK}", provider=theirs
        ),
        "consultation.LabReportPage": LabReportPageFactory(
            parent=lab, title=f"Rapport {MARK}", organization=theirs
        ),
    }
    project = ProjectPageFactory(parent=vitrine, title=f"Projet {MARK}")
    project.organizations.set([theirs])
    project.save()
    pages["vitrine.ProjectPage"] = project
    return pages


# Our own admin views: how to reach each with the other organization's object
# (the label of the object whose id goes in the URL), or None for a view with no
# id (a listing, a dashboard, an export) that must not show MARK.
OWN_VIEWS = {
    "consultation_reports": None,
    "consultation_report": "consultation.Survey",
    "consultation_text_answers": "consultation.Survey",
    "consultation_export": "consultation.Survey",
    "lab_recruit": "consultation.Study",
    "feedback_export": None,
    "feedback_dashboard": None,
    "feedback_dashboard_organization": "home.Organization",
    "feedback_dashboard_service": "feedback.Service",
    "training_sessions": None,
    "training_sessions_export": None,
    "notifications_log": None,
    "notifications_statistics": None,
    "notifications_resend": "notifications.Delivery",
    "notifications_api_keys": None,
    "barometre_import": None,
    "vitrine_submissions_export": None,
    "search_query_report": None,
    "waiting_for_translation": None,
    "waiting_for_translation_results": None,
}
OWN_APPS = ("home", "users", "vitrine", "consultation", "feedback", "training")
OWN_APPS += ("notifications", "barometre", "search", "opendata", "numeriqc")


def _is_ours(view):
    return view.__module__.split(".")[0] in OWN_APPS


def _snippet_urls(objects):
    """(url, label, opens one object) of every snippet and chooser view."""
    urls = []
    for namespace, name, arguments, _view in admin_patterns():
        label = None
        for prefix in ("wagtailsnippets_", "wagtailsnippetchoosers_"):
            if namespace and namespace.startswith(prefix):
                label = _label(namespace, prefix)
        if label is None or label in PUBLIC_REFERENCE:
            continue
        obj = objects[label]
        kwargs = {a: OTHER_ARGUMENTS.get(a, obj.pk) for a in arguments}
        url = reverse(f"{namespace}:{name}", kwargs=kwargs)
        if name == "chosen_multiple":
            url += f"?id={obj.pk}"
        urls.append((url, label, "pk" in arguments))
        if name == "list":
            urls += [(f"{url}?export={kind}", label, False) for kind in ("csv", "xlsx")]
            # A prefix: the search box repeats the query, not the whole MARK.
            urls.append((f"{url}?q={MARK[:3]}", label, False))
    return urls


def _own_urls(objects, theirs):
    urls, unknown = [], []
    for namespace, name, arguments, view in admin_patterns():
        if namespace or not _is_ours(view):
            continue
        if name not in OWN_VIEWS:
            unknown.append(name)
            continue
        label = OWN_VIEWS[name]
        obj = theirs if label == "home.Organization" else objects.get(label)
        kwargs = {a: OTHER_ARGUMENTS.get(a, getattr(obj, "pk", 0)) for a in arguments}
        urls.append((reverse(name, kwargs=kwargs), name, label is not None))
        if name == "feedback_export":
            urls.append((reverse(name, kwargs={"file_format": "xlsx"}), name, False))
    return urls, unknown


def _page_urls(pages):
    urls = []
    for namespace, name, arguments, _view in admin_patterns():
        of_pages = (namespace or "").startswith("wagtailadmin_pages")
        if not ({"page_id", "parent_page_id"} & set(arguments) or of_pages):
            continue
        if not ({"page_id", "parent_page_id", "pk"} & set(arguments)):
            continue
        full_name = f"{namespace}:{name}" if namespace else name
        for label, page in pages.items():
            kwargs = {a: OTHER_ARGUMENTS.get(a, page.pk) for a in arguments}
            urls.append((reverse(full_name, kwargs=kwargs), label, True))
    return urls


def test_every_snippet_model_is_scoped_or_declared_public(db):
    unscoped = [
        model._meta.label
        for model in get_snippet_models()
        if not _is_scoped(model) and model._meta.label not in PUBLIC_REFERENCE
    ]
    assert unscoped == [], (
        "Register an OrganizationScopedPolicy and use ScopedViewSet, or add the "
        "model to PUBLIC_REFERENCE with the reason no organization owns it."
    )


def test_every_page_type_owned_by_an_organization_is_walked(world):
    _objects, pages, *_ = world
    owned = {model._meta.label for model in organization_owned_page_models()}
    missing = owned - set(pages) - {"home.MeasurePage"}
    assert missing == set(), "Create a page of this type in `world`."


def test_no_admin_view_of_ours_is_left_out(world):
    objects, _pages, _users, _admin, theirs = world
    _urls, unknown = _own_urls(objects, theirs)
    assert unknown == [], "Say in OWN_VIEWS which object each of these views opens."


def _walk(client, user, urls):
    client.force_login(user)
    failures = []
    for url, label, opens_object in urls:
        response = client.get(url)
        text = _text(response)
        if response.status_code >= 500:
            failures.append(f"{response.status_code} {url}")
        elif MARK in text or MARK.lower() in text:
            failures.append(f"shows {label} ({response.status_code}) {url}")
        elif opens_object and not refused(response):
            failures.append(f"not refused ({response.status_code}) {url}")
    return failures


@pytest.mark.parametrize("role", ["editor", "analyst", "reviewer"])
def test_snippets_and_choosers_of_another_organization_are_refused(client, world, role):
    objects, _pages, users, _admin, theirs = world
    failures = _walk(client, users[role], _snippet_urls(objects))
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("role", ["editor", "analyst", "reviewer"])
def test_reports_dashboards_and_exports_of_another_organization_are_refused(
    client, world, role
):
    objects, _pages, users, _admin, theirs = world
    urls, _unknown = _own_urls(objects, theirs)
    failures = _walk(client, users[role], urls)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_pages_of_another_organization_are_refused(client, world, role):
    _objects, pages, users, _admin, _theirs = world
    failures = _walk(client, users[role], _page_urls(pages))
    assert not failures, "\n".join(failures)


def test_administrators_reach_every_object_the_matrix_refuses(client, world):
    """The walk above proves something only if the URLs lead to real objects."""
    objects, _pages, _users, admin, theirs = world
    client.force_login(admin)
    reached = re.compile(r"/(edit|inspect|history|usage|delete|copy|chosen)/\d+/$")
    urls = [url for url, _label, _one in _snippet_urls(objects) if reached.search(url)]
    assert len(urls) >= 50
    errors = [(url, client.get(url).status_code) for url in urls]
    assert [(url, status) for url, status in errors if status != 200] == []
    listing = client.get(reverse("wagtailsnippets_consultation_survey:list"))
    assert MARK in listing.text
