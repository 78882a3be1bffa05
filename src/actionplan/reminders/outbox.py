"""Sending an e-mail: through Django's e-mail backend (SMTP, or files in development), or through
GOV.UK Notify when NOTIFY_API_KEY is set (docs/reminders.md)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from .letters import Letter


def deliver(letter: Letter) -> None:
    if settings.NOTIFY_API_KEY:
        send_through_notify(letter)
        return
    message = EmailMultiAlternatives(letter.subject, letter.text, settings.DEFAULT_FROM_EMAIL, [letter.to])
    message.attach_alternative(letter.html, "text/html")
    message.send()


def send_through_notify(letter: Letter) -> None:
    """Notify sends its own styled e-mail from a template; ours fills it with the plain text."""
    from notifications_python_client.notifications import NotificationsAPIClient

    client = NotificationsAPIClient(settings.NOTIFY_API_KEY, base_url=settings.NOTIFY_BASE_URL)
    client.send_email_notification(
        email_address=letter.to,
        template_id=settings.NOTIFY_TEMPLATE_ID,
        personalisation={"subject": letter.subject, "body": letter.text},
    )
