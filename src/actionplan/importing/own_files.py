"""actionplan's own files given to Import by mistake: the workbook it exports for owners
to fill in, and its board reports. Each is refused with where it should go instead."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .blocks import read_blocks
from .errors import ImportFailure
from .readers import SourceRow

# The headings of an exported workbook's (or CSV's) action rows that no board's own plan
# has together: the stable ID and the columns owners fill in.
_EXPORT_HEADINGS = frozenset(("ID", "Owner role", "Due (as written)", "Revised due date",
                              "Reason (slipped / not achieved)", "Latest progress"))
_GIVE_BACK_LINE = re.compile(r"\bactionplan\s+import-updates\b")
_REPORT_TITLE = re.compile(r"^Action plan progress report$", re.I)
_PRODUCED_BY_US = re.compile(r"\bfrom actionplan\b")


def refuse_own_files(rows: Sequence[SourceRow], filename: str) -> None:
    """Raise ImportFailure when the rows are an actionplan export or report."""
    texts = [[_text(cell) for cell in row.cells] for row in rows]
    lines = [" ".join(cell for cell in cells if cell) for cells in texts]
    if any(set(cells) >= _EXPORT_HEADINGS for cells in texts) or any(
            _GIVE_BACK_LINE.search(line) for line in lines):
        raise ImportFailure(filename, "is a workbook exported by actionplan, not a plan: to "
                                      "bring back what owners wrote in it, use Give back "
                                      "updates (actionplan import-updates)")
    if any(_REPORT_TITLE.match(line) for line in lines) and any(
            _PRODUCED_BY_US.search(line) for line in lines):
        raise ImportFailure(filename, "is a board report from actionplan: a report, not a "
                                      "plan; import the plan it reports on instead")


def _text(cell: str) -> str:
    return " ".join(" ".join(block.text for block in read_blocks(cell)).split())
