"""The candidate's dashboard: readiness per skill with bands, the goal's verdict, what to practise
next, and progress and activity, rendered server-side."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from readiness.goals import candidate_goal_clear, candidate_goal_set
from readiness.models import RoleProfile
from readiness.overview import readiness_overview
from readiness.practice import practise_next
from submissions.progress import progress_for_user

# The chart shows this many skills; the rest fold away, or a big catalogue buries the chart.
CHARTED_SKILLS = 12


class GoalForm(forms.Form):
    role = forms.ChoiceField(label="Role you aim for", required=False)

    def __init__(self, *args, roles: list[RoleProfile], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [("", "No goal: every skill counts the same")] + [
            (role.slug, role.name) for role in roles
        ]


def _render(request: HttpRequest, goal_form: GoalForm | None = None, status: int = 200):
    progress = progress_for_user(user=request.user)
    # Where the candidate stands first (most solved share), then the most practised skills.
    ranked = sorted(progress.skills, key=lambda t: (-t.solved / t.total, -t.total, t.name))
    overview = readiness_overview(user=request.user)
    roles = [standing.role for standing in overview.roles]
    if goal_form is None:
        goal_form = GoalForm(
            roles=roles, initial={"role": overview.goal.slug if overview.goal else ""}
        )
    plan = practise_next(user=request.user, role=overview.goal, skills=overview.skills)
    return render(
        request,
        "frontend/dashboard.html",
        {
            "progress": progress,
            "charted_skills": ranked[:CHARTED_SKILLS],
            "more_skills": ranked[CHARTED_SKILLS:],
            "readiness": overview,
            "scored_skills": [v for v in overview.skills if v.has_evidence],
            "unscored_skills": [v for v in overview.skills if not v.has_evidence],
            "goal_standing": overview.goal_standing,
            "goal_form": goal_form,
            "plan": plan,
        },
        status=status,
    )


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    return _render(request)


@login_required
@require_POST
def dashboard_goal(request: HttpRequest) -> HttpResponse:
    """The goal selector's form: set or clear the role, then back to the dashboard."""
    form = GoalForm(request.POST, roles=list(RoleProfile.objects.all()))
    if not form.is_valid():
        return _render(request, goal_form=form, status=400)
    slug = form.cleaned_data["role"]
    if slug:
        candidate_goal_set(user_id=request.user.pk, role_slug=slug)
    else:
        candidate_goal_clear(user_id=request.user.pk)
    return redirect("frontend:dashboard")
