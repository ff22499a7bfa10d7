"""Forms of the jobs pages: employer sign-up, organisation, job, filters, apply, stage."""

from __future__ import annotations

from django import forms

from frontend.forms import INVALID_CHOICE, SignUpForm
from jobs.models import DESCRIPTION_MAX, LOCATION_MAX, NOTE_MAX, TITLE_MAX, Job, Stage
from jobs.queries import SEARCH_MAX
from organisations.services import organisation_problems
from readiness.models import RoleProfile

SLUG_HELP = "Lowercase letters, digits and hyphens (no “_”); it names your organisation in links."


class OrganisationForm(forms.Form):
    organisation_name = forms.CharField(max_length=200, label="Organisation name")
    organisation_slug = forms.CharField(
        max_length=64, label="Organisation slug", help_text=SLUG_HELP
    )

    def clean(self):
        data = super().clean()
        if "organisation_name" in data and "organisation_slug" in data:
            problems = organisation_problems(
                name=data["organisation_name"], slug=data["organisation_slug"]
            )
            for field, messages in problems.items():
                target = {"name": "organisation_name", "slug": "organisation_slug"}.get(field)
                for message in messages:
                    self.add_error(target, message)
        return data


class EmployerSignUpForm(SignUpForm, OrganisationForm):
    display_name = forms.CharField(
        max_length=150, label="Your name", help_text="Shown to candidates in emails about them."
    )
    field_order = [
        "username",
        "email",
        "password",
        "display_name",
        "organisation_name",
        "organisation_slug",
    ]


class RoleChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: RoleProfile) -> str:
        return obj.name


class JobForm(forms.Form):
    title = forms.CharField(max_length=TITLE_MAX)
    description_md = forms.CharField(
        label="Description",
        max_length=DESCRIPTION_MAX,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="Markdown: headings, lists, links, code.",
    )
    location = forms.CharField(max_length=LOCATION_MAX, required=False)
    workplace = forms.ChoiceField(choices=Job.Workplace.choices, error_messages=INVALID_CHOICE)
    role_profile = RoleChoiceField(
        queryset=RoleProfile.objects.all(),
        to_field_name="slug",
        label="Role profile",
        help_text="Applicants are ranked by their readiness for this role.",
    )
    minimum_readiness = forms.IntegerField(
        min_value=0,
        max_value=100,
        label="Minimum readiness",
        help_text="0-100: applicants under it are flagged, not refused.",
    )


class JobFilterForm(forms.Form):
    """The job list's GET filters, named as the API's; an invalid one is reported and ignored."""

    search = forms.CharField(required=False, max_length=SEARCH_MAX, label="Search")
    role = RoleChoiceField(
        queryset=RoleProfile.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Any role",
        label="Role",
        error_messages={"invalid_choice": "That role profile doesn't exist."},
    )
    workplace = forms.ChoiceField(
        required=False,
        choices=[("", "Anywhere"), *Job.Workplace.choices],
        error_messages=INVALID_CHOICE,
    )


class ApplyForm(forms.Form):
    note = forms.CharField(
        required=False,
        max_length=NOTE_MAX,
        strip=False,
        label="A note to the employer (optional)",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=f"At most {NOTE_MAX:,} characters.",
    )


class StageForm(forms.Form):
    stage = forms.ChoiceField(choices=Stage.choices, error_messages=INVALID_CHOICE)
