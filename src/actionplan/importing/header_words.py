"""The words of the boards' column headers, by the role each names (read by header.py)."""

from __future__ import annotations

# Each role with the headers boards use for it. A header is matched exactly first, then by
# shared words, then by spelling, so "Target completion date" and "Timescales" need no entry.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "ref": ("ref", "no", "number", "id", "ref no", "reference", "item", "item no", "rec no",
            "rec ref", "recommendation no", "recommendation number"),
    "action_ref": ("action ref", "action no", "action number", "action reference"),
    "review_ref": ("scr ref", "review ref", "review reference", "scr", "case ref", "review",
                   "source review", "sar ref", "dhr ref"),
    "outcome": ("outcome", "outcomes", "desired outcome", "expected outcome", "learning point",
                "learning or improvement point", "improvement point", "objective",
                "objectives", "finding", "findings", "learning", "aim",
                "area for improvement", "areas for improvement", "area for development"),
    "recommendation": ("recommendation", "recommendations", "scr recommendation",
                       "review recommendation", "dhr recommendation", "sar recommendation"),
    "action": ("action", "actions", "key tasks", "key task", "tasks", "action required",
               "actions required", "action to be taken", "actions to be taken",
               "agreed action", "action planned", "action to take", "actions to take",
               "actions agreed", "planned action", "planned actions", "what we will do",
               "what will we do", "what will be done", "what needs to be done",
               "what needs to happen", "activity", "activities", "what",
               # A SharePoint list's own first column: each list item's name.
               "title",
               # A SMART plan's columns: the specific action, how it is measured, its date.
               "specific", "specific action", "specific actions"),
    "owner": ("by whom", "lead", "lead agency", "person responsible", "responsible lead group",
              "responsible", "responsibilities", "responsibility", "owner", "lead officer",
              "who", "responsible person", "lead person", "action owner", "accountable",
              "responsible agency", "responsible organisation", "lead organisation",
              "assigned to"),
    "owner_role": ("owner role", "role", "job title", "post", "lead role"),
    "due": ("timescale", "timescales", "target date", "target completion date", "by when", "by",
            "when", "due", "due date", "deadline", "completion date", "date due",
            "time bound", "timebound", "timely", "time related"),
    "measure": ("audit of implementation", "evidence", "evidence to be provided",
                "performance indicators", "performance indicator", "success measure",
                "success measures", "measure of success", "measures of success",
                "success criteria", "how will we know", "evidence of impact",
                "outcome measure", "impact measure", "evidence of completion",
                "how will we measure success", "success indicators", "measurable",
                "measurable outcome"),
    "progress": ("progress", "progress to date", "progress comment", "agency response",
                 "update", "progress update", "current position", "position statement",
                 "key milestones achieved in enacting recommendation", "key milestones",
                 "milestones achieved", "update on progress"),
    "rag": ("rag", "rag rating", "rag status", "rating"),
    "status": ("status", "delivery status", "progress status", "current status",
               "action status"),
    "section": ("theme", "themes", "priority", "priority area", "area", "area of work",
                "workstream", "work stream", "strand", "key theme", "learning theme"),
    "scope": ("scope", "single or multi agency", "single multi agency",
              "scope of recommendation"),
    "level": ("level",),
    "completed": ("date completed", "completed", "date achieved", "completed date",
                  "date of completion", "date of completion and outcome"),
    # The board's decision on each recommendation: "Accepted", "Partially", "Not accepted – …"
    # ("Agreed (Y/N)" is read without its brackets).
    "decision": ("decision", "board decision", "accepted", "agreed", "agreed y n", "accepted y n",
                 "response", "board response", "partnership response", "safeguarding board response",
                 "response to recommendation", "recommendation accepted"),
    # The columns a SharePoint list adds to every export: kept as notes, and known, so that
    # they do not keep the list's header from being read or pass for a ref ("Item Type").
    "notes": ("item type", "path", "modified", "modified by", "created", "created by",
              "content type", "attachments", "version"),
}
