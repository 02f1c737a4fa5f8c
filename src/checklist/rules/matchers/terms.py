"""``terms``: any of a list of words or phrases, in scope, asserted.

Example (YAML)::

    met:
      terms: [述法, 述职述法]            # shorthand for {any: [...]}
    partial:
      terms: {any: [三项制度], exclude: [落实三项制度不到位]}

A term counts only where the engine's scope and negation rules allow it: in a plan
sentence (``下一步将落实述法``) or a negated clause (``尚未开展述法``) it does not.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import Field

from checklist.rules.matchers.base import Context, MatcherModel, Outcome, sentence_hits


class Terms(MatcherModel):
    """Matched when at least ``min_count`` sentences contain one of ``any``."""

    any: list[str] = Field(min_length=1)
    exclude: list[str] = []
    scope: str | list[str] | None = None
    min_count: int = Field(default=1, ge=1)

    def evaluate(self, ctx: Context) -> Outcome:
        ctx = ctx.with_scope(self.scope)
        found = [f for f in ctx.find(self.any, self.exclude) if ctx.asserted(f[0], f[1])]
        hits = sentence_hits(ctx, found, limit=max(3, self.min_count))
        return Outcome(len(hits) >= self.min_count, hits)

    def literals(self) -> Iterable[str]:
        return [*self.any, *self.exclude]
