"""The header reading's former home, still imported by the PDF reader: see header.py."""

from .header import read_header

__all__ = ["read_header"]
