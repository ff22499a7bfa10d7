"""Admin for users: operators manage accounts here; API tokens are kept out of the admin."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest
from rest_framework.authtoken.models import TokenProxy

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


# DRF lists every API token's key to whoever may view tokens, and lets staff make one for any
# user (signing in as them). A token is its user's password for the API: not in the admin. It
# ends when its user changes their password, or when an operator deactivates the account.
admin.site.unregister(TokenProxy)
