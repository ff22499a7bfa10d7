"""{{ user|hires }}: does the signed-in user hire for an organisation (the "Employer" link)?"""

from django import template

from jobs.access import access_is_employer

register = template.Library()


@register.filter
def hires(user) -> bool:
    return bool(user and user.is_authenticated and access_is_employer(user))
