"""``checklist annotate DRAFT.docx``: the author's own Word file back with review comments."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from checklist.cli._common import (
    EXIT_ERROR,
    EXIT_OK,
    INPUT_FORMAT,
    LANG,
    fail,
    load_standard_or_exit,
    msg,
    print_error,
    print_internal,
)
from checklist.errors import ChecklistError


@click.command("annotate")
@click.argument("path")
@click.option(
    "-o", "--output", help="The annotated .docx (default: beside PATH, its name plus the Chinese for 'reviewed')."
)
@click.option("--standard", "-s", help="Standard id or YAML file (default: by the issuer's level).")
@click.option("--lang", type=LANG, default="zh", show_default=True, help="Language of the comments.")
@click.option("--input-format", type=INPUT_FORMAT, help="Force the reader instead of sniffing the content.")
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
def annotate(
    path: str, output: str | None, standard: str | None, lang: str, input_format: str | None, force: bool
) -> None:
    """Audit PATH and write it as .docx with the review as Word comments.

    A .docx comes back unchanged but for the comments; a .doc, .wps or RTF file as the
    .docx LibreOffice makes of it, with the comments; any other format as a new .docx of
    its text. The input is never modified.
    """
    from checklist.annotating import annotate as run
    from checklist.annotating import default_output
    from checklist.fileio import write_atomic

    std = load_standard_or_exit(standard, lang)
    target = Path(output) if output else default_output(path)
    if _same_file(target, Path(path)):
        fail(msg("annotate.same_as_input", lang, path=target))
    if target.exists() and not force:
        fail(msg("annotate.exists", lang, path=target))
    try:
        data = run(Path(path), standard=std, lang=lang, format=input_format)
    except ChecklistError as exc:
        print_error(exc, lang)
        sys.exit(EXIT_ERROR)
    except Exception as exc:  # a bug: one line, exit 2
        print_internal(path, exc, lang)
        sys.exit(EXIT_ERROR)
    try:
        write_atomic(target, data)
    except OSError as exc:
        fail(msg("cli.cannot_write", lang, path=target, reason=exc.strerror or exc))
    click.echo(msg("annotate.written", lang, path=target, n=_count_comments(data)), err=True)
    sys.exit(EXIT_OK)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def _count_comments(data: bytes) -> int:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        if "word/comments.xml" not in package.namelist():
            return 0
        return package.read("word/comments.xml").count(b"<w:comment ")
