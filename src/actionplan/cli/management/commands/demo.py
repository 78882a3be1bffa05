from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from actionplan.demo import build_demo
from actionplan.demo.riverton import DEMO_PASSWORD, DemoExists


class Command(BaseCommand):
    help = (
        "Load the Riverton demonstration partnership: agencies, reviews, plans, users and a year of history."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--replace", action="store_true", help="rebuild it if already loaded")
        parser.add_argument("--if-missing", action="store_true", help="do nothing if already loaded")

    def handle(self, *args: str, replace: bool, if_missing: bool, **options: Any) -> None:
        try:
            demo = build_demo(timezone.localdate(), replace=replace)
        except DemoExists as exc:
            if if_missing:
                self.stdout.write(f"The demo is already loaded. Sign in as {sign_in_hint()}.")
                return
            raise CommandError(f"{exc}; use --replace to rebuild it") from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {demo.partnership}: {demo.plans} plans, {demo.actions} actions, a year of history."
            )
        )
        self.stdout.write(f"Sign in as {sign_in_hint()}.")


def sign_in_hint() -> str:
    return (
        f"alice (partnership admin), bob (agency lead, police), charlie (scrutineer) or "
        f"dave (viewer), each with the password '{DEMO_PASSWORD}'"
    )
