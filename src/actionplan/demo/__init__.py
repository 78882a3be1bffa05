"""A fictional partnership to try the product on: Riverton, with a year of history."""

from .riverton import build_demo

__all__ = ["build_demo"]
