"""Tracked changes left in a Word document, read as accepted: what the writer last meant.

Word keeps an inserted run inside <w:ins> (python-docx's text leaves it out: an owner added
with "Track changes" on would be lost) and a deleted one inside <w:del> (its text in
<w:delText>, never shown as the document's). A row deleted whole is marked in its
properties. The person is told, since a draft's changes may not yet be agreed; and told of
comments left in, which are no part of the plan but may question it.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

_INSERTED = (qn("w:ins"), qn("w:moveTo"))
_DELETED = (qn("w:del"), qn("w:moveFrom"))


def accept_changes(body: Any) -> list[str]:
    """Accept every tracked change in place; messages saying how many, and how many
    comments were left unread."""
    inserted = deleted = 0
    for tr in list(body.iter(qn("w:tr"))):
        properties = tr.find(qn("w:trPr"))
        if properties is not None and properties.find(qn("w:del")) is not None:
            tr.getparent().remove(tr)
            deleted += 1
    for change in list(body.iter(*_INSERTED, *_DELETED)):
        parent = change.getparent()
        if parent is None or parent.tag in (qn("w:rPr"), qn("w:trPr"), qn("w:pPr")):
            continue  # a mark on a paragraph, run or row: nothing of its text
        if change.tag in _DELETED:
            parent.remove(change)
            deleted += 1
            continue
        index = parent.index(change)
        for offset, child in enumerate(list(change)):
            parent.insert(index + offset, child)
        parent.remove(change)
        inserted += 1
    said = [f"tracked changes read as accepted ({inserted} insertion(s), {deleted} "
            "deletion(s)): check they were agreed"] if inserted or deleted else []
    if comments := sum(1 for _ in body.iter(qn("w:commentReference"))):
        said.append(f"{comments} comment(s) left in the document not read: check none "
                    "changes the plan")
    return said
