"""`actionplan import-updates FILE --as USERNAME`: apply the edits owners made to an exported
workbook, as progress updates by that person. The file name gives the command its spelling;
the work is done in actionplan.reports.give_back, which an upload page can call too."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from actionplan.plans.models import User
from actionplan.reports.give_back import apply_workbook
from actionplan.reports.returned import WorkbookError


class Command(BaseCommand):
    help = "Apply the progress, status and revised due dates edited in an exported workbook."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, metavar="FILE")
        parser.add_argument(
            "--as",
            dest="username",
            default=getpass.getuser(),
            metavar="USERNAME",
            help="who is giving the updates (default: your login name)",
        )

    def handle(self, *args: str, file: Path, username: str, **options: Any) -> None:
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(
                f"no active user '{username}': say who is giving the updates with --as USERNAME"
            )
        try:
            result = apply_workbook(file.read_bytes(), user, name=file.name)
        except OSError as error:
            raise CommandError(f"{file}: {error.strerror}") from error
        except WorkbookError as error:
            raise CommandError(f"{error}; nothing was applied") from error
        for line in result.lines():
            self.stdout.write(line)
