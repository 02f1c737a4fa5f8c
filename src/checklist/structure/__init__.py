"""Structure: outline (sections, items, sentences), metadata and section kinds of a document.

:mod:`checklist.structure.build` runs the stage: ``layout`` (header, body, signature),
``outline``, ``metadata`` (with ``levels`` for the administrative level).
"""
