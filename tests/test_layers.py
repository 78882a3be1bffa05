"""The layers of the package point one way (docs/adr/0011-layers.md): a module imports only from
its own package or from a lower layer, and the importer imports nothing of Django.

The imports are read from the source with `ast`, so an import inside a function counts too."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"

# Lowest first. Packages on one line are siblings: neither imports the other.
LAYERS: list[set[str]] = [
    {"importing"},  # documents → plan drafts; pure Python
    {"plans"},  # the data model and its rules; storing a draft
    {"reminders"},  # the meeting calendar, reminders and notices, on the plans' rules
    {"learning"},  # search, themes and recurring learning across reviews
    {"reports", "demo"},  # built on the plans
    {"web"},  # pages
    {"cli", "urls", "settings", "wsgi"},  # what starts the application, on top of everything
]
RANK = {package: rank for rank, packages in enumerate(LAYERS) for package in packages}
PURE = {"importing": "django"}  # a package and the library it must never import


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, root: Path) -> list[tuple[int, str]]:
    """(line, dotted name) of every module `path` imports, relative imports resolved."""
    name = module_name(path, root)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            # `from . import content` and `from actionplan import plans` name modules in the alias.
            by_alias = node.module is None or base == "actionplan"
            found += [(node.lineno, f"{base}.{alias.name}" if by_alias else base) for alias in node.names]
    return sorted(set(found))


def layer_problems(root: Path) -> list[str]:
    """Every import under root/actionplan that points up or sideways, or into what a pure
    package must not use; each named by file and line."""
    problems = []
    for path in sorted((root / "actionplan").rglob("*.py")):
        parts = module_name(path, root).split(".")
        if len(parts) < 2:
            continue  # actionplan/__init__.py
        own = parts[1]
        if own not in RANK:
            problems.append(f"{path.relative_to(root)}: package '{own}' has no layer in tests/test_layers.py")
            continue
        for line, target in imported_modules(path, root):
            where = f"{path.relative_to(root)}:{line}"
            top, _, rest = target.partition(".")
            if own in PURE and top == PURE[own]:
                problems.append(f"{where}: {own} imports {top}")
            if top != "actionplan" or not rest:
                continue
            other = rest.split(".")[0]
            if other == own or other not in RANK:
                continue
            if RANK[other] > RANK[own]:
                problems.append(f"{where}: {own} imports {other}, a higher layer")
            elif RANK[other] == RANK[own]:
                problems.append(f"{where}: {own} imports {other}, a sibling in the same layer")
    return problems


def test_it_finds_no_import_pointing_up_or_sideways():
    assert layer_problems(SRC) == []


def test_it_reports_each_kind_of_wrong_import(tmp_path):
    files = {
        "actionplan/__init__.py": "",
        "actionplan/importing/__init__.py": "",
        "actionplan/importing/readers/docx.py": "def read():\n    from django.utils import timezone\n",
        "actionplan/plans/__init__.py": "",
        "actionplan/plans/store.py": "import actionplan.importing\nfrom actionplan import reports\n",
        "actionplan/reports/__init__.py": "",
        "actionplan/reports/charts.py": "from ..plans import rag\nfrom ..demo.riverton import PEOPLE\n",
        "actionplan/web/views/plans.py": "from ...cli.main import usage\nfrom ..forms import Form\n",
        "actionplan/archive/__init__.py": "",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    assert layer_problems(tmp_path) == [
        "actionplan/archive/__init__.py: package 'archive' has no layer in tests/test_layers.py",
        "actionplan/importing/readers/docx.py:2: importing imports django",
        "actionplan/plans/store.py:2: plans imports reports, a higher layer",
        "actionplan/reports/charts.py:2: reports imports demo, a sibling in the same layer",
        "actionplan/web/views/plans.py:1: web imports cli, a higher layer",
    ]


def test_it_reads_relative_imports_from_the_right_package(tmp_path):
    (tmp_path / "actionplan/web/views").mkdir(parents=True)
    views = tmp_path / "actionplan/web/views/__init__.py"
    views.write_text("from .plans import plan\nfrom .. import forms\n")
    assert imported_modules(views, tmp_path) == [
        (1, "actionplan.web.views.plans"),
        (2, "actionplan.web.forms"),
    ]


# The modules plans/updates.py gathers: other packages reach them through updates.py only, so that
# every change to an action has the one entry point (docs/adr/0002-rules-as-pure-functions.md).
BEHIND_UPDATES = {f"actionplan.plans.{name}" for name in ("stamping", "delivery", "evidence", "action_facts")}


def entry_point_problems(root: Path) -> list[str]:
    """Every import, outside the plans package, of a module that updates.py gathers."""
    problems = []
    for path in sorted((root / "actionplan").rglob("*.py")):
        if module_name(path, root).startswith("actionplan.plans"):
            continue
        found = imported_modules(path, root)
        # `from actionplan.plans import delivery` names the module in the alias, not in `module`.
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.ImportFrom) and node.module == "actionplan.plans" and not node.level:
                found += [(node.lineno, f"actionplan.plans.{alias.name}") for alias in node.names]
        where = path.relative_to(root)
        problems += [f"{where}:{line}: imports {name}, not plans.updates" for line, name in found
                     if name in BEHIND_UPDATES]
    return sorted(set(problems))


def test_other_packages_change_actions_through_plans_updates_only():
    assert entry_point_problems(SRC) == []


def test_it_reports_a_module_behind_updates_imported_from_outside(tmp_path):
    files = {
        "actionplan/__init__.py": "",
        "actionplan/plans/updates.py": "from .progress_updates import record_progress\n",
        "actionplan/plans/bulk.py": "from .stamping import locked\n",
        "actionplan/web/views/actions.py": "from actionplan.plans.updates import record_progress\n"
                                           "from actionplan.plans.evidence import submit_evidence\n",
        "actionplan/demo/stories.py": "from actionplan.plans import action_facts, rag\n",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    assert entry_point_problems(tmp_path) == [
        "actionplan/demo/stories.py:1: imports actionplan.plans.action_facts, not plans.updates",
        "actionplan/web/views/actions.py:2: imports actionplan.plans.evidence, not plans.updates",
    ]
