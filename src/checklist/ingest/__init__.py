"""Ingest: bytes in any format → normalised lines with offsets, page clutter set aside.

:mod:`checklist.ingest.pipeline` runs the stage; the readers, ``normalize``, ``reflow``,
``clutter`` and ``shapes`` (what a heading, title, body-name or date line looks like)
are its steps.
"""
