"""RAG colours, shared by every renderer and the charts. Cells always carry the word too
("Red", "Amber"...), so colour is never the only way to read a rating."""

from __future__ import annotations

from actionplan.plans.rag import SEVERITY, Rag

# Fill, and the text colour that reads on it (contrast of 4.5:1 or better).
RAG_FILL: dict[str, str] = {
    Rag.RED: "D4351C",
    Rag.AMBER: "FFBF47",
    Rag.GREEN: "00703C",
    Rag.BLUE: "1D70B8",
    Rag.GREY: "B1B4B6",
}
RAG_TEXT: dict[str, str] = {
    Rag.RED: "FFFFFF",
    Rag.AMBER: "0B0C0C",
    Rag.GREEN: "FFFFFF",
    Rag.BLUE: "FFFFFF",
    Rag.GREY: "0B0C0C",
}
ORDER = SEVERITY  # worst first, as the board reads them


def label(rag: str) -> str:
    return Rag(rag).label if rag else "Not rated"
