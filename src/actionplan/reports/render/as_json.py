"""JSON: the report model itself, for other systems and for checking the other formats."""

from __future__ import annotations

import json
from dataclasses import fields, is_dataclass
from datetime import date, datetime

from actionplan.plans.summary import RagCounts

from ..model import BoardReport


def plain(value: object) -> object:
    if isinstance(value, RagCounts):
        return {**dict(value.rows), "total": value.total}
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set):
        return [plain(item) for item in value]
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def write(report: BoardReport) -> bytes:
    return json.dumps(plain(report), indent=2, ensure_ascii=False).encode("utf-8")
