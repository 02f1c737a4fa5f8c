"""The ``checklist`` command line: the group, and the one place its commands are registered.

Each command is a module of this package (``checklist.cli.audit`` …) defining a plain
click command; what they share (exit codes, the one-line error, writing output) is in
``checklist.cli._common``. Command modules import the library inside the command, so
``checklist --help`` stays fast.

Exit codes: 0 success; 1 the self-check policy failed (``check``, ``batch``) or an example
of a standard got the wrong status (``standards test``); 2 a usage, standard or input
error (one line on stderr naming the file and the problem; with several files the others
are still processed).

Messages go through the catalogue (:mod:`checklist.messages`), never string literals:
``tests/cli/test_cli_language.py`` fails on a Chinese literal here, the main
group's bilingual one-line title excepted.
"""

from __future__ import annotations

import click

from checklist import __version__
from checklist.cli import annotate, audit, batch, check, compare, evaluate, inspect, render, schema, serve, standards
from checklist.cli._common import EXIT_ERROR, EXIT_FAIL, EXIT_OK

__all__ = ["EXIT_ERROR", "EXIT_FAIL", "EXIT_OK", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="checklist")
def main() -> None:
    """审查法治政府建设年度报告：checklist audits annual rule-of-law government reports.

    \b
    Exit codes: 0 ok; 1 self-check failed / example mismatch; 2 usage, standard or input error.
    """


COMMANDS: tuple[click.Command, ...] = (
    inspect.inspect,
    audit.audit,
    render.render,
    check.check,
    annotate.annotate,
    standards.standards,
    batch.batch,
    compare.compare,
    evaluate.evaluate,
    schema.schema,
    serve.serve,
)
for _command in COMMANDS:
    main.add_command(_command)
