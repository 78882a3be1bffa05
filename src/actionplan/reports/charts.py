"""Charts for the board report (matplotlib): SVG for HTML and PDF, PNG for Word.

Every chart names its RAG ratings in words on the bars or lines themselves (a bar segment too
narrow to hold its label leaves it to the key), and the report puts the same numbers in a table
with it, so no one depends on telling the colours apart.
"""

from __future__ import annotations

import io
import textwrap
from typing import TYPE_CHECKING, Any

import matplotlib

matplotlib.use("Agg")  # no display on servers; must be chosen before pyplot is imported
from matplotlib import pyplot  # noqa: E402
from matplotlib.dates import DateFormatter  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from actionplan.plans.rag import Rag  # noqa: E402

from .colours import ORDER, RAG_FILL, RAG_TEXT  # noqa: E402
from .model import RagBreakdown, TrendPoint  # noqa: E402

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

SHORT: dict[str, str] = {Rag.RED: "R", Rag.AMBER: "A", Rag.GREEN: "G", Rag.BLUE: "B", Rag.GREY: "Gy"}
MARKERS: dict[str, str] = {Rag.RED: "s", Rag.AMBER: "^", Rag.GREEN: "o", Rag.BLUE: "D", Rag.GREY: "x"}
# Drawn at exactly the width they print (15 cm: within the report's page less its margins, and
# the Word report's picture width), so that their text prints at the size set here. The layout
# fits the labels and key inside that width, rather than growing the picture around them.
WIDTH_INCHES = 15 / 2.54
STYLE: dict[RcKeyType, Any] = {
    "font.family": "DejaVu Sans", "font.size": 10, "axes.titlesize": 11, "legend.fontsize": 9.5,
    "svg.fonttype": "none", "svg.hashsalt": "actionplan",
}  # fmt: skip


def save(figure: Figure, fmt: str) -> bytes:
    out = io.BytesIO()
    # A fixed date keeps the SVG the same for the same numbers (no timestamp in the file).
    figure.savefig(out, format=fmt, dpi=150, metadata={"Date": None})
    pyplot.close(figure)
    return out.getvalue()


def colour(rag: str) -> str:
    return f"#{RAG_FILL[rag]}"


def rag_bars(breakdown: RagBreakdown, fmt: str) -> bytes:
    """One stacked bar per plan, agency or theme, worst ratings first."""
    names = list(breakdown.rows)
    with pyplot.rc_context(STYLE):
        # Room for two-line names while they fit a page; then thinner bars, one line each, so
        # that up to about 40 agencies print on one page at full size (more are shrunk to fit).
        per_bar = 0.45 if len(names) <= 16 else max(0.2, 7.5 / len(names))
        size = (WIDTH_INCHES, per_bar * len(names) + 1.6)
        figure, axes = pyplot.subplots(figsize=size, layout="constrained")
        left = [0] * len(names)
        longest = max((breakdown.rows[name].total for name in names), default=0) or 1
        for rag in ORDER:
            values = [breakdown.rows[name].counts[rag] for name in names]
            bars = axes.barh(range(len(names)), values, left=left, color=colour(rag), label=Rag(rag).label)
            # A label wider than its segment would print over its neighbours' (about 1/12 of the axis).
            labels = [f"{SHORT[rag]} {v}" if v and v / longest >= 0.085 else "" for v in values]
            axes.bar_label(bars, labels=labels, label_type="center", color=f"#{RAG_TEXT[rag]}", fontsize=9)
            left = [a + b for a, b in zip(left, values, strict=True)]
        width = 26 if per_bar >= 0.4 else 48
        axes.set_yticks(range(len(names)), [textwrap.fill(textwrap.shorten(n, 48), width) for n in names])
        axes.invert_yaxis()
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts of actions: 1, 2, never 0.2
        axes.set_xlabel("Actions")
        axes.set_title(f"RAG by {breakdown.by}", loc="left", fontweight="bold")
        axes.spines[["top", "right"]].set_visible(False)
        figure.legend(ncols=5, loc="outside lower left", frameon=False)
        return save(figure, fmt)


def trend_lines(points: list[TrendPoint], fmt: str) -> bytes:
    """Actions of each rating at each month end; each line has its own marker and a named key."""
    with pyplot.rc_context(STYLE):
        figure, axes = pyplot.subplots(figsize=(WIDTH_INCHES, 3.4), layout="constrained")
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
        axes.xaxis.set_major_formatter(DateFormatter("%b %Y"))  # "Mar 2026", as a board says it
        pyplot.setp(axes.get_xticklabels(), rotation=30, horizontalalignment="right")
        figure.legend(ncols=5, loc="outside lower left", frameon=False)
        return save(figure, fmt)
