"""``heading`` leaves out, through the term scan, the words a text does not hold and the
headings no word starts in; the answer must be the one of testing every heading for
every word (what it does when the scan did not look for the words)."""

from __future__ import annotations

import random

import checklist
from _samples import REPORTS
from checklist.rules.engine import make_context
from checklist.rules.matchers import parse
from checklist.rules.matchers.base import Context
from checklist.rules.standard import load_standard


def _words(rng: random.Random, pieces: list[str], k: int) -> list[str]:
    """``k`` words, most of them pieces of the headings, some in no text."""
    return [rng.choice(pieces) if rng.random() < 0.7 else rng.choice(["缺席词", "不在文中", "甲乙"]) for _ in range(k)]


def test_heading_through_the_scan_is_every_heading_searched() -> None:
    rng = random.Random(14)
    standard = load_standard("national")
    compared = matched = 0
    for path in sorted(REPORTS.glob("*.txt")):
        doc = checklist.read(path)
        text = doc.text
        spans = [(s.start, s.heading_end) for s in doc.sections] + [(i.start, i.lead_end) for i in doc.items]
        pieces = [text[a + k : a + k + n] for a, b in spans for k in range(0, max(1, b - a - 4), 3) for n in (2, 3)]
        for _ in range(60):
            rule: dict[str, object] = {"any": _words(rng, pieces, rng.randint(0, 2))}
            if rng.random() < 0.6:
                rule["all"] = [_words(rng, pieces, rng.randint(1, 3)) for _ in range(rng.randint(1, 2))]
            if rng.random() < 0.3:
                rule["exclude"] = _words(rng, pieces, 1)
            if not rule["any"] and "all" not in rule:
                rule["any"] = _words(rng, pieces, 1)
            matcher = parse({"heading": rule})
            standard_ctx = make_context(doc, standard)
            # the same document with term positions for the rule's words, but no record of
            # which words were scanned: every heading is searched for every word
            plain = Context(doc, standard_ctx.regions, standard_ctx.term_hits, standard_ctx.scope, True, {})
            scanned = make_context(doc, standard)
            scanned.term_hits = dict(scanned.term_hits)
            for word in matcher.literals():
                at = [i for i in range(len(text)) if text.startswith(word, i)]
                if at:
                    scanned.term_hits[word] = at
            scanned.tables.scanned = scanned.tables.scanned | frozenset(matcher.literals())
            got = matcher.evaluate(scanned)
            assert got == matcher.evaluate(plain), rule
            compared += 1
            matched += got.matched
    assert compared == 300 and matched > 30  # the cases are not all misses
