"""{{ user|hires }}: show the "Employer" nav links to this user?"""

from django import template

from accounts.models import User
from jobs.access import access_is_employer

register = template.Library()


@register.filter
def hires(user) -> bool:
    """Employer accounts holding an owner, author or reviewer role somewhere.

    Candidate accounts are answered without a query, so the pages candidates use every day keep
    their query budgets; a candidate account given a hiring role in the admin still reaches
    /employer/ (and lands there on sign-in).
    """
    if not (user and user.is_authenticated) or user.role != User.Role.EMPLOYER:
        return False
    return access_is_employer(user)
