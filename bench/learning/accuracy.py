"""How well theme suggestions find the themes a person would choose, on the labelled set.

    .venv/bin/python bench/learning/accuracy.py [--folds 5]

`labelled.tsv` holds recommendations written for the project, each labelled with one to three
national themes. Nothing of it is used by the product: it is the measuring set. Two measures:

- words only: each recommendation on its own, as in a partnership that has tagged nothing yet
  (only the words of theme_words.txt can suggest);
- with tagged examples: the set is split into `--folds` parts; each part in turn is held out
  untagged while the other parts are tagged with their labels, as a partnership's earlier
  recommendations would be. A recommendation's own labels are never among its examples.

Top-3 accuracy is the share of recommendations with at least one of their labelled themes among
the three suggested (target 0.8); recall at 3 is the share of all labels found among them; top-1
the share whose first suggestion is one of its labels. The exit status is 1 under the target.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

TARGET = 0.8
LABELLED = Path(__file__).with_name("labelled.tsv")


@dataclass(frozen=True)
class Labelled:
    line: int
    kind: str
    agency: str
    themes: tuple[str, ...]
    text: str


def read_labelled(path: Path, known: set[str]) -> list[Labelled]:
    """The labelled recommendations; a line with a theme not on the national list, or with
    too few columns, stops the run naming the file and line."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("kind\t"):
            continue
        cells = line.split("\t")
        if len(cells) != 4:
            found = len(cells)
            raise SystemExit(f"{path.name}, line {number}: expected 4 tab-separated columns, found {found}")
        kind, agency, themes, text = cells
        names = tuple(t.strip() for t in themes.split(";") if t.strip())
        unknown = [t for t in names if t not in known]
        if unknown or not 1 <= len(names) <= 3:
            raise SystemExit(f"{path.name}, line {number}: themes must be 1 to 3 of the national list: "
                             f"{themes}")
        rows.append(Labelled(number, kind, agency, names, text))
    return rows


@dataclass
class Score:
    total: int = 0
    top3: int = 0
    top1: int = 0
    labels: int = 0
    found: int = 0

    def add(self, labels: tuple[str, ...], suggested: list[str]) -> None:
        self.total += 1
        self.labels += len(labels)
        self.found += len(set(labels) & set(suggested[:3]))
        self.top3 += bool(set(labels) & set(suggested[:3]))
        self.top1 += bool(suggested) and suggested[0] in labels

    def line(self, name: str) -> str:
        return (f"{name}: top-3 accuracy {self.top3 / self.total:.2f}, recall at 3 "
                f"{self.found / self.labels:.2f}, top-1 {self.top1 / self.total:.2f} "
                f"({self.total} recommendations)")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).parent))
    from run import set_up_django

    with tempfile.TemporaryDirectory() as folder:
        set_up_django(folder)
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        from actionplan.learning.suggest import suggest
        from actionplan.plans.models import Partnership, Plan, Recommendation, Theme

        national = {t.name: t for t in Theme.objects.filter(national=True)}
        rows = read_labelled(LABELLED, set(national))
        partnership = Partnership.objects.create(name="Labelled set")
        stored = []
        for n, row in enumerate(rows):
            # One plan per recommendation: like recommendations are compared across plans.
            plan = Plan.objects.create(partnership=partnership, title=f"{row.kind} {row.agency} {n}")
            stored.append((Recommendation.objects.create(plan=plan, ref=str(n + 1), text=row.text), row))

        alone = Score()
        for rec, row in stored:
            suggested = suggest(rec, Recommendation.objects.filter(pk=rec.pk))
            alone.add(row.themes, [s.theme.name for s in suggested])
        examples = Score()
        misses = []
        everyone = Recommendation.objects.filter(plan__partnership=partnership)
        for fold in range(args.folds):
            for n, (rec, row) in enumerate(stored):
                held_out = n % args.folds == fold
                rec.themes.set([] if held_out else [national[t] for t in row.themes])
            for n, (rec, row) in enumerate(stored):
                if n % args.folds == fold:
                    suggested = [s.theme.name for s in suggest(rec, everyone)]
                    examples.add(row.themes, suggested)
                    if not set(row.themes) & set(suggested):
                        misses.append((row, suggested))
        print(alone.line("words only"))
        print(examples.line(f"with tagged examples ({args.folds} folds)"))
        for row, suggested in misses:
            chosen = "; ".join(suggested) or "nothing"
            print(f"  missed, line {row.line}: {'; '.join(row.themes)} <- {chosen}")
        worst = min(alone.top3 / alone.total, examples.top3 / examples.total)
        return 0 if worst >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
