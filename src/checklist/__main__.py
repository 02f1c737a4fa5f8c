"""``python -m checklist``."""

from .cli import main

main(prog_name="checklist")
