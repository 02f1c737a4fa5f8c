"""Whether each item of last year's plan was done, by this year's work sections.

A plan item is followed only by work on the same matter. The item and each sentence of
this year's work (the measures and first-responsible parts) are read against the word
tables of :mod:`checklist.vocabulary` (``FOLLOW_UP_FIELDS``, ``FOLLOW_UP_GENERIC``,
``FOLLOW_UP_DEEDS``):

* the *fields* a text names (行政执法, 普法, 法律顾问 …), from a field's broad or task words
  (a work sentence also names the fields of its section's heading: ``（二）提升执法能力。``
  is what the sentences under it are about);
* the item's *task wording*: its character pairs that touch a character of its own, one
  that is neither a broad field word (执法) nor a word of every report (加强, 领导干部).
  ``配备执法记录仪`` keeps 配备, 记录仪 and the pair 法记 that ties the task to the field;
  ``加强行政执法`` keeps nothing;
* whether a work sentence *reports a result*: a figure (12名, 100%) or a verb of a thing
  done (建成, 出台, 办理 …) in a clause that is neither negated (尚未) nor an intention
  (下一步将).

Three outcomes, and a reason for each:

``followed`` (``done``)
    a work sentence names the item's field, shares its task wording (a run of three
    characters or a task word: 执法记录仪, 述法) and reports a result there; both are quoted.
``unclear``
    the item names no field (``generic``: 狠抓整改落实, 持续推进法治政府建设), or a field and
    no task (``broad``: 深化“放管服”改革), or the work names the task without a result
    (``no_action``: 不断完善…, 尚未…, a heading alone), or shares only a word with it
    (``weak``).
``not_followed``
    this year's work does not name the field (``field_absent``), or names it but none of
    the item's task wording (``task_absent``).

When in doubt the answer is ``unclear``: a summary that says 已落实 must be able to show
the sentence that did it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

from checklist.crossreport.copied import sentence_key
from checklist.document import Document, Sentence
from checklist.rules.engine import evidence_of
from checklist.rules.matchers.base import FIGURE, Context, Hit
from checklist.rules.quality.base import PLAN, units_of
from checklist.rules.result import Evidence
from checklist.structure.clauses import CLAUSE_BREAK, is_future, is_negated
from checklist.structure.sections import FIRST_RESPONSIBLE, MEASURES
from checklist.vocabulary import FOLLOW_UP_DEEDS, FOLLOW_UP_FIELDS, FOLLOW_UP_GENERIC, alternation

Outcome = Literal["followed", "not_followed", "unclear"]
Reason = Literal["done", "generic", "broad", "no_action", "weak", "field_absent", "task_absent"]

_BROAD, _TASK, _GENERIC = 0, 1, 2
# word → (kind, field index); a field's words before the generic ones, so 规范性文件 stays a
# field word though 规范 is generic (the alternation is longest first anyway)
_WORDS: dict[str, tuple[int, int]] = {}
for _i, (_name, _broad, _tasks) in enumerate(FOLLOW_UP_FIELDS):
    for _w in _tasks:
        _WORDS.setdefault(_w, (_TASK, _i))
    for _w in _broad:
        _WORDS.setdefault(_w, (_BROAD, _i))
for _w in FOLLOW_UP_GENERIC:
    _WORDS.setdefault(_w, (_GENERIC, -1))
_ANY_WORD = re.compile(alternation(sorted(_WORDS, key=len, reverse=True)))
_FIELD_WORD = re.compile(
    alternation(sorted((w for w, (k, _f) in _WORDS.items() if k != _GENERIC), key=len, reverse=True))
)
_DEED = re.compile(alternation(sorted(FOLLOW_UP_DEEDS, key=len, reverse=True)))


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FollowUp(_Model):
    """An item of last year's plan and what this year's work says of it."""

    plan: Evidence  # offsets into last year's report
    outcome: Outcome
    reason: Reason  # why: done, or what made it unclear or not followed
    followed: bool  # outcome == "followed" (kept for scripts that read it)
    evidence: Evidence | None = None  # offsets into this year's report: the deed, or the closest mention
    topics: list[str] = []  # the fields of work the plan item names
    words: list[str] = []  # the task wording both share


class FollowUpCounts(_Model):
    """How many plan items had each outcome."""

    followed: int = 0
    not_followed: int = 0
    unclear: int = 0


def trim(doc: Document, start: int, end: int) -> tuple[int, int]:
    """``start, end`` without the blanks at either edge (units end on a line break)."""
    while start < end and doc.text[start].isspace():
        start += 1
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    return start, end


def _pairs(key: str) -> set[str]:
    return {key[i : i + 2] for i in range(len(key) - 1)}


@dataclass(frozen=True, slots=True)
class _Read:
    """What a text names: its fields, task words and task wording (pairs)."""

    key: str
    fields: frozenset[int]
    tasks: frozenset[str]
    own: frozenset[str]  # pairs touching a character of its own (see below)
    core: frozenset[str]  # pairs of two characters that belong to no word of the tables
    broad: tuple[bool, ...]  # per character of ``key``: part of a broad field word


_COVERED = -2  # a character of a broad or generic word
_FREE = -1  # a character of no word of the tables


def _strip(key: str) -> str:
    """``key`` without the words of every report (加强, 全面, 领导干部): what is left is
    what the text is about, so 开展行政规范性文件全面清理 and 开展规范性文件清理 agree."""
    out, at = [], 0
    for m in _ANY_WORD.finditer(key):
        if _WORDS[m.group()][0] == _GENERIC:
            out.append(key[at : m.start()])
            at = m.end()
    out.append(key[at:])
    return "".join(out)


def _read(key: str) -> _Read:
    """``key`` read against the tables, its generic words left out. A task word counts
    whole (as ``tasks``): its inner pairs are no task wording, or 法治文化广场 would share
    法治 with every 法治宣传; the pairs across its edge (宪法宣传周's 传周) are."""
    key = _strip(key)
    owner = [_FREE] * len(key)
    fields: set[int] = set()
    tasks: set[str] = set()
    for n, m in enumerate(_FIELD_WORD.finditer(key)):
        kind, field = _WORDS[m.group()]
        if field >= 0:
            fields.add(field)
        if kind == _TASK:
            tasks.add(m.group())
        owner[m.start() : m.end()] = [n if kind == _TASK else _COVERED] * (m.end() - m.start())
    own, core = set(), set()
    for i in range(len(key) - 1):
        a, b = owner[i], owner[i + 1]
        if a == b == _FREE:
            core.add(key[i : i + 2])
        if a == b:  # both in one task word, or both of broad and generic words
            continue
        own.add(key[i : i + 2])
    own |= core
    return _Read(
        key, frozenset(fields), frozenset(tasks), frozenset(own), frozenset(core), tuple(o == _COVERED for o in owner)
    )


@dataclass(frozen=True, slots=True)
class _Work:
    """A sentence of this year's work, read."""

    sentence: Sentence
    read: _Read
    fields: frozenset[int]  # its own and its heading's
    pairs: frozenset[str]
    deed: bool  # some clause reports a result
    idle: frozenset[str]  # pairs of its negated or future clauses
    clauses: tuple[str, ...]  # the keys of its clauses: a run must stand in one of them
    active: tuple[str, ...]  # the keys of its clauses that are neither negated nor future


def _work(doc: Document, ctx: Context) -> list[_Work]:
    out = []
    for s in doc.sentences:
        if not ctx.regions.kinds_at(doc, s.start, s.section) & {MEASURES, FIRST_RESPONSIBLE}:
            continue
        text = doc.text[s.start : s.end]
        read = _read(sentence_key(text)[0])
        fields = read.fields
        if s.section >= 0:
            section = doc.sections[s.section]
            fields |= _read(sentence_key(section.heading)[0]).fields
        deed, idle, keys, active = False, set(), [], []
        for clause in CLAUSE_BREAK.split(text):
            keys.append(_strip(sentence_key(clause)[0]))
            if is_negated(clause) or is_future(clause):
                idle |= _pairs(keys[-1])
                continue
            active.append(keys[-1])
            if FIGURE.search(clause) or _DEED.search(clause):
                deed = True
        out.append(
            _Work(s, read, fields, frozenset(_pairs(read.key)), deed, frozenset(idle), tuple(keys), tuple(active))
        )
    return out


def _runs(key: str, pairs: set[str]) -> list[tuple[int, int]]:
    """The stretches ``(start, end)`` of ``key`` covered by consecutive shared pairs."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(key) - 1:
        if key[i : i + 2] not in pairs:
            i += 1
            continue
        j = i
        while j < len(key) - 1 and key[j : j + 2] in pairs:
            j += 1
        out.append((i, j + 1))
        i = j
    return out


@dataclass(frozen=True, slots=True)
class _Match:
    work: _Work
    words: list[str]
    strong: bool  # a shared run of three characters or a shared task word
    done: bool  # strong, and a result reported in clauses that are not negated or future
    weak: bool = False  # a shared pair of two characters of the item's own

    @property
    def rank(self) -> tuple[bool, bool, int, int]:
        return self.done, self.strong, sum(len(w) for w in self.words), -self.work.sentence.start


def _match(plan: _Read, work: _Work) -> _Match:
    shared = set(plan.own & work.pairs)
    tasks = sorted(t for t in plan.tasks if t in work.read.key)
    # a run of shared pairs counts where a clause of the sentence has it whole (法治 and 治理
    # apart, or 宣传 and 覆盖 across a comma, are no 法治理, no 传覆盖), and says the task
    # when it is three characters long and two of them are the item's own, not a broad
    # word's: 清单 beside 执法 (执法清单), not 执法 alone
    runs = [(a, b) for a, b in _runs(plan.key, shared) if any(plan.key[a:b] in c for c in work.clauses)]
    words = list(dict.fromkeys(plan.key[a:b] for a, b in runs))
    words += [t for t in tasks if not any(t in w for w in words)]
    strong = bool(tasks) or any(b - a >= 3 and b - a - sum(plan.broad[a:b]) >= 2 for a, b in runs)
    # done: nothing shared stands in a negated or future clause (旁听庭审工作尚未开展, 下一步将…)
    idle_task = any(not any(t in c for c in work.active) for t in tasks)
    done = strong and work.deed and not shared & work.idle and not idle_task
    return _Match(work, words, strong, done, bool(shared & plan.core))


def follow_up(old_doc: Document, old_ctx: Context, new_doc: Document, new_ctx: Context, lang: str) -> list[FollowUp]:
    """Each item of ``old_doc``'s plan with its outcome in ``new_doc``'s work sections."""
    work = _work(new_doc, new_ctx)
    out: list[FollowUp] = []
    for u in units_of(old_doc, old_ctx, PLAN):
        start, end = trim(old_doc, u.start, u.end)
        key, cut = sentence_key(old_doc.text[start:end])
        if not key:
            continue
        plan = _read(key)
        ev = evidence_of(old_doc, Hit(start + cut, end), lang)
        outcome, reason, best = _judge(plan, work)
        quote = None
        if best is not None:
            s = best.work.sentence
            quote = evidence_of(new_doc, Hit(*trim(new_doc, s.start, s.end)), lang)
        out.append(
            FollowUp(
                plan=ev,
                outcome=outcome,
                reason=reason,
                followed=outcome == "followed",
                evidence=quote,
                topics=[FOLLOW_UP_FIELDS[i][0] for i in sorted(plan.fields)],
                words=best.words if best is not None and reason != "broad" else [],
            )
        )
    return out


def _judge(plan: _Read, work: list[_Work]) -> tuple[Outcome, Reason, _Match | None]:
    """The outcome of one plan item, its reason and the work sentence to quote."""
    if not plan.fields:
        return "unclear", "generic", None
    same = [w for w in work if w.fields & plan.fields]
    if not same:
        return "not_followed", "field_absent", None
    if not plan.own and not plan.tasks:
        # a field and no task of its own: quote the field's first result, claim nothing
        shown = next((w for w in same if w.deed), same[0])
        return "unclear", "broad", _Match(shown, [], False, False)
    best = max((_match(plan, w) for w in same), key=lambda m: m.rank)
    if best.done:
        return "followed", "done", best
    if best.strong:
        return "unclear", "no_action", best
    if best.weak:
        return "unclear", "weak", best
    return "not_followed", "task_absent", None


def counts(items: list[FollowUp]) -> FollowUpCounts:
    """How many of ``items`` had each outcome."""
    return FollowUpCounts(
        followed=sum(1 for f in items if f.outcome == "followed"),
        not_followed=sum(1 for f in items if f.outcome == "not_followed"),
        unclear=sum(1 for f in items if f.outcome == "unclear"),
    )
