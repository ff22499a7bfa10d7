"""Admin registration for users: operators manage accounts here (staff flags, deactivation)."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from accounts.models import User


@admin.register(User)
class PlatformUserAdmin(UserAdmin):
    fieldsets = (*UserAdmin.fieldsets, ("Platform", {"fields": ("role", "display_name")}))
    list_display = ("username", "email", "role", "is_staff", "is_active")
    list_filter = ("role", "is_staff", "is_active")

    def has_delete_permission(self, request: HttpRequest, obj: User | None = None) -> bool:
        # Deleting takes the account's submissions, readiness and applications along: only
        # superusers, one at a time (deactivating is the usual answer; a user who reviewed is
        # protected by the reviews, which accounts.services.user_delete detaches instead).
        return obj is not None and request.user.is_superuser
