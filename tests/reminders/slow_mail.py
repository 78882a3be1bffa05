"""An e-mail backend that takes its time before writing each message to a file, so that a test
can stop a runner in the middle of its run."""

from __future__ import annotations

import time
from typing import Any

from django.core.mail.backends.filebased import EmailBackend


class SlowBackend(EmailBackend):
    def send_messages(self, email_messages: Any) -> int:
        time.sleep(0.3)
        return super().send_messages(email_messages)
