"""The one set of settings, a module a concern; what differs between machines comes from the environment.

Development needs nothing set: the database is a SQLite file and the secret key is generated
once into the data directory. Production sets DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS and
ACTIONPLAN_PRODUCTION=1 (see docs/deployment.md). Each module below reads its own variables;
this package gathers them into the one module Django is given, `actionplan.settings` (ADR 55).
No two modules set the same name, so the order they are gathered in does not matter.
"""

from __future__ import annotations

from actionplan.settings.database import *  # noqa: F403
from actionplan.settings.environment import *  # noqa: F403
from actionplan.settings.mail_and_work import *  # noqa: F403
from actionplan.settings.security import *  # noqa: F403
from actionplan.settings.sign_in import *  # noqa: F403
from actionplan.settings.site import *  # noqa: F403
