"""Two caps on failed sign-ins: a low one per person and address, a higher one per person.

The first stops one machine guessing a password without locking a colleague elsewhere out. The
second stops an attacker who spreads guesses over many addresses, and bounds how often anyone
can lock a person out: whatever the number of addresses, one lock-out per cool-off.
"""

from __future__ import annotations

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest


class TwoCapsHandler(AxesDatabaseHandler):
    """django-axes counts failures for each group in AXES_LOCKOUT_PARAMETERS, in that order:
    (username, address) first, then username alone, and locks out when the count it is given
    reaches AXES_FAILURE_LIMIT. The username's own count has the higher cap."""

    def get_failures(self, request: HttpRequest, credentials: dict | None = None) -> int:
        from_this_address, from_anywhere = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        if from_anywhere >= settings.ACTIONPLAN_USERNAME_FAILURE_LIMIT:
            return max(from_this_address, settings.AXES_FAILURE_LIMIT)
        return from_this_address
