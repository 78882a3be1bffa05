"""`python -m actionplan.cli …` runs the console command, as `actionplan …` does."""

from .main import main

main()
