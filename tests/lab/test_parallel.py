"""Parallel acceptances never overbook; parallel contacts never pass the cap.

Real concurrency needs PostgreSQL (SQLite serialises every write): these tests
run with DATABASE_URL set and are skipped, with the reason, on SQLite.
"""

import threading

import pytest
from django.db import connection, connections
from wagtail.models import Locale

from consultation.lab.models import Contact, Invitation, Study, StudySlot
from consultation.lab.services import (
    ContactCapReached,
    SlotFull,
    StudyFull,
    accept,
    record_contact,
)

from .factories import InvitationFactory, PanelMemberFactory, StudyFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite serialises writes, nothing runs in parallel",
    ),
]

THREADS = 12


@pytest.fixture(autouse=True)
def _locales():
    """A transactional test empties every table: the languages come back here."""
    for code in ("fr", "en"):
        Locale.objects.get_or_create(language_code=code)


def run_together(work, arguments):
    barrier = threading.Barrier(len(arguments))
    outcomes = []

    def target(argument):
        try:
            barrier.wait()
            outcomes.append(work(argument))
        except Exception as error:  # noqa: BLE001 - collected for the assertion
            outcomes.append(type(error).__name__)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=target, args=(a,)) for a in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_parallel_acceptances_fill_the_study_without_overbooking():
    study = StudyFactory(participants_wanted=3)
    invitations = [InvitationFactory(study=study) for _ in range(THREADS)]

    outcomes = run_together(
        lambda invitation: accept(invitation) and "accepted", invitations
    )

    assert outcomes.count("accepted") == 3
    assert outcomes.count(StudyFull.__name__) == THREADS - 3
    assert Study.objects.get().accepted_count == 3
    assert Invitation.objects.filter(status="accepted").count() == 3
    assert Invitation.objects.filter(status="full").count() == THREADS - 3


def test_parallel_acceptances_of_one_slot_book_it_once():
    study = StudyFactory(participants_wanted=THREADS)
    slot = StudySlot.objects.create(study=study, starts_at=study.created_at, capacity=2)
    invitations = [InvitationFactory(study=study) for _ in range(THREADS)]

    outcomes = run_together(
        lambda invitation: accept(invitation, slot) and "accepted", invitations
    )

    assert outcomes.count("accepted") == 2
    assert outcomes.count(SlotFull.__name__) == THREADS - 2
    assert StudySlot.objects.get().booked == 2
    assert Study.objects.get().accepted_count == 2
    assert Invitation.objects.filter(status="accepted").count() == 2
    # The refused members may still pick another time.
    assert Invitation.objects.filter(status="invited").count() == THREADS - 2


def test_parallel_contacts_never_pass_the_monthly_cap():
    member = PanelMemberFactory()

    outcomes = run_together(
        lambda _number: record_contact(member) and "contacted", list(range(THREADS))
    )

    assert outcomes.count("contacted") == 2
    assert outcomes.count(ContactCapReached.__name__) == THREADS - 2
    assert Contact.objects.filter(member=member).count() == 2
