"""The message catalogue: every user-facing sentence, in Chinese and English.

Code asks for a message by key; nothing user-facing is a scattered string literal.
"""

from __future__ import annotations

from typing import Any

CATALOG: dict[str, dict[str, str]] = {
    "zh": {
        "status.met": "满足",
        "status.partial": "部分满足",
        "status.missing": "缺失",
        "status.not_applicable": "不适用",
        "status.waived": "已豁免",
        "severity.critical": "关键",
        "severity.major": "重要",
        "severity.minor": "一般",
        "severity.info": "提示",
        "msg.met": "已满足：{title}",
        "msg.partial": "部分满足：{title}",
        "msg.missing": "缺失：{title}",
        "msg.not_applicable": "不适用：{title}（{reason}）",
        "na.profile": "所用标准规定此项不适用",
        "na.condition": "不适用于此类报告",
        "note.late": "日期 {date} 晚于截止日期 {deadline}",
        "note.on_time": "日期 {date} 未晚于截止日期 {deadline}",
        "note.no_date": "报告没有成文日期或发布日期，无法核实是否按时",
        "note.no_year": "无法确定报告所属年度，无法核实",
        "note.conflict": "年份不一致：报告年度为 {year} 年，但出现 {found}",
        "waived": "已豁免：{reason}（{owner}，有效期至 {expires}）",
        "warn.not_a_report": (
            "此文件不像法治政府建设年度报告（只出现 {found} 个常见用语，至少应有 {min} 个），得分没有意义"
        ),
        "warn.waiver_expired": "豁免已过期：{requirement}（{reason}，到期 {expires}）",
        "warn.waiver_unused": "豁免未被使用：{requirement}（选择器 {report}）",
        "warn.waiver_unknown": "豁免引用了不存在的要求：{requirement}",
        "profile.auto": "按发文机关层级（{level}）自动选用标准 {standard}",
        "profile.default": "未识别出乡镇或部门层级，使用基准标准 {standard}",
        "profile.given": "使用指定标准 {standard}",
        "text.header": "法治政府建设年度报告审查结果",
        "text.document": "文件",
        "text.issuer": "发文机关",
        "text.level": "层级",
        "text.year": "年度",
        "text.date": "成文日期",
        "text.published": "发布日期",
        "text.standard": "审查标准",
        "text.score": "得分",
        "text.groups": "分项得分",
        "text.requirements": "逐项结果",
        "text.findings": "问题与建议",
        "text.evidence": "原文",
        "text.region_header": "文首（标题、主送机关）",
        "text.region_signature": "落款",
        "text.region_preamble": "开头段落",
        "text.suggestion": "建议",
        "text.none": "无",
        "text.unknown": "未知",
        "text.warnings": "提示",
        "text.page_meta": "网页元数据",
        "text.check_pass": "自查通过",
        "text.check_fail": "自查未通过",
        "text.check_reason_score": "得分 {score} 低于要求的 {min}",
        "text.check_reason_severity": "存在{severity}级别的缺失或部分满足项：{ids}",
        "quality.duplicate_sentence": "句子重复：后文又出现了几乎相同的句子「{other}」",
        "quality.vague_shortcomings": "不足写得笼统：只有套话（{stock}），没有写明具体领域、单位、数字或事例",
        "quality.no_figures": (
            "数字偏少：工作情况部分 {chars} 字中只有 {count} 个数据，"
            "每千字 {density} 个，低于 {threshold} 个"
        ),
        "quality.plan_misses_shortcoming": "下一年度安排没有回应这条不足（涉及：{topics}）",
        "quality.outdated_framework": (
            "{year} 年度报告只引用了《法治政府建设实施纲要（2015－2020年）》，"
            "未引用 2021－2025 年纲要"
        ),
        "text.quality": "质量提示",
        "level.province": "省级",
        "level.city": "市级",
        "level.county": "县级",
        "level.township": "乡镇（街道）",
        "level.department": "部门",
    },
    "en": {
        "status.met": "met",
        "status.partial": "partial",
        "status.missing": "missing",
        "status.not_applicable": "not applicable",
        "status.waived": "waived",
        "severity.critical": "critical",
        "severity.major": "major",
        "severity.minor": "minor",
        "severity.info": "info",
        "msg.met": "Met: {title}",
        "msg.partial": "Partially met: {title}",
        "msg.missing": "Missing: {title}",
        "msg.not_applicable": "Not applicable: {title} ({reason})",
        "na.profile": "the standard marks it not applicable",
        "na.condition": "does not apply to this kind of report",
        "note.late": "date {date} is after the deadline {deadline}",
        "note.on_time": "date {date} is not after the deadline {deadline}",
        "note.no_date": "the report has no document or publication date; cannot be verified",
        "note.no_year": "the reported year is unknown; cannot be verified",
        "note.conflict": "inconsistent years: the report is on {year}, but it has {found}",
        "waived": "Waived: {reason} ({owner}, until {expires})",
        "warn.not_a_report": "this file does not look like a rule-of-law government report "
        "({found} of the usual words, at least {min} expected); the score means nothing",
        "warn.waiver_expired": "expired waiver: {requirement} ({reason}, expired {expires})",
        "warn.waiver_unused": "unused waiver: {requirement} (selector {report})",
        "warn.waiver_unknown": "waiver names an unknown requirement: {requirement}",
        "profile.auto": "standard {standard} chosen from the issuer's level ({level})",
        "profile.default": "no township or department level recognised; using {standard}",
        "profile.given": "using the requested standard {standard}",
        "text.header": "Rule-of-law government annual report audit",
        "text.document": "File",
        "text.issuer": "Issuer",
        "text.level": "Level",
        "text.year": "Year",
        "text.date": "Date",
        "text.published": "Published",
        "text.standard": "Standard",
        "text.score": "Score",
        "text.groups": "Group scores",
        "text.requirements": "Requirements",
        "text.findings": "Findings",
        "text.evidence": "Evidence",
        "text.region_header": "header (title, addressee)",
        "text.region_signature": "signature block",
        "text.region_preamble": "opening paragraph",
        "text.suggestion": "Suggestion",
        "text.none": "none",
        "text.unknown": "unknown",
        "text.warnings": "Warnings",
        "text.page_meta": "page metadata",
        "text.check_pass": "Self-check passed",
        "text.check_fail": "Self-check failed",
        "text.check_reason_score": "score {score} is below the required {min}",
        "text.check_reason_severity": "{severity} requirements not met: {ids}",
        "quality.duplicate_sentence": "repeated sentence: nearly the same sentence appears again: \"{other}\"",
        "quality.vague_shortcomings": (
            "vague shortcoming: stock phrases only ({stoc"
            "k}), no field, unit, figure or example named"
        ),
        "quality.no_figures": (
            "few figures: {count} in {chars} characters of the w"
            "ork sections, {density} per 1,000, below {threshold}"
        ),
        "quality.plan_misses_shortcoming": "no item of next year's plan answers this shortcoming ({topics})",
        "quality.outdated_framework": "a report on {year} cites only the 2015-2020 outline, not the 2021-2025 one",
        "text.quality": "Quality notes",
        "level.province": "province",
        "level.city": "city",
        "level.county": "county",
        "level.township": "township",
        "level.department": "department",
    },
}

LANGS = tuple(CATALOG)


def t(key: str, lang: str = "zh", **args: Any) -> str:
    """The message ``key`` in ``lang`` with ``args`` filled in."""
    table = CATALOG.get(lang, CATALOG["zh"])
    template = table.get(key) or CATALOG["zh"][key]
    return template.format(**args) if args else template
