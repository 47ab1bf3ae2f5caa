"""Which panel members a study may invite, and a balanced selection among them.

Eligibility is one SQL query: the study's criteria, a confirmed contact, not at
the monthly contact cap, no participation in the last 90 days, not already
invited. Balancing then works on at most `POOL_LIMIT` candidates in memory:
quotas first ("at least two screen-reader users"), then an even spread across
the fields the researcher marked (region, language...).
"""

import random
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta

from django.db.models import Count, Q
from django.utils import timezone

from . import messaging
from .choices import MULTI_FIELDS, SINGLE_FIELDS, choices_of, column_of, split_profile
from .models import CONTACTS_PER_MONTH, Contact, Invitation, PanelMember

RECENT_PARTICIPATION_DAYS = 90
POOL_LIMIT = 3000


def month_start(now=None):
    return timezone.localdate(now).replace(day=1)


def criteria_q(criteria):
    """The SQL condition of a study's criteria: {field: [accepted values]}."""
    condition = Q()
    for criterion, values in (criteria or {}).items():
        if not values:
            continue
        if criterion in SINGLE_FIELDS:
            condition &= Q(**{f"{criterion}__in": values})
        elif criterion in MULTI_FIELDS:
            known = {choice for choice, _column, _label in MULTI_FIELDS[criterion]}
            any_of = Q(pk__in=[])
            for value in set(values) & known:
                any_of |= Q(**{column_of(criterion, value): True})
            condition &= any_of
    return condition


def profile_q(profile):
    criterion, value = split_profile(profile)
    return criteria_q({criterion: [value]})


def members_at_cap(now=None):
    return (
        Contact.objects.filter(month=month_start(now))
        .values("member")
        .annotate(contacts=Count("pk"))
        .filter(contacts__gte=CONTACTS_PER_MONTH)
        .values("member")
    )


def recent_participants(now=None):
    since = (now or timezone.now()) - timedelta(days=RECENT_PARTICIPATION_DAYS)
    return Invitation.objects.filter(
        status=Invitation.Status.ACCEPTED, responded_at__gte=since
    ).values("member")


def reachable_members():
    members = PanelMember.objects.filter(email_confirmed_at__isnull=False)
    if not messaging.platform_handles_messages():
        members = members.exclude(email="")
    return members


def eligible_members(study, now=None):
    return (
        reachable_members()
        .filter(criteria_q(study.criteria))
        .exclude(pk__in=members_at_cap(now))
        .exclude(pk__in=recent_participants(now))
        .exclude(pk__in=Invitation.objects.filter(study=study).values("member"))
    )


def values_of(member, criterion):
    """The member's values on one criterion (a tuple: multi fields have several)."""
    if criterion in SINGLE_FIELDS:
        value = getattr(member, criterion)
        return (value,) if value else ()
    return tuple(value for value, _label in member.choices_of(criterion))


def has_profile(member, profile):
    criterion, value = split_profile(profile)
    return value in values_of(member, criterion)


@dataclass
class Proposal:
    members: list
    eligible_count: int
    quotas: list = field(default_factory=list)  # [(quota, reached)]
    spread: list = field(default_factory=list)  # [(criterion label, [(label, n)])]


def propose(study, count, now=None):
    """Up to `count` eligible members, quotas first, then spread evenly."""
    eligible = eligible_members(study, now)
    pool = list(eligible.order_by("pk")[:POOL_LIMIT])
    random.Random(study.pk).shuffle(pool)  # noqa: S311 - fairness, not secrecy
    already = list(
        PanelMember.objects.filter(
            invitations__study=study,
            invitations__status__in=[
                Invitation.Status.INVITED,
                Invitation.Status.ACCEPTED,
            ],
        )
    )
    quotas = list(study.quotas.all())
    chosen = _fill_quotas(pool, quotas, already, count)
    chosen = _spread(pool, chosen, study.balance_on or [], already, count)
    everyone = already + chosen
    return Proposal(
        members=chosen,
        eligible_count=len(pool) if len(pool) < POOL_LIMIT else eligible.count(),
        quotas=[
            (quota, sum(has_profile(m, quota.profile) for m in everyone))
            for quota in quotas
        ],
        spread=_distribution(everyone, study.balance_on or []),
    )


def _fill_quotas(pool, quotas, already, count):
    chosen = []
    for quota in quotas:
        reached = sum(has_profile(m, quota.profile) for m in already + chosen)
        for member in pool:
            if reached >= quota.minimum or len(chosen) >= count:
                break
            if member not in chosen and has_profile(member, quota.profile):
                chosen.append(member)
                reached += 1
    return chosen


def _spread(pool, chosen, balance_on, already, count):
    """Add, one at a time, the candidate whose values are the least represented."""
    counts = {criterion: Counter() for criterion in balance_on}
    for member in already + chosen:
        _count(counts, member)
    candidates = [member for member in pool if member not in chosen]
    while len(chosen) < count and candidates:
        best = min(
            range(len(candidates)),
            key=lambda index: _score(counts, candidates[index]),
        )
        member = candidates.pop(best)
        chosen.append(member)
        _count(counts, member)
    return chosen


def _count(counts, member):
    for criterion, counter in counts.items():
        counter.update(values_of(member, criterion) or ("",))


def _score(counts, member):
    return sum(
        min(counter[value] for value in values_of(member, criterion) or ("",))
        for criterion, counter in counts.items()
    )


def _distribution(members, balance_on):
    from .choices import CRITERIA_LABELS

    rows = []
    for criterion in balance_on:
        counter = Counter()
        for member in members:
            counter.update(values_of(member, criterion))
        rows.append(
            (
                CRITERIA_LABELS[criterion],
                [(label, counter[value]) for value, label in choices_of(criterion)],
            )
        )
    return rows
