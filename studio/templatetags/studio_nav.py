"""{{ user|authors }}: show the "Studio" nav link to this user?"""

from django import template

from accounts.models import User
from challenges.access import authorable_organisations

register = template.Library()


@register.filter
def authors(user) -> bool:
    """Staff (the catalogue), and employer accounts that own or author for an organisation.

    Candidate accounts are answered without a query, so the pages candidates use every day keep
    their query budgets; a candidate account given an author role in the admin still reaches
    /studio/.
    """
    if not (user and user.is_authenticated):
        return False
    if user.is_staff:
        return True
    if user.role != User.Role.EMPLOYER:
        return False
    return authorable_organisations(user).exists()
