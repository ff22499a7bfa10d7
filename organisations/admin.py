"""Admin for organisations, memberships (editable by operators) and team invitations (view only)."""

from django.contrib import admin
from django.http import HttpRequest

from config.admin_readonly import ViewOnly
from organisations.models import Membership, Organisation, TeamInvitation


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ("user",)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("slug", "name", "created_at")
    search_fields = ("slug", "name")
    inlines = [MembershipInline]

    def get_readonly_fields(self, request: HttpRequest, obj: Organisation | None = None):
        # Its challenges are named "<slug>_<name>": a new slug would orphan the names, and the
        # old one, free again, could be taken by another organisation.
        return ("slug",) if obj is not None else ()

    def has_delete_permission(self, request: HttpRequest, obj: Organisation | None = None) -> bool:
        # Superusers, one at a time, an organisation with no challenges and no jobs: deleting
        # one would take its jobs' applications (candidates' records) along.
        if obj is None or not request.user.is_superuser:
            return False
        return not (obj.challenges.exists() or obj.jobs.exists())


@admin.register(TeamInvitation)
class TeamInvitationAdmin(ViewOnly, admin.ModelAdmin):
    # The token's hash is left out: it is useless to read and nobody needs to copy it.
    list_display = ("email", "organisation", "role", "created_at", "expires_at", "accepted_at")
    list_filter = ("role",)
    search_fields = ("email", "organisation__slug")
    exclude = ("token_hash",)

    def get_queryset(self, request: HttpRequest):
        # Superusers, the operators, see all; other staff what the team page shows them: the
        # invitations of organisations they own (docs/access.md, "Teams").
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(
            organisation__memberships__user=request.user,
            organisation__memberships__role=Membership.Role.OWNER,
        )
