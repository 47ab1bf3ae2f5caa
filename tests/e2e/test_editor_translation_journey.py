"""An organization's editor writes a consultation in French, a reviewer of that
organization approves it, it is translated with wagtail-localize (its survey and the
survey's display condition too), and the two languages keep one state (issue 16):
the English page is not live until its translation is published, and closing the
French consultation closes the English one.
"""

import re
import urllib.error
import urllib.request
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect
from wagtail.models import Page, WorkflowState

from consultation.models import (
    Choice,
    ConsultationIndexPage,
    ConsultationPage,
    Question,
    Response,
    Survey,
)
from home.demo import demo_password
from home.models import Organization

TITLE_FR = "Consultation sur les guichets numériques"
TITLE_EN = "Consultation on digital service desks"
SURVEY_FR = "Questionnaire sur les guichets"
SURVEY_EN = "Service desk questionnaire"
ASKED_FR = "Avez-vous utilisé un guichet numérique?"
ASKED_EN = "Have you used a digital service desk?"
FOLLOW_UP_FR = "Lequel avez-vous utilisé?"
FOLLOW_UP_EN = "Which one did you use?"


def _log_in(page, site_url, username):
    page.context.clear_cookies()
    page.goto(f"{site_url}/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(demo_password())
    page.locator("#id_password").press("Enter")
    expect(page).to_have_url(re.compile(r"/admin/$"))


def _more_actions(page):
    """The footer's dropdown of actions after the main one."""
    page.locator("footer .w-dropdown__toggle").last.click()


def _add_block(page, panel, name):
    """The StreamField's "+" (clicked again if the admin's scripts were not ready)."""
    option = page.get_by_role("listbox").get_by_role(
        "option", name=re.compile(f"^({name})$")
    )
    for _attempt in range(3):
        page.locator(f"{panel} button[title]").first.click()
        try:
            option.wait_for(timeout=2000)
            break
        except PlaywrightTimeout:
            continue
    option.click()


def _succeeded(page):
    """The admin's success message, or the form's errors in the failure."""
    try:
        expect(page.locator(".messages .success")).to_be_visible()
    except AssertionError:
        errors = page.locator(".error-message, .messages .error").all_inner_texts()
        raise AssertionError(f"{page.url}: {errors}") from None


def _status(url):
    try:
        with urllib.request.urlopen(url) as answer:  # noqa: S310 - the live server
            return answer.status
    except urllib.error.HTTPError as error:
        return error.code


def _local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def _survey_with_condition(organization):
    """A French survey whose second question shows only after a "Oui"."""
    survey = Survey.objects.create(
        title=SURVEY_FR, organization=organization, locale=organization.locale
    )
    asked = Question.objects.create(
        survey=survey,
        kind=Question.Kind.SINGLE,
        label=ASKED_FR,
        required=True,
        sort_order=0,
        locale=survey.locale,
    )
    for order, label in enumerate(("Oui", "Non")):
        Choice.objects.create(
            question=asked, label=label, sort_order=order, locale=survey.locale
        )
    Question.objects.create(
        survey=survey,
        kind=Question.Kind.SHORT_TEXT,
        label=FOLLOW_UP_FR,
        sort_order=1,
        locale=survey.locale,
        condition_question=asked,
        condition_operator=Question.Operator.EQUALS,
        condition_value="Oui",
    )
    return survey


TRANSLATE = re.compile("^(Translate|Traduire)$")


def _translate(page, strings):
    """wagtail-localize's editor: each segment translated and saved in turn."""
    for source, translation in strings:
        # The segment shows its source in a paragraph of its own (a condition's
        # value shows a choice's text too, but as a synchronised field).
        segment = page.locator(f"xpath=//li[p[normalize-space()='{source}']]")
        segment.get_by_role("button", name=TRANSLATE).click()
        segment.locator("textarea").fill(translation)
        segment.get_by_role("button", name=re.compile("^(Save|Enregistrer)$")).click()
        expect(segment).to_contain_text(translation)


def test_a_consultation_from_french_draft_to_closed_in_both_languages(
    page, browser, site_url, settings
):
    cqen = Organization.objects.get(slug="cqen", locale__language_code="fr")
    survey = _survey_with_condition(cqen)
    index = ConsultationIndexPage.objects.get(locale__language_code="fr")
    now = timezone.now()
    page.set_default_timeout(10_000)
    # Wagtail 8 autosaves a new page as a draft when it likes (seconds later on a
    # busy machine): a submission racing it would create the page twice.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0

    # The CQEN's editor writes the page and submits it for review.
    _log_in(page, site_url, "redaction.cqen")
    page.goto(f"{site_url}/admin/pages/add/consultation/consultationpage/{index.pk}/")
    page.locator("#id_title").fill(TITLE_FR)
    page.locator("#id_summary").fill("Dites-nous ce que vous en pensez.")
    page.locator("#id_organization").select_option(value=str(cqen.pk))
    page.locator("#id_opens_at").fill(_local(now - timedelta(days=2)))
    page.locator("#id_closes_at").fill(_local(now + timedelta(days=30)))
    _add_block(page, "#panel-child-content-body-content", "Survey|Questionnaire")
    page.get_by_role(
        "button", name=re.compile("Choose (a )?survey|Choisir (un )?questionnaire")
    ).click()
    page.get_by_role("link", name=SURVEY_FR).click()
    _more_actions(page)
    page.get_by_role("button", name=re.compile("^(Submit|Soumettre)")).click()
    _succeeded(page)
    french = ConsultationPage.objects.get(title=TITLE_FR)
    state = WorkflowState.objects.get(object_id=str(french.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not french.live

    # A reviewer of the CQEN approves it, which publishes it.
    _log_in(page, site_url, "revision.cqen")
    page.goto(f"{site_url}/admin/pages/{french.pk}/edit/")
    _more_actions(page)
    # Wagtail 8: "Approve and Publish", in the footer's dropdown (the one "with
    # comment" opens a dialog first).
    page.get_by_role(
        "button", name=re.compile("^(Approve and Publish|Approuver et publier)$")
    ).click()
    _succeeded(page)
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    french.refresh_from_db()
    assert french.live

    # Translation: the page, and with it its survey.
    _log_in(page, site_url, "admin")
    page.goto(f"{site_url}/admin/localize/submit/page/{french.pk}/")
    page.get_by_role("checkbox", name="English").check()
    page.get_by_role("button", name=re.compile("Submit|Soumettre")).click()
    english = ConsultationPage.objects.get(
        translation_key=french.translation_key, locale__language_code="en"
    )
    english_survey = Survey.objects.get(
        translation_key=survey.translation_key, locale__language_code="en"
    )
    page.goto(
        f"{site_url}/admin/snippets/consultation/survey/edit/{english_survey.pk}/"
    )
    _translate(
        page,
        (
            (SURVEY_FR, SURVEY_EN),
            (ASKED_FR, ASKED_EN),
            ("Oui", "Yes"),
            ("Non", "No"),
            (FOLLOW_UP_FR, FOLLOW_UP_EN),
        ),
    )
    page.get_by_role("button", name=re.compile("Publish in English")).click()
    _succeeded(page)
    follow_up = Question.objects.get(survey=english_survey, label=FOLLOW_UP_EN)
    assert follow_up.condition_question.label == ASKED_EN
    assert follow_up.condition_value == "Yes"

    english_url = f"{site_url}/en/consultations/{english.slug}/"
    assert _status(english_url) == 404
    page.goto(f"{site_url}/admin/pages/{english.pk}/edit/")
    _translate(
        page,
        (
            (TITLE_FR, TITLE_EN),
            ("Dites-nous ce que vous en pensez.", "Tell us what you think."),
        ),
    )
    page.get_by_role("tab", name=re.compile("^(Promote|Promotion)$")).click()
    _translate(page, ((french.slug, "digital-service-desks"),))
    assert _status(english_url) == 404  # still a draft
    page.get_by_role("button", name=re.compile("Publish in English")).click()
    _succeeded(page)
    english = ConsultationPage.objects.get(pk=english.pk)
    assert english.live
    english_url = site_url + english.url
    assert english_url.endswith("/en/consultations/digital-service-desks/")
    assert _status(english_url) == 200

    # A citizen opens the English form while the consultation is open…
    citizen = browser.new_context().new_page()
    citizen.goto(english_url)
    expect(citizen.get_by_text(ASKED_EN)).to_be_visible()

    # …the French consultation closes…
    page.goto(f"{site_url}/admin/pages/{french.pk}/edit/")
    page.locator("#id_closes_at").fill(_local(now - timedelta(hours=1)))
    _more_actions(page)
    page.get_by_role("button", name=re.compile("^(Publish|Publier)$")).click()
    _succeeded(page)
    assert ConsultationPage.objects.get(pk=english.pk).status == "closed"

    # …and the English answer sent afterwards is refused, nothing stored.
    responses = Response.objects.filter(survey=survey).count()
    citizen.get_by_role("group", name=ASKED_EN).get_by_label("No").check()
    citizen.get_by_role("button", name="Send my answers").click()
    expect(citizen.locator("main")).to_contain_text("answers are no longer accepted")
    assert Response.objects.filter(survey=survey).count() == responses
    citizen.context.close()
    assert Page.objects.get(pk=french.pk).live
