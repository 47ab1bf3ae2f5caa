"""The researcher's recruiting page: balanced proposal, invitations, answers.

It shows only the panel fields the study needs (its criteria and balance
fields) and a pseudonym; never an email or a telephone number. A first name is
shown once a member has accepted, to greet them.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from home.cleaning import as_id
from home.scoping import scope_queryset

from . import matching, services
from .admin_forms import RecruitForm
from .choices import CRITERIA, CRITERIA_LABELS, SINGLE_FIELDS
from .models import Invitation, Study


def studies_of(user):
    return scope_queryset(Study.objects.all(), user, "organization")


def needed_fields(study):
    """The panel fields a researcher may see for this study, in a stable order."""
    wanted = set(study.criteria or {}) | set(study.balance_on or [])
    wanted |= {quota.profile.split(":", 1)[0] for quota in study.quotas.all()}
    return [criterion for criterion in CRITERIA if criterion in wanted]


def shown_values(member, criterion):
    if criterion in SINGLE_FIELDS:
        return getattr(member, f"get_{criterion}_display")() or "—"
    labels = [str(label) for _value, label in member.choices_of(criterion)]
    return ", ".join(labels) or "—"


class RecruitView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "consultation/lab/admin/recruit.html"
    header_icon = "group"

    @cached_property
    def study(self):
        if not self.request.user.has_perm("consultation.change_study"):
            raise PermissionDenied
        return get_object_or_404(studies_of(self.request.user), pk=self.kwargs["pk"])

    def get_page_title(self):
        return _("Recruit: %(title)s") % {"title": self.study.title}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailsnippets_consultation_study:list"),
                "label": _("Studies"),
            },
            {
                "url": reverse(
                    "wagtailsnippets_consultation_study:edit", args=[self.study.pk]
                ),
                "label": self.study.title,
            },
            {"url": "", "label": _("Recruit")},
        ]

    def default_count(self):
        invited = self.study.invitations.filter(
            status__in=[Invitation.Status.INVITED, Invitation.Status.ACCEPTED]
        ).count()
        return max(1, 2 * self.study.participants_wanted - invited)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = RecruitForm(self.request.GET or {"count": self.default_count()})
        count = form.cleaned_data["count"] if form.is_valid() else self.default_count()
        proposal = matching.propose(self.study, count)
        fields = needed_fields(self.study)
        context.update(
            {
                "study": self.study,
                "form": form,
                "proposal": proposal,
                "columns": [CRITERIA_LABELS[criterion] for criterion in fields],
                "rows": [
                    (member, [shown_values(member, c) for c in fields])
                    for member in proposal.members
                ],
                "invitations": [
                    (invitation, [shown_values(invitation.member, c) for c in fields])
                    for invitation in self.study.invitations.select_related(
                        "member", "slot"
                    ).order_by("status", "pk")
                ],
                "slots": self.study.slots.order_by("starts_at"),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        ids = [as_id(pk) for pk in request.POST.getlist("member") if as_id(pk)]
        result = services.invite(self.study, ids)
        if result.invited:
            messages.success(
                request,
                ngettext(
                    "%(count)d member invited.",
                    "%(count)d members invited.",
                    len(result.invited),
                )
                % {"count": len(result.invited)},
            )
        skipped = len(result.at_cap) + result.not_eligible
        if skipped:
            messages.warning(
                request,
                ngettext(
                    "%(count)d member was not invited: contacted twice this month "
                    "already, or no longer eligible.",
                    "%(count)d members were not invited: contacted twice this month "
                    "already, or no longer eligible.",
                    skipped,
                )
                % {"count": skipped},
            )
        return redirect(request.path)
