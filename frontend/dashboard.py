"""The candidate's dashboard: progress, activity and what to try next, rendered server-side."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from submissions.progress import progress_for_user


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(
        request, "frontend/dashboard.html", {"progress": progress_for_user(user=request.user)}
    )
