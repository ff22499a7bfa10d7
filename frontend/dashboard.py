"""The candidate's dashboard: progress, activity and what to try next, rendered server-side."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from submissions.progress import progress_for_user

# The chart shows this many skills; the rest fold away, or a big catalogue buries the chart.
CHARTED_SKILLS = 12


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    progress = progress_for_user(user=request.user)
    # Where the candidate stands first (most solved share), then the most practised skills.
    ranked = sorted(progress.skills, key=lambda t: (-t.solved / t.total, -t.total, t.name))
    return render(
        request,
        "frontend/dashboard.html",
        {
            "progress": progress,
            "charted_skills": ranked[:CHARTED_SKILLS],
            "more_skills": ranked[CHARTED_SKILLS:],
        },
    )
