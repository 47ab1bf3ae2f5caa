"""Matching on the researcher's criteria, exclusions, and balancing."""

from datetime import timedelta

from django.utils import timezone

from consultation.lab.matching import eligible_members, propose
from consultation.lab.models import StudyQuota

from .factories import InvitationFactory, PanelMemberFactory, StudyFactory


def test_members_match_every_criterion_and_any_value_of_each(db):
    study = StudyFactory(
        criteria={"region": ["03", "06"], "assistive": ["screen_reader", "magnifier"]}
    )
    wanted = PanelMemberFactory(region="03", uses_magnifier=True)
    also = PanelMemberFactory(region="06", uses_screen_reader=True)
    PanelMemberFactory(region="13", uses_screen_reader=True)  # wrong region
    PanelMemberFactory(region="03")  # no assistive technology
    assert set(eligible_members(study)) == {wanted, also}


def test_unconfirmed_members_and_recent_participants_are_left_out(db):
    study = StudyFactory()
    ready = PanelMemberFactory()
    PanelMemberFactory(email_confirmed_at=None)
    recent = PanelMemberFactory()
    InvitationFactory(
        member=recent,
        status="accepted",
        responded_at=timezone.now() - timedelta(days=30),
    )
    long_ago = PanelMemberFactory()
    InvitationFactory(
        member=long_ago,
        status="accepted",
        responded_at=timezone.now() - timedelta(days=120),
    )
    already = PanelMemberFactory()
    InvitationFactory(member=already, study=study)
    assert set(eligible_members(study)) == {ready, long_ago}


def test_quotas_come_first(db):
    study = StudyFactory()
    StudyQuota.objects.create(study=study, profile="assistive:screen_reader", minimum=2)
    StudyQuota.objects.create(study=study, profile="language:en", minimum=1)
    for _ in range(10):
        PanelMemberFactory(uses_no_assistive_technology=True)
    readers = [PanelMemberFactory(uses_screen_reader=True) for _ in range(2)]
    english = PanelMemberFactory(language="en")
    proposal = propose(study, 3)
    assert set(proposal.members) == {*readers, english}
    assert [reached for _quota, reached in proposal.quotas] == [2, 1]


def test_invitations_are_spread_across_the_marked_fields(db):
    study = StudyFactory(balance_on=["region", "language"])
    for _ in range(8):
        PanelMemberFactory(region="06", language="fr")
    PanelMemberFactory(region="03", language="fr")
    PanelMemberFactory(region="09", language="en")
    PanelMemberFactory(region="06", language="en")
    proposal = propose(study, 4)
    regions = [member.region for member in proposal.members]
    languages = [member.language for member in proposal.members]
    assert {"03", "09"} <= set(regions)
    assert languages.count("en") == 2
    spread = dict(proposal.spread)
    assert dict(spread["Région"])["Montréal"] == 2


def test_the_proposal_query_count_does_not_grow_with_the_panel(
    db, django_assert_max_num_queries
):
    study = StudyFactory(balance_on=["region"], criteria={"devices": ["computer"]})
    StudyQuota.objects.create(study=study, profile="region:06", minimum=1)
    for _ in range(5):
        PanelMemberFactory()
    with django_assert_max_num_queries(6):
        small = propose(study, 5)
    for _ in range(45):
        PanelMemberFactory()
    with django_assert_max_num_queries(6):
        large = propose(study, 50)
    assert (len(small.members), len(large.members)) == (5, 50)


def test_an_unknown_criterion_value_matches_nobody_without_error(db):
    PanelMemberFactory()
    study = StudyFactory(criteria={"devices": ["toaster"], "nonsense": ["x"]})
    assert not eligible_members(study).exists()
