"""Board reports and exports: the report is built once as plain data (`build_report`), then
rendered to docx, pdf, html, xlsx, csv or json (`render`). Spreadsheets sent round for updates
come back through `give_back.apply_workbook`."""

from .assemble import build_report
from .model import BoardReport
from .render import FORMATS, Rendered, render
from .scope import Scope, ScopeError

__all__ = ["FORMATS", "BoardReport", "Rendered", "Scope", "ScopeError", "build_report", "render"]
