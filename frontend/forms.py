"""Forms of the pages: sign-up (validated like every other account), the catalogue's filters."""

from __future__ import annotations

from collections.abc import Iterable

from django import forms
from django.contrib.auth import password_validation

from accounts.models import User
from challenges.kinds import kind_choices
from challenges.models import Challenge, Skill
from challenges.queries import SORT_CHOICES


class SignUpForm(forms.Form):
    username = forms.CharField(max_length=150, help_text="Letters, digits and @/./+/-/_ only.")
    email = forms.EmailField(help_text="For password resets; never shown to others.")
    password = forms.CharField(widget=forms.PasswordInput, strip=False)

    def clean_username(self) -> str:
        username = self.cleaned_data["username"]
        User.username_validator(username)
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError("That username is taken.")
        return username

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("An account already uses this email; sign in instead.")
        return email

    def clean(self):
        data = super().clean()
        if data.get("password"):
            candidate = User(username=data.get("username", ""), email=data.get("email", ""))
            try:
                password_validation.validate_password(data["password"], candidate)
            except forms.ValidationError as exc:
                self.add_error("password", exc)
        return data


INVALID_CHOICE = {"invalid_choice": "“%(value)s” is not one of the choices."}


class CatalogueFilters(forms.Form):
    """The catalogue's GET filters, named as the API's; an invalid one is reported and ignored."""

    search = forms.CharField(required=False, max_length=100, label="Search titles")
    kind = forms.ChoiceField(
        required=False,
        # Called for each form: kinds come from the registry (CHALLENGE_KINDS).
        choices=lambda: [("", "Any kind"), *kind_choices()],
        error_messages=INVALID_CHOICE,
    )
    skill = forms.ChoiceField(required=False, error_messages=INVALID_CHOICE)
    difficulty = forms.ChoiceField(
        required=False,
        choices=[("", "Any difficulty"), *Challenge.Difficulty.choices],
        error_messages=INVALID_CHOICE,
    )
    progress = forms.ChoiceField(
        required=False,
        label="Status",
        choices=[
            ("", "Any status"),
            ("solved", "Solved"),
            ("attempted", "Attempted, not solved"),
            ("new", "Not started"),
        ],
        error_messages=INVALID_CHOICE,
    )

    sort = forms.ChoiceField(
        required=False, label="Sort by", choices=SORT_CHOICES, error_messages=INVALID_CHOICE
    )

    def __init__(self, data, *, skills: Iterable[Skill]) -> None:
        super().__init__(data)
        self.fields["skill"].choices = [("", "Any skill"), *((s.slug, s.name) for s in skills)]

    def ignored(self) -> list[dict[str, str]]:
        """Per invalid filter, what was wrong, under the id its control's aria-describedby names."""
        return [
            {
                "id": f"{self[name].auto_id}_error",
                "text": f"The {self[name].label.lower()} filter was ignored: {' '.join(errors)}",
            }
            for name, errors in self.errors.items()
        ]
