from .action import Action, DueKind, DuePrecision
from .import_draft import ImportDraft
from .kept_counts import CountsKept, KeptCount, KeptPlan, KeptTotal
from .partnership import Agency, Partnership, Review, Theme, normalise_name
from .plan import Plan, Recommendation, Section
from .progress import Evidence, ProgressUpdate, RecordIsFinal, as_corrected, in_force, not_withdrawn
from .report_file import ReportFile
from .users import User

__all__ = [
    "Action",
    "Agency",
    "CountsKept",
    "DueKind",
    "DuePrecision",
    "Evidence",
    "ImportDraft",
    "KeptCount",
    "KeptPlan",
    "KeptTotal",
    "Partnership",
    "Plan",
    "ProgressUpdate",
    "Recommendation",
    "RecordIsFinal",
    "ReportFile",
    "Review",
    "Section",
    "Theme",
    "User",
    "as_corrected",
    "in_force",
    "normalise_name",
    "not_withdrawn",
]
