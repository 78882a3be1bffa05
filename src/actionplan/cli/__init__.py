"""The console layer, on top of every other: `actionplan` (main.py) and the commands it runs
(management/commands), each a thin front to the package that does the work."""

from .main import main

__all__ = ["main"]
