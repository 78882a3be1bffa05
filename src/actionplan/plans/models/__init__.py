from .action import Action, DueKind, DuePrecision
from .partnership import Agency, Partnership, Review, Theme, normalise_name
from .plan import Plan, Recommendation, Section
from .progress import Evidence, ProgressUpdate, RecordIsFinal
from .users import User

__all__ = [
    "Action",
    "Agency",
    "DueKind",
    "DuePrecision",
    "Evidence",
    "Partnership",
    "Plan",
    "ProgressUpdate",
    "Recommendation",
    "RecordIsFinal",
    "Review",
    "Section",
    "Theme",
    "User",
    "normalise_name",
]
