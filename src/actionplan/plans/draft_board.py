"""The board a plan's document names, against the partnership it is imported into.

A document naming another board ("Haldon Vale Safeguarding Adults Board" uploaded to Riverton
Safeguarding Children Partnership) may be the wrong file, or the right plan under an older
name. It is not refused: the preview says plainly which board was read and where the plan
would go, as a warning to check. A name the partnership has had before is its own.
"""

from __future__ import annotations

from typing import Any

from .models import Partnership, normalise_name


def other_board(plan: dict[str, Any], partnership: Partnership | str) -> str | None:
    """The warning for a plan whose document names a board other than the partnership, else
    None (no board read, or one of the partnership's names, now or before). A name alone is
    a partnership not made yet (a dry run's): it has had no other name."""
    board = (plan.get("plan") or {}).get("board")
    if not board:
        return None
    if isinstance(partnership, str):
        name, names = partnership, {partnership}
    else:
        name = partnership.name
        names = {name, *partnership.history.values_list("name", flat=True)}
    if normalise_name(board) in {normalise_name(known) for known in names}:
        return None
    return (f"the document names the board “{board}”, but the plan is being imported into "
            f"{name}: check that it is this partnership's plan")


def warn_of_other_board(plan: dict[str, Any], partnership: Partnership) -> None:
    """Add the warning of another board to the plan's warnings, about the document as a whole."""
    if message := other_board(plan, partnership):
        plan["warnings"].append({"line": None, "page": None, "message": message})
