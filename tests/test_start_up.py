"""Commands and pages that make no report and read no document load none of the heavy libraries:
they take about a second to import, and every command would pay it (the system checks import
every view)."""

import os
import subprocess
import sys

HEAVY = ("matplotlib", "weasyprint", "openpyxl", "docx", "pdfplumber")

SYSTEM_CHECKS = """
import os, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "actionplan.settings"
import django
django.setup()
from django.core.management import call_command
call_command("check")
import actionplan.urls, actionplan.web.views.downloads, actionplan.web.views.imports
print("loaded:" + ",".join(sorted(name for name in {HEAVY} if name in sys.modules)))
"""


def test_the_system_checks_load_no_report_or_document_library(tmp_path):
    run = subprocess.run(
        [sys.executable, "-c", SYSTEM_CHECKS.format(HEAVY=HEAVY)],
        capture_output=True, text=True, env={"ACTIONPLAN_DATA_DIR": str(tmp_path), **_path()},
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().splitlines()[-1] == "loaded:"


def _path() -> dict[str, str]:
    kept = ("PATH", "PYTHONPATH", "HOME", "ACTIONPLAN_SEEDS_DIR")
    return {k: v for k, v in os.environ.items() if k in kept}
