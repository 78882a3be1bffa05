"""The `actionplan` console command: a friendly front to the project's management commands."""

from __future__ import annotations

import os
import sys

# The commands a board's staff use, in the order they meet them. Everything else Django offers
# is still there (`actionplan help --all`).
COMMANDS: dict[str, str] = {
    "migrate": "create or upgrade the database",
    "demo": "load a demonstration partnership with users, plans and a year of history",
    "import": "import action plans from .txt, .docx, .xlsx, .csv or .pdf files",
    "report": "write a board report or export (docx, pdf, html, xlsx, csv, json), as at any date",
    "import-updates": "apply the updates owners made to an exported Excel workbook",
    "search": "search recommendations, learning points, actions and progress across plans",
    "reindex": "rebuild the search index (after restoring a backup)",
    "createsuperuser": "create a site administrator (then give people their partnership and role in /admin/)",
    "runserver": "serve the web application (development server)",
    "worker": "run background work (reports asked for on the pages, notices) beside the web server",
    "prune-reports": "forget the report files nobody has asked for within the retention period",
    "remind": "send the due, overdue, not-updated and meeting reminders and the weekly digest",
    "clear-drafts": "remove the imports in progress nobody has changed for 30 days (run daily)",
    "check": "check the installation; add --deploy for the production checklist",
}


def usage() -> str:
    width = max(map(len, COMMANDS))
    lines = [
        "usage: actionplan COMMAND [options]",
        "",
        "Track the action plans of safeguarding case reviews to assured completion.",
        "",
        "commands:",
        *(f"  {name.ljust(width)}  {summary}" for name, summary in COMMANDS.items()),
        "",
        "`actionplan COMMAND --help` explains one command; `actionplan help --all` lists every",
        "administrative command. Settings come from the environment (DATABASE_URL, SECRET_KEY,",
        "ACTIONPLAN_DATA_DIR, ...): see the README.",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) < 2 or argv[1] in {"-h", "--help"} or argv[1:] == ["help"]:
        print(usage())
        return
    if argv[1:] == ["help", "--all"]:
        argv = argv[:2]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "actionplan.settings")
    from django.core.management import execute_from_command_line

    argv[0] = "actionplan"
    try:
        execute_from_command_line(argv)
    except BrokenPipeError:
        # The reader went away (`actionplan import … --dry-run | head`): stop quietly, as
        # other command-line tools do, instead of a traceback. Python's documented recipe:
        # point stdout at /dev/null so the flush at exit cannot fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)

