"""Charts for the board report (matplotlib): SVG for HTML and PDF, PNG for Word.

Every chart names its RAG ratings in words on the bars or lines themselves, and the report puts
the same numbers in a table beside it, so no one depends on telling the colours apart.
"""

from __future__ import annotations

import io
import textwrap
from typing import TYPE_CHECKING, Any

import matplotlib

matplotlib.use("Agg")  # no display on servers; must be chosen before pyplot is imported
from matplotlib import pyplot  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from actionplan.plans.rag import Rag  # noqa: E402

from .colours import ORDER, RAG_FILL, RAG_TEXT  # noqa: E402
from .model import RagBreakdown, TrendPoint  # noqa: E402

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

SHORT: dict[str, str] = {Rag.RED: "R", Rag.AMBER: "A", Rag.GREEN: "G", Rag.BLUE: "B", Rag.GREY: "Gy"}
MARKERS: dict[str, str] = {Rag.RED: "s", Rag.AMBER: "^", Rag.GREEN: "o", Rag.BLUE: "D", Rag.GREY: "x"}
STYLE: dict[RcKeyType, Any] = {
    "font.family": "DejaVu Sans", "font.size": 9, "svg.fonttype": "none", "svg.hashsalt": "actionplan"
}


def save(figure: Figure, fmt: str) -> bytes:
    out = io.BytesIO()
    # A fixed date keeps the SVG the same for the same numbers (no timestamp in the file).
    figure.savefig(out, format=fmt, dpi=150, bbox_inches="tight", metadata={"Date": None})
    pyplot.close(figure)
    return out.getvalue()


def colour(rag: str) -> str:
    return f"#{RAG_FILL[rag]}"


def rag_bars(breakdown: RagBreakdown, fmt: str) -> bytes:
    """One stacked bar per plan, agency or theme, worst ratings first."""
    names = list(breakdown.rows)
    with pyplot.rc_context(STYLE):
        figure, axes = pyplot.subplots(figsize=(5, 0.4 * len(names) + 1.2))
        left = [0] * len(names)
        for rag in ORDER:
            values = [breakdown.rows[name].counts[rag] for name in names]
            bars = axes.barh(range(len(names)), values, left=left, color=colour(rag), label=Rag(rag).label)
            labels = [f"{SHORT[rag]} {v}" if v else "" for v in values]
            axes.bar_label(bars, labels=labels, label_type="center", color=f"#{RAG_TEXT[rag]}", fontsize=8)
            left = [a + b for a, b in zip(left, values, strict=True)]
        axes.set_yticks(range(len(names)), [textwrap.fill(textwrap.shorten(n, 48), 24) for n in names])
        axes.invert_yaxis()
        axes.set_xlabel("Actions")
        axes.set_title(f"RAG by {breakdown.by}", loc="left", fontweight="bold")
        axes.spines[["top", "right"]].set_visible(False)
        axes.legend(ncols=5, loc="upper left", bbox_to_anchor=(0, -0.12 - 0.6 / max(len(names), 1)),
                    frameon=False)  # fmt: skip
        return save(figure, fmt)


def trend_lines(points: list[TrendPoint], fmt: str) -> bytes:
    """Actions of each rating at each month end; each line has its own marker and a named key."""
    with pyplot.rc_context(STYLE):
        figure, axes = pyplot.subplots(figsize=(5, 3))
        days = [p.on for p in points]
        for rag in ORDER:
            values = [p.counts.counts[rag] for p in points]
            axes.plot(
                days,  # type: ignore[arg-type]  # matplotlib converts dates itself; its stubs want numbers
                values,
                marker=MARKERS[rag],
                color=colour(rag),
                label=Rag(rag).label,
            )
        axes.set_ylabel("Actions")
        axes.set_title("RAG at each month end", loc="left", fontweight="bold")
        axes.spines[["top", "right"]].set_visible(False)
        # matplotlib's default locator (AutoLocator), ticking whole numbers only.
        axes.yaxis.set_major_locator(MaxNLocator(nbins="auto", steps=[1, 2, 2.5, 5, 10], integer=True))
        axes.legend(ncols=5, loc="upper left", bbox_to_anchor=(0, -0.25), frameon=False)
        figure.autofmt_xdate()
        return save(figure, fmt)
