"""Clauses, negation and future tense: what a sentence does *not* claim was done.

A statement that something was not done (``尚未建立``, ``没有开展``, ``未实现全覆盖``,
``作用发挥不充分``) or will be done (``下一步将全面推行``, ``计划于明年``) is never evidence
that it was done. The test is made on the clause (between commas and semicolons) that
holds the matched term, once, in the engine: rules do not repeat it.
"""

from __future__ import annotations

import re

CLAUSE_BREAK = re.compile(r"[,，;；:：。!?！？]")
# matched from a clause's sentence start to a span's start, it ends just after the last
# break before the span (the greedy run goes to the end, then steps back to a break)
LAST_BREAK = re.compile(r"(?s:.*)" + CLAUSE_BREAK.pattern)
# Negation and weakness cues. Bare 无/不 are left out on purpose: 无纸化, 不断, 不仅.
NEGATION = re.compile(
    r"尚未|还未|仍未|并未|从未|未能|未(?!成年|来|经|满)|没有|没能|缺乏|缺少|欠缺|"
    r"不到位|不够|不足|不充分|不明显|不显著|不健全|不完善|不规范|不强|不高|不深|不严|不力|"
    r"有待|亟待|亟需|需进一步|仍需|还需|尚需|薄弱|滞后|空白|流于形式"
)
FUTURE = re.compile(
    r"下一步|下步|下阶段|明年|来年|今后|将(?:进一步|继续|全面|持续|加快|加强|大力|深入|积极|着力|"
    r"不断|切实|认真|重点|逐步|努力|探索|推动|推进|建立|完善|开展|实现)|计划(?:于|在|将)|拟(?!定|订|写|(?:作出|做出|提交|出台|实施|采取|上报)的)|"
    r"力争|争取|预计"
)


# Every cue of NEGATION and FUTURE starts with one of these characters, so a clause
# without any states what was done (most clauses: one class search instead of two
# alternations tried at every offset; tests/test_speed_matchers_clauses.py checks the
# set against the parsed patterns).
CUE_START = re.compile(r"[尚还仍并从未没缺欠不有亟需薄滞空流下明来今将计拟力争预]")


# A cue that only describes a noun (推进不力的单位, 未整改的问题, 执法不规范等问题) is
# not the clause's predicate: the clause may still report work done about that noun.
_ATTRIBUTIVE = re.compile(r".{0,2}?(?:的|等|问题|现象|情况)")


def is_negated(clause: str) -> bool:
    """The clause states that something was not done, or not done well enough."""
    return any(not _ATTRIBUTIVE.match(clause, m.end()) for m in NEGATION.finditer(clause))


def is_future(clause: str) -> bool:
    """The clause states an intention, not a result (``拟作出的处罚决定``, the decisions a
    standing procedure applies to, is no intention)."""
    return bool(FUTURE.search(clause))


def is_asserted(text: str, start: int, end: int) -> bool:
    """Whether the clause ``text[start:end]`` is neither negated nor future."""
    if CUE_START.search(text, start, end) is None:
        return True
    clause = text[start:end]
    return not (is_negated(clause) or is_future(clause))
