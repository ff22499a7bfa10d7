"""{{ user|authors }}: show the "Studio" nav link to this user?"""

from django import template

from challenges.access import authorable_organisations

register = template.Library()


@register.filter
def authors(user) -> bool:
    """Staff (the catalogue) and organisation owners and authors use the studio."""
    if not user.is_authenticated:
        return False
    return user.is_staff or authorable_organisations(user).exists()
