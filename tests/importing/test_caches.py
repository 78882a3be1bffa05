"""Readings cached by text are shared by every row and plan repeating the text: importing
must never change them, or the next plan would read differently."""

from __future__ import annotations

from actionplan.importing import clear_caches, parse_file

SEEDS = ("000", "001", "002", "003", "004")


def test_every_seed_reads_the_same_with_the_caches_warm_as_cold(seed):
    clear_caches()
    cold = {prefix: parse_file(seed(prefix)).to_dict() for prefix in SEEDS}
    # Each seed again, after all five have filled the caches (a board's later imports).
    warm = {prefix: parse_file(seed(prefix)).to_dict() for prefix in SEEDS}
    assert warm == cold
