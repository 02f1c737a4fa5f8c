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
        "warn.other_kind": "此文件开头写明它是“{kind}”，不是法治政府建设年度报告，得分没有意义",
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
        "annotate.summary": "审查结果：得分 {score}；满足 {met} 项，部分满足 {partial} 项，缺失 {missing} 项。",
        "annotate.standard": "审查标准：{standard}（{reason}）",
        "annotate.top_gaps": "最需补充：{gaps}",
        "annotate.list_sep": "；",
        "annotate.no_gaps": "未发现缺失或部分满足的要求。",
        "annotate.partial": "{message}。此处已写到，但不完整。",
        "annotate.missing": "{message}（报告中没有找到）。",
        "annotate.missing_here": "{message}：应写在此处。",
        "annotate.suggestion": "建议：{suggestion}",
        "annotate.waived": "已豁免：{reason}",
        "annotate.exists": "{path} 已存在；加 --force 覆盖",
        "annotate.same_as_input": "输出文件不能是输入文件：{path}",
        "annotate.written": "已写入 {path}（{n} 条批注）",
        "annotate.wrong_document": "审查结果不是这份文件的（文件指纹不同）",
        "annotate.needs_text": "没有原 .docx 文件时，审查结果须带原文（audit(..., keep_text=True)）",
        "text.unknown": "未知",
        "text.warnings": "提示",
        "text.page_meta": "网页元数据",
        "text.check_pass": "自查通过",
        "text.check_fail": "自查未通过",
        "text.check_reason_score": "得分 {score} 低于要求的 {min}",
        "text.check_reason_severity": "存在{severity}级别的缺失或部分满足项：{ids}",
        "text.colon": "：",
        "text.paren": "（{text}）",
        "check.score": "得分：{score} / 100（{groups}）",
        "check.item": "{mark} {title}（{status}，{severity}）  [{id}]",
        "check.must_fix": "必须修改：未通过自查的要求（{n} 项）",
        "check.missing": "缺失的要求（{n} 项）",
        "check.other_missing": "其他缺失的要求（{n} 项）",
        "check.partial": "部分满足的要求（{n} 项）",
        "check.other_partial": "其他部分满足的要求（{n} 项）",
        "check.waived": "已豁免的要求（{n} 项）",
        "check.met": "已满足的要求（{n} 项）",
        "check.not_applicable": "不适用的要求（{n} 项）",
        "check.folded": "另有已满足 {met} 项、不适用 {na} 项（加 --verbose 逐项列出）",
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
        "quality.boilerplate": "与其他发文机关（{issuers}）的报告有相同或几乎相同的句子：「{other}」",
        "quality.boilerplate_many": "与{issuers}等 {n} 份其他发文机关的报告有相同或几乎相同的句子：「{other}」",
        "quality.boilerplate_reports": "与其他报告（{issuers}）有相同或几乎相同的句子：「{other}」",
        "quality.boilerplate_reports_many": "与{issuers}等 {n} 份其他报告有相同或几乎相同的句子：「{other}」",
        "quality.boilerplate_unknown": "发文机关不明的 {file}",
        "quality.boilerplate_suggestion": "结合本单位实际重写这句话，写明本单位自己的做法、数据和事例。",
        "quality.repeated_from_last_year": "与上一年度（{year}）报告的{part}几乎相同：「{other}」",
        "quality.repeated_from_last_year_suggestion": (
            "写明上年这一问题或安排的进展；仍未解决的，分析原因并提出新的措施。"
        ),
        "part.shortcomings": "存在的不足",
        "part.plan": "工作安排",
        "compare.title": "年度对比：{issuer}",
        "compare.years": "{old} 年度 → {new} 年度",
        "compare.score": "得分：{old} → {new}（{delta}）",
        "compare.changed": "结论有变化的要求（{n} 项，其余 {same} 项未变）",
        "compare.repeated": "照搬上年的不足和安排（{n} 处）",
        "compare.followup": ("上年工作安排的落实情况"
                             "（共 {n} 项：已落实 {done} 项，未见落实 {missing} 项，无法判断 {unclear} 项）"),
        "compare.followed": "已落实",
        "compare.not_followed": "未见落实",
        "compare.unclear": "无法判断",
        "compare.done_by": "今年",
        "compare.related": "今年相关表述",
        "compare.reason.done": "今年工作写明了同一事项的完成情况",
        "compare.reason.generic": "安排未写明具体工作领域，无法对照",
        "compare.reason.broad": "安排只写了工作方向，未写具体任务，无法对照",
        "compare.reason.no_action": "今年提到这项工作，但未写明做了什么、做到什么程度",
        "compare.reason.weak": "今年只有个别字词相同，不能说明已落实",
        "compare.reason.field_absent": "今年工作中没有这一领域的内容",
        "compare.reason.task_absent": "今年写了这一领域的工作，但没有这项任务",
        "compare.last_year": "上年",
        "compare.this_year": "今年",
        "compare.warn_issuer": "两份报告的发文机关不同（{old} / {new}），年度对比可能没有意义",
        "compare.warn_year": "新报告的年度（{new}）不晚于旧报告（{old}）",
        "eval.labels_not_found": "标注文件不存在",
        "eval.labels_unreadable": "无法读取标注文件：{detail}",
        "eval.labels_yaml": "标注文件不是有效的 YAML（第 {line} 行：{problem}）",
        "eval.labels_shape": "标注文件应以报告文件名为键，每个键下是该报告的标注",
        "eval.entry_shape": "{report} 的标注格式不对：metadata 和 requirements 应是映射",
        "eval.bad_status": "{report} 的 {id} 标注为 {value}，应为 met、partial、missing 或 not_applicable",
        "eval.bad_findings": "{report} 的 findings 应是列表，每项含 code 和 quote",
        "eval.report_not_found": "标注所指的报告文件 {report} 不存在",
        "eval.unknown_requirement": "{report} 的标注含有未知的要求编号 {id}（标准 {standard} 中没有）",
        "eval.unknown_field": "{report} 的标注含有未知的元数据字段 {field}（可用：{allowed}）",
        "eval.internal": "内部错误（请把此报告告诉维护者）：{kind}: {detail}",
        "eval.heading": "{labels}：{reports} 份报告（标准：{standards}）",
        "eval.total_heading": "全部 {files} 个标注文件合计",
        "eval.overall": "要求：有无 F1 {present}，缺口 F1 {gap}，三类准确率 {accuracy}（{correct}/{scored}）",
        "eval.left_out": "；{n} 对因一方不适用未计入",
        "eval.metadata_overall": "元数据：准确率 {accuracy}（{correct}/{compared}）",
        "eval.findings": "质量问题：精确率 {precision}（{confirmed}/{raised}），召回率 {recall}（{found}/{labelled}）",
        "eval.col_id": "要求编号",
        "eval.columns": " 有无F1  缺口F1  准确率  一致/计入（不适用）",
        "eval.col_field": "元数据",
        "eval.field_columns": " 准确率  一致/比较",
        "eval.disagreements": "不一致（{n} 处）",
        "eval.group": "{kind} {what}（{n}）",
        "eval.kind.requirement": "要求",
        "eval.kind.metadata": "元数据",
        "eval.kind.finding_missed": "漏报的质量问题",
        "eval.kind.finding_extra": "多报的质量问题",
        "eval.kind.not_applicable": "未计入（一方不适用）",
        "eval.line": "{report}：标注 {label}，结果 {ours}",
        "eval.evidence": "原文：「{quote}」{where}",
        "eval.section": "（{section}）",
        "text.quality": "质量提示",
        "text.error": "错误：",
        "text.this_year": "20XX",
        "text.next_year": "20XX",
        "text.internal": "内部错误（请把此文件报告给维护者）：{path}: {kind}: {detail}",
        "batch.counts": "输入 {inputs} 份：审查 {audited}，跳过未变 {skipped}，出错 {errors}（结果在 {out}）",
        "batch.compared": "年度比较：{n} 对相邻年度（见 {out}/compare/）",
        "batch.nothing_to_compare": "年度比较：无可比较的报告（没有哪个发文机关有两个年度的报告）",
        "batch.same_year": (
            "同一发文机关、同一年度有 {n} 份报告（可能是重复提交或修改稿；年度比较只用其中第一份）："
            "{issuer} {year} 年：{paths}"
        ),
        "batch.col.rank": "名次",
        "batch.col.issuer": "发文机关",
        "batch.col.path": "文件",
        "batch.col.level": "层级",
        "batch.col.year": "年度",
        "batch.col.date": "成文日期",
        "batch.col.standard": "审查标准",
        "batch.col.score": "得分",
        "batch.col.met": "满足项数",
        "batch.col.partial": "部分满足项数",
        "batch.col.missing": "缺失项数",
        "batch.col.worst_unmet_severity": "未满足项的最高严重程度",
        "batch.col.gaps": "缺失或部分满足的要求",
        "batch.col.quality_findings": "质量提示条数",
        "batch.col.copied_sentences": "与其他机关雷同的句数",
        "batch.col.copied_share": "雷同句占比",
        "batch.col.warnings": "提示",
        "batch.col.output": "结果文件",
        "batch.col.requirement": "要求",
        "batch.col.requirement_id": "要求编号",
        "batch.col.status": "状态",
        "batch.col.severity": "严重程度",
        "batch.col.suggestion": "建议",
        "batch.col.kind": "错误类型",
        "batch.col.message": "说明",
        "batch.sheet.summary": "汇总",
        "batch.sheet.gaps": "缺项与建议",
        "batch.sheet.requirements": "各项要求统计",
        "batch.count.missing": "缺失份数",
        "batch.count.partial": "部分满足份数",
        "batch.count.met": "满足份数",
        "batch.count.other": "不适用或豁免份数",
        "batch.count.units": "缺失或部分满足的单位",
        "chart.section": "图表",
        "chart.no_reports": "没有可统计的报告（全部未能审查，或没有输入）。",
        "chart.scores": "得分分布",
        "chart.scores_desc": "{n} 份报告，平均 {mean} 分，最低 {low} 分，最高 {high} 分",
        "chart.bin": "{low}–{high} 分：{n} 份",
        "chart.mean_short": "平均",
        "chart.pass_line": "合格线 {score} 分，低于合格线 {n} 份",
        "chart.pass_short": "合格线",
        "chart.same_score": "{n} 份报告得分相同（{score} 分）。",
        "chart.timeliness": "报送时间",
        "chart.timeliness_desc": (
            "按时 {on_time} 份，逾期 {late} 份，日期无法核实 {unverified} 份，未检查 {unchecked} 份"
        ),
        "chart.tl.on_time": "按时报送",
        "chart.tl.late": "晚于截止日期",
        "chart.tl.unverified": "日期无法核实",
        "chart.tl.unchecked": "未检查",
        "chart.by_level": "各层级平均得分",
        "chart.by_year": "各年度平均得分",
        "chart.group": "{n} 份，平均 {mean} 分",
        "chart.trends": "同一单位的历年得分",
        "chart.requirements": "各项要求的满足情况（缺失最多的在前）",
        "chart.click_hint": "点击一项，只看有此缺项的报告",
        "chart.req_counts": "缺失 {missing} 份，部分满足 {partial} 份，满足 {met} 份，不适用或豁免 {other} 份",
        "chart.other": "不适用或豁免",
        "chart.table": "数据表",
        "chart.clear_filter": "取消按缺项筛选",
        "chart.gap_filter": "有此缺项：{title}",
        "notice.title": "关于{years}年度法治政府建设年度报告审查情况的通报（草稿）",
        "notice.title_no_year": "关于法治政府建设年度报告审查情况的通报（草稿）",
        "notice.date": "{y}年{m}月{d}日",
        "notice.opening": (
            "本次共收到年度报告 {n} 份，其中按时报送 {on_time} 份，晚于截止日期 {late} 份，"
            "成文日期无法核实 {unverified} 份。平均得分 {mean} 分，最高 {high} 分，最低 {low} 分。"
        ),
        "notice.below_pass": "低于合格线（{score} 分）的 {n} 份。",
        "notice.errors": "另有 {n} 份文件未能审查。",
        "notice.none": "本次没有可审查的年度报告。",
        "notice.h.ranking": "一、得分排名",
        "notice.h.common": "二、共性问题",
        "notice.h.units": "三、各单位情况",
        "notice.h.copied": "四、文本雷同情况",
        "notice.h.years": "五、年度变化",
        "notice.col.rank": "名次",
        "notice.col.unit": "单位",
        "notice.col.level": "层级",
        "notice.col.score": "得分",
        "notice.col.counts": "满足/部分满足/缺失",
        "notice.col.timely": "报送时间",
        "notice.col.requirement": "要求",
        "notice.col.missing": "缺失份数",
        "notice.col.partial": "部分满足份数",
        "notice.col.units": "涉及单位",
        "notice.col.sentence": "雷同的句子",
        "notice.col.shared_with": "说明",
        "notice.col.scores": "历年得分",
        "notice.col.change": "变化",
        "notice.counts_note": "注：得分由 checklist 按审查标准自动计算，供审查参考，请逐项核实后定稿。",
        "notice.no_common": "各报告均未发现缺失或部分满足的要求。",
        "notice.unit": "得分 {score} 分。缺失或不完整的要求 {n} 项：{gaps}。建议：",
        "notice.unit_clean": "得分 {score} 分，各项要求均已满足。",
        "notice.no_copied": "未发现不同单位报告之间的雷同句子。",
        "error.too_large": (
            '文件过大：超过上限 {name}={limit:,}（此文件为 {value:,}）'
        ),
        "error.too_long": (
            '正文过长：超过上限 {name}={limit:,}（此文件为 {value:,}）'
        ),
        "error.empty": (
            '文件为空'
        ),
        "error.directory": (
            '这是一个文件夹，不是文件'
        ),
        "api.bad_value": "参数 {argument} 应为 {accepted} 之一，而不是 {value!r}",
        "api.bad_type": "参数 {argument} 应为 {accepted}，而不是 {got}",
        "error.not_found": (
            '文件不存在'
        ),
        "error.permission": (
            '没有读取权限'
        ),
        "error.os": (
            '无法读取：{reason}'
        ),
        "error.docx_no_text": "文档中没有正文文字",
        "error.html_no_text": "页面中没有正文文字",
        "error.no_text": (
            '没有可识别的正文文字'
        ),
        "error.foreign": (
            '这是 {kind} 文件，不是报告文档（支持 txt、html、docx、pdf、doc）'
        ),
        "error.format": (
            '不支持的格式 {fmt!r}（支持：{supported}）'
        ),
        "error.decode": (
            '无法按 {encoding} 解码（位置 {pos}）'
        ),
        "error.binary": (
            '不是文本文件（含有二进制 NUL 字节，且无 UTF-16 BOM）'
        ),
        "error.encoding": (
            '编码无法识别：既不是 UTF-8，也不是 GB18030/GBK'
        ),
        "error.big5": (
            '看起来是 Big5 编码（繁体中文），但第 {pos} 字节起无法按 Big5 解码；'
            '请另存为 UTF-8 后再试（如 iconv -f BIG5-HKSCS -t UTF-8 原文件 > 新文件，或在记事本“另存为”中选 UTF-8）'
        ),
        "error.control_chars": (
            '按 {encoding} 解码后含有 {count} 个控制符或乱码字符，疑似二进制或编码错误'
        ),
        "error.mojibake": (
            '按 {encoding} 解码后疑似乱码（大量西文重音字母），请确认文件编码'
        ),
        "error.docx_is_doc": (
            '这是旧版 Word (.doc) 或加密的文档，不是 .docx；请另存为 .docx'
        ),
        "error.docx_not_zip": (
            '不是有效的 .docx 文件（不是 ZIP 压缩包）'
        ),
        "error.docx_is_excel": (
            '这是 Excel 表格，不是 Word 文档'
        ),
        "error.docx_is_powerpoint": (
            '这是 PowerPoint 演示文稿，不是 Word 文档'
        ),
        "error.docx_is_odt": (
            '这是 OpenDocument (.odt) 文件，请另存为 .docx'
        ),
        "error.docx_no_document": (
            'ZIP 压缩包中没有 word/document.xml，不是 .docx 文件'
        ),
        "error.zip_bomb": (
            '.docx 解压后过大，疑似压缩炸弹或损坏：超过上限 {name}={limit:,}（此文件为 {value:,}）'
        ),
        "error.docx_macro": (
            '这是启用宏的 Word 文档或模板，请另存为 .docx 后重试'
        ),
        "error.docx_doctype": (
            '.docx 的 {part} 含有 DOCTYPE/实体声明（可能是 XXE 或 XML 炸弹），已拒绝'
        ),
        "error.docx_bad_zip": (
            '不是有效的 .docx 文件（ZIP 压缩包已损坏）'
        ),
        "error.docx_unreadable": (
            '无法读取 .docx 文件（{reason}），文件可能已损坏'
        ),
        "error.docx_too_deep": (
            '文档结构嵌套过深，无法读取'
        ),
        "error.html_too_deep": (
            '页面标签嵌套过深，无法安全解析：超过上限 {name}={limit:,}（此文件为 {value:,}）'
        ),
        "error.soffice_start": (
            '无法启动 LibreOffice（{reason}）'
        ),
        "error.soffice_timeout": (
            'LibreOffice 转换超时（{seconds} 秒），文件可能已损坏'
        ),
        "error.soffice_failed": (
            'LibreOffice 无法转换该文件，文件可能已损坏或加密{detail}'
        ),
        "error.no_converter": (
            '旧版 .doc/.wps 格式需要先转换：请用 WPS/Word 另存为 .docx，或安装 Libre'
            'Office 后重试（soffice --headless --convert-to docx 文件名）'
        ),
        "error.pdf_encrypted": (
            'PDF 已加密（需要密码才能打开），请提供未加密的文件'
        ),
        "error.pdf_security": (
            'PDF 使用了不支持的加密方式，请提供未加密的文件'
        ),
        "error.pdf_corrupt": (
            'PDF 文件已损坏或不是 PDF，无法打开'
        ),
        "error.pdf_no_pages": (
            'PDF 没有页面'
        ),
        "error.pdf_page_corrupt": (
            'PDF 页面内容已损坏，无法读取文字'
        ),
        "error.pdf_no_text": (
            'PDF 没有文字层（可能是扫描件），请先进行文字识别（OCR）'
        ),
        "level.province": "省级",
        "level.city": "市级",
        "level.county": "县级",
        "level.township": "乡镇（街道）",
        "level.department": "部门",
        "html.title": "法治政府建设年度报告审查结果",
        "html.back": "返回总览",
        "html.footer": "由 {tool} 生成 · 审查标准 {standard}",
        "html.score": "综合得分",
        "html.score_note": "加权计分：满足计 1、部分满足计 0.5、缺失计 0；不适用、已豁免和权重为 0 的要求不计分。",
        "html.filter_to": "只看“{status}”的要求",
        "html.statutory": "法定报告内容",
        "html.statutory_basis": "《法治政府建设与责任落实督察工作规定》规定的年度报告内容",
        "html.unscored": "不计分",
        "html.n_requirements": "共 {n} 项",
        "html.filters": "筛选要求",
        "html.status": "状态",
        "html.all": "全部",
        "html.severity": "严重程度",
        "html.group": "分组",
        "html.search": "搜索",
        "html.search_placeholder": "要求、原文、建议……",
        "html.shown": "显示 {n} / {total} 项",
        "html.expand_all": "全部展开",
        "html.collapse_all": "全部收起",
        "html.requirement": "审查要求",
        "html.weight": "权重",
        "html.locate": "原文",
        "html.locate_title": "在报告原文中查看证据",
        "html.n_quotes": "{n} 处",
        "html.no_match": "没有符合筛选条件的要求。",
        "html.until": "有效期至 {date}",
        "html.evidence_n": "原文证据（{n} 处）",
        "html.show_all": "显示全部 {n} 处",
        "html.show_less": "收起",
        "html.basis": "依据",
        "html.n_findings": "共 {n} 条",
        "html.no_findings": "没有发现问题。",
        "html.quality_note": "质量提示不改变逐项结论和得分，供修改报告时参考。",
        "html.coverage_findings": "缺失和部分满足的要求",
        "html.document": "报告原文",
        "html.n_chars": "{n} 字",
        "html.legend_evidence": "证据",
        "html.legend_quality": "质量提示",
        "html.legend_click": "点击高亮处可跳到对应的审查要求。",
        "html.refs_menu": "此处原文支持：",
        "html.removed": "已移除的网页杂项 {n} 行（{reasons}），点击展开",
        "html.no_text": (
            "本页不含报告原文：保存审查结果时没有附带原文。用 checklist audit 报告文件 --format html 直接生成，"
            "或用 --format json --keep-text 保存结果后再用 checklist render 生成，即可显示原文及证据高亮。"
        ),
        "html.group_quality": "写作质量",
        "html.category_coverage": "覆盖",
        "html.category_quality": "质量",
        "html.addressee": "主送机关",
        "html.profile": "标准选用",
        "html.standard_value": "{title}（{id} {version}）",
        "html.tool": "审查工具",
        "html.overview_title": "法治政府建设年度报告审查总览",
        "html.n_reports": "共 {n} 份报告",
        "html.mean_score": "平均得分",
        "html.col_issuer": "发文机关",
        "html.col_level": "层级",
        "html.col_year": "年度",
        "html.col_score": "得分",
        "html.col_counts": "满足 / 部分 / 缺失",
        "html.col_copied": "雷同",
        "html.col_copied_title": "与其他机关报告雷同的句子占比",
        "html.col_standard": "标准",
        "html.col_standard_title": "审查所用的标准（按发文机关层级选用或指定）",
        "html.all_standards": "全部标准",
        "html.sort_hint": "点击表头排序",
        "html.all_levels": "全部层级",
        "html.all_years": "全部年度",
        "html.overview_search": "搜索发文机关或文件名",
        "html.legend": "图例",
        "html.no_reports": "没有符合筛选条件的报告。",
        "html.footer_overview": "由 {tool} 生成 · 点击发文机关查看逐份审查结果",
        "html.shown_reports": "显示 {n} / {total} 份",
        "html.show_more_reports": "再显示 {n} 份",
        "html.more_reports": "（还有 {n} 份未显示）",
        "removed.page_metadata": "页面元数据",
        "removed.navigation": "网页导航或页脚",
        "removed.page_number": "页码",
        "removed.address": "网址或转载网站的水印",
        "removed.before_body": "正文前的网页碎片",
        "removed.after_body": "正文后的网页碎片",
        "removed.page_title": "网页标题（与正文标题重复）",
        "removed.site_header": "网站名称（网站主办者，不是报告的发文机关）",
        "removed.related_list": "正文后的相关文章列表",
        "removed.file_name": "文件名",
        "web.title": "法治政府建设年度报告自查",
        "web.other_lang": "English",
        "web.lead": "上传报告草稿或粘贴全文，发布前看看还缺什么。",
        "web.privacy": "文件只在本机处理：检查完即从内存中清除，不保存，不上传到别处。",
        "web.file": "选择报告文件",
        "web.drop": "把文件拖到这里，或点击选择",
        "web.kinds": "支持 .docx、.pdf、.txt、.html（.doc、.wps、.rtf 需本机装有 LibreOffice），不超过 {max_mb} MB",
        "web.chosen": "已选择：",
        "web.clear": "清除",
        "web.or": "或者",
        "web.paste": "粘贴报告全文",
        "web.paste_hint": "从标题到落款日期，整篇粘贴在这里",
        "web.profile": "审查标准",
        "web.profile_auto": "自动（按发文机关层级选择）",
        "web.profile.national": "县级以上地方政府及通用",
        "web.profile.township": "乡镇（街道）",
        "web.profile.department": "政府部门",
        "web.check": "检查",
        "web.checking": "正在检查…",
        "web.done": "检查完成（{ms} 毫秒）",
        "web.score": "得分",
        "web.counts": "满足 {met} 项 · 部分满足 {partial} 项 · 缺失 {missing} 项",
        "web.missing_title": "缺失的内容",
        "web.partial_title": "需要补充的内容",
        "web.nothing_missing": "没有缺失的要求。",
        "web.download_html": "下载审查报告（HTML）",
        "web.download_json": "下载结果（JSON）",
        "web.download_docx": "下载带批注的 Word",
        "web.again": "检查另一份",
        "web.report_frame": "审查报告",
        "web.failed": "检查没有完成",
        "web.network": "无法连接本机的检查服务（是否已关闭？）",
        "web.footer": "checklist {version} · 只在本机运行 · 接口说明：POST /api/audit、GET /api/standards",
        "web.upload": "上传的文件",
        "web.pasted": "粘贴的文字",
        "web.unsupported_type": "{name}: 不支持的文件类型 {suffix}（支持 .docx、.pdf、.txt、.html、.doc、.wps、.rtf）",
        "web.unsupported_media": "不支持的请求类型 {type}：请用 multipart/form-data 上传文件，或提交 text 字段",
        "web.too_large": "上传内容过大：超过上限 {limit} MB",
        "web.bad_json": "请求正文不是 JSON 对象",
        "web.bad_lang": "不支持的语言 {value}（可选：{allowed}）",
        "web.bad_standard": "没有标准 {value}（可选：{allowed}）",
        "web.bad_format": "不支持的结果格式 {value}（可选：{allowed}）",
        "web.bad_file": "file 字段应是上传的文件",
        "web.bad_text": "text 字段应是文字",
        "web.both": "请只提供一份报告：选择文件或粘贴文字，二者选一",
        "web.nothing": "请选择报告文件，或粘贴报告全文",
        "web.bad_form": "无法解析上传的表单：{detail}",
        "web.bad_host": "此服务只接受发往本机地址的请求（收到的 Host 为 {host}）",
        "web.internal": "内部错误（请报告给维护者）：{path}: {kind}: {detail}",
        "web.foreign_origin": "拒绝来自其他网页（{origin}）的提交",
        "web.not_found": "没有这个地址：{path}",
        "web.bad_method": "此地址不支持该请求方法：{path}",
        "web.http": "请求出错（HTTP {status}）：{path}",
        "web.auto_note": (
            "standard 取 auto（默认）时按发文机关层级选用："
            "乡镇（街道）用 township，政府部门用 department，其余用 national"
        ),
        "cli.cannot_write": "无法写入 {path}：{reason}",
        "cli.cannot_mkdir": "无法创建目录 {path}：{reason}",
        "cli.html_needs_output": "多份报告的 HTML 需要用 -o 指定总览页文件（如 -o out/index.html）或目录（如 -o out/）",
        "cli.removed": "{count} 行网页杂项（{reasons}）",
        "cli.list_sep": "、",
        "cli.reason_sep": "；",
        "cli.check_reasons": "：{reasons}",
        "cli.standards_row": "{id:12} {version:8} {count:3} 项  {title}{extends}",
        "cli.extends": " extends {base}",
        "cli.basis": "  依据 {basis}",
        "cli.not_applicable": "  [不适用]",
        "cli.conditional": "  [有条件]",
        "cli.valid": "{file}: 有效（{id} {version}，{count} 项要求）",
        "cli.unknown_formats": "未知的输出格式 {unknown}（可用：{known}）",
        "cli.progress": "审查",
        "cli.result_not_json": "不是 JSON 或 JSON Lines：第 {line} 行第 {column} 列",
        "cli.result_not_audit": "审查结果不是 checklist audit 的 JSON 结果",
        "cli.result_n_not_audit": "第 {n} 个结果不是 checklist audit 的 JSON 结果",
        "cli.result_schema": "审查结果的 schema_version 为 {found}，本版本只读 {supported}",
        "cli.result_n_schema": "第 {n} 个结果的 schema_version 为 {found}，本版本只读 {supported}",
        "cli.result_invalid": "审查结果格式不对：{loc}：{detail}",
        "cli.result_n_invalid": "第 {n} 个结果格式不对：{loc}：{detail}",
        "cli.no_results": "没有审查结果",
        "example.wrong_status": "{standard} {requirement} 示例{n}：应为 {expected}，实际为 {got}",
        "example.note": "（{note}）",
        "serve.listening": "自查页面：{url}",
        "serve.local_only": "只接受本机访问（{host}）。按 Ctrl+C 停止。",
        "serve.public": "注意：正在监听 {host}，同一网络中的其他计算机也能打开此页面并上传文件。按 Ctrl+C 停止。",
        "serve.needs_extra": "checklist serve 需要 web 组件：pip install 'checklist[web]'（缺少 {module}）",
        "serve.port_busy": "无法监听 {host}:{port}：{reason}",
        "serve.stopped": "自查页面已停止。",
        "standard.not_found": "标准文件不存在",
        "standard.unreadable": "无法读取标准文件：{reason}",
        "standard.yaml_syntax": "YAML 语法错误：{problem}",
        "standard.duplicate_key": "重复的键 {name}",
        "standard.not_mapping": "标准文件的顶层必须是一个映射（id、version、requirements …）",
        "standard.unknown": "没有名为 {ref} 的标准（内置：{known}）",
        "standard.extends_cycle": "extends 形成循环：{chain}",
        "standard.extends_failed": "extends {ref} 无法加载：{reason}",
        "standard.duplicate_requirement": "重复的要求 id {id}（继承的要求请用 overrides 修改）",
        "standard.override_unknown": "overrides 引用了不存在的要求 {id}",
        "standard.group_undefined": "要求 {id} 的分组 {group} 未在 groups 中定义",
        "standard.empty": "标准中没有任何要求",
        "standard.unknown_quality": "未知的质量检查 {code}（可用：{known}）",
        "standard.cross_weight": (
            "跨报告的质量检查 {code} 不能计分（weight 须为 0）：一份报告的得分不应取决于同批还有哪些报告"
        ),
        "standard.unscorable": "此标准对该报告没有可计分的要求（全部不适用或权重为 0），不能给出得分",
        "standard.unknown_scope": "未知的范围 {name}（可用：{scopes}）",
        "standard.matcher_shape": "规则必须是只含一个匹配类型的映射（可用类型：{kinds}）",
        "standard.matcher_unknown": "未知的匹配类型 {kind}（可用类型：{kinds}）",
        "standard.matcher_empty": "{kind} 需要一个非空的规则列表",
        "standard.matcher_invalid": "{kind}: {detail}",
        "standard.as_given": "{text}",
        "standard.one_of": "取值应为 {expected}",
        "standard.at_least": "应不小于 {limit}",
        "standard.invalid.extra_forbidden": "未知的键",
        "standard.invalid.missing": "缺少必填键",
        "standard.invalid.float_parsing": "应为数字",
        "standard.invalid.float_type": "应为数字",
        "standard.invalid.int_parsing": "应为整数",
        "standard.invalid.int_type": "应为整数",
        "standard.invalid.string_type": "应为文本",
        "standard.invalid.bool_parsing": "应为 true 或 false",
        "standard.invalid.bool_type": "应为 true 或 false",
        "standard.invalid.list_type": "应为列表",
        "standard.invalid.dict_type": "应为映射（键: 值）",
        "standard.invalid.model_type": "应为映射（键: 值）",
        "standard.invalid.string_pattern_mismatch": "格式不对（id 应为小写字母、点和下划线，如 core.measures）",
        "standard.invalid.too_short": "不能为空",
        "standard.invalid.date_from_datetime_parsing": "应为日期（如 2026-12-31）",
        "standard.invalid.date_parsing": "应为日期（如 2026-12-31）",
        "waiver.not_found": "豁免文件不存在",
        "waiver.unreadable": "无法读取豁免文件：{reason}",
        "waiver.not_list": "豁免文件应为一个列表（每项含 requirement、report、reason、expires）",
        "waiver.invalid_entry": "第 {n} 项：{detail}",
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
        "warn.other_kind": "this file opens as a \u201c{kind}\u201d, not a rule-of-law government report; "
        "the score means nothing",
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
        "annotate.summary": "Review: score {score}; {met} met, {partial} partial, {missing} missing.",
        "annotate.standard": "Standard: {standard} ({reason})",
        "annotate.top_gaps": "Most important gaps: {gaps}",
        "annotate.list_sep": "; ",
        "annotate.no_gaps": "No requirement is missing or partial.",
        "annotate.partial": "{message}. Written here, but not completely.",
        "annotate.missing": "{message} (not found in the report).",
        "annotate.missing_here": "{message}: it belongs here.",
        "annotate.suggestion": "Suggestion: {suggestion}",
        "annotate.waived": "Waived: {reason}",
        "annotate.exists": "{path} exists; add --force to overwrite it",
        "annotate.same_as_input": "the output must not be the input: {path}",
        "annotate.written": "wrote {path} ({n} comments)",
        "annotate.wrong_document": "the result is not of this document (its hash differs)",
        "annotate.needs_text": "without the original .docx the result must keep the text (audit(..., keep_text=True))",
        "text.unknown": "unknown",
        "text.warnings": "Warnings",
        "text.page_meta": "page metadata",
        "text.check_pass": "Self-check passed",
        "text.check_fail": "Self-check failed",
        "text.check_reason_score": "score {score} is below the required {min}",
        "text.check_reason_severity": "{severity} requirements not met: {ids}",
        "text.colon": ": ",
        "text.paren": " ({text})",
        "check.score": "Score: {score} / 100 ({groups})",
        "check.item": "{mark} {title} ({status}, {severity})  [{id}]",
        "check.must_fix": "Must fix: requirements that fail the self-check ({n})",
        "check.missing": "Missing requirements ({n})",
        "check.other_missing": "Other missing requirements ({n})",
        "check.partial": "Partly met requirements ({n})",
        "check.other_partial": "Other partly met requirements ({n})",
        "check.waived": "Waived requirements ({n})",
        "check.met": "Met requirements ({n})",
        "check.not_applicable": "Requirements not applicable ({n})",
        "check.folded": "Also {met} met and {na} not applicable (--verbose lists them)",
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
        "quality.boilerplate": (
            "the same or nearly the same sentence is in another issuer's report ({issuers}): \"{other}\""
        ),
        "quality.boilerplate_many": (
            "the same or nearly the same sentence is in {n} other issuers' reports ({issuers}, …): \"{other}\""
        ),
        "quality.boilerplate_reports": (
            "the same or nearly the same sentence is in another report ({issuers}): \"{other}\""
        ),
        "quality.boilerplate_reports_many": (
            "the same or nearly the same sentence is in {n} other reports ({issuers}, …): \"{other}\""
        ),
        "quality.boilerplate_unknown": "{file} [issuer unknown]",
        "quality.boilerplate_suggestion": "Rewrite the sentence with this body's own measures, figures and examples.",
        "quality.repeated_from_last_year": "nearly the same as the {part} of last year's report ({year}): \"{other}\"",
        "quality.repeated_from_last_year_suggestion": (
            "Say what came of last year's problem or plan; if it is unsolved, say why and what is new."
        ),
        "part.shortcomings": "shortcomings",
        "part.plan": "plan",
        "compare.title": "Year over year: {issuer}",
        "compare.years": "{old} → {new}",
        "compare.score": "Score: {old} → {new} ({delta})",
        "compare.changed": "Requirements whose verdict changed ({n}; {same} unchanged)",
        "compare.repeated": "Shortcomings and plans copied from last year ({n})",
        "compare.followup": "Last year's plan ({n} items: {done} followed, {missing} not followed, {unclear} unclear)",
        "compare.followed": "followed",
        "compare.not_followed": "not followed",
        "compare.unclear": "unclear",
        "compare.done_by": "this year",
        "compare.related": "this year's closest words",
        "compare.reason.done": "this year's work reports the same task done",
        "compare.reason.generic": "the item names no field of work to look for",
        "compare.reason.broad": "the item names a direction, not a task to look for",
        "compare.reason.no_action": "this year's report names the task but not what was done",
        "compare.reason.weak": "this year's report shares only a word with the item",
        "compare.reason.field_absent": "this year's work says nothing of this field",
        "compare.reason.task_absent": "this year's work covers the field but not this task",
        "compare.last_year": "last year",
        "compare.this_year": "this year",
        "compare.warn_issuer": "the reports have different issuers ({old} / {new}): the comparison may mean nothing",
        "compare.warn_year": "the new report's year ({new}) is not after the old one's ({old})",
        "eval.labels_not_found": "labels file not found",
        "eval.labels_unreadable": "cannot read the labels file: {detail}",
        "eval.labels_yaml": "the labels file is not valid YAML (line {line}: {problem})",
        "eval.labels_shape": "a labels file must map report file names to each report's labels",
        "eval.entry_shape": "the labels of {report} are malformed: metadata and requirements must be mappings",
        "eval.bad_status": "{report}: {id} is labelled {value}, not one of met, partial, missing, not_applicable",
        "eval.bad_findings": "{report}: findings must be a list of entries with code and quote",
        "eval.report_not_found": "the report file {report} named by the labels does not exist",
        "eval.unknown_requirement": (
            "{report}: the labels name an unknown requirement id {id} (not in standard {standard})"
        ),
        "eval.unknown_field": "{report}: the labels name an unknown metadata field {field} (known: {allowed})",
        "eval.internal": "internal error (please report this report to the maintainers): {kind}: {detail}",
        "eval.heading": "{labels}: {reports} reports (standard: {standards})",
        "eval.total_heading": "All {files} labels files together",
        "eval.overall": (
            "Requirements: present-F1 {present}, gap-F1 {gap}, 3-class accuracy {accuracy} ({correct}/{scored})"
        ),
        "eval.left_out": "; {n} left out (not applicable on one side)",
        "eval.metadata_overall": "Metadata: accuracy {accuracy} ({correct}/{compared})",
        "eval.findings": (
            "Quality findings: precision {precision} ({confirmed}/{raised}), recall {recall} ({found}/{labelled})"
        ),
        "eval.col_id": "requirement",
        "eval.columns": "present     gap    acc.  agree/scored (n/a)",
        "eval.col_field": "field",
        "eval.field_columns": "   acc.  agree/compared",
        "eval.disagreements": "Disagreements ({n})",
        "eval.group": "{kind} {what} ({n})",
        "eval.kind.requirement": "requirement",
        "eval.kind.metadata": "metadata",
        "eval.kind.finding_missed": "finding not raised",
        "eval.kind.finding_extra": "finding not labelled",
        "eval.kind.not_applicable": "left out (not applicable on one side)",
        "eval.line": "{report}: label {label}, ours {ours}",
        "eval.evidence": "evidence: \"{quote}\"{where}",
        "eval.section": " ({section})",
        "text.quality": "Quality notes",
        "text.error": "error: ",
        "text.this_year": "20XX",
        "text.next_year": "20XX",
        "text.internal": "internal error (please report this file to the maintainers): {path}: {kind}: {detail}",
        "batch.counts": (
            "{inputs} inputs: {audited} audited, {skipped} unchanged and skipped, {errors} errors (results in {out})"
        ),
        "batch.compared": "years compared: {n} pairs of consecutive years (see {out}/compare/)",
        "batch.nothing_to_compare": "years compared: none (no issuer has reports on two years)",
        "batch.same_year": (
            "{n} reports of one issuer on one year (a duplicate or a revised draft? years are compared with "
            "the first only): {issuer} {year}: {paths}"
        ),
        "batch.col.rank": "Rank",
        "batch.col.issuer": "Issuer",
        "batch.col.path": "File",
        "batch.col.level": "Level",
        "batch.col.year": "Year",
        "batch.col.date": "Date",
        "batch.col.standard": "Standard",
        "batch.col.score": "Score",
        "batch.col.met": "Met",
        "batch.col.partial": "Partial",
        "batch.col.missing": "Missing",
        "batch.col.worst_unmet_severity": "Most severe unmet",
        "batch.col.gaps": "Requirements missing or partial",
        "batch.col.quality_findings": "Quality notes",
        "batch.col.copied_sentences": "Sentences copied from other issuers",
        "batch.col.copied_share": "Share copied",
        "batch.col.warnings": "Warnings",
        "batch.col.output": "Result file",
        "batch.col.requirement": "Requirement",
        "batch.col.requirement_id": "Requirement id",
        "batch.col.status": "Status",
        "batch.col.severity": "Severity",
        "batch.col.suggestion": "Suggestion",
        "batch.col.kind": "Error kind",
        "batch.col.message": "Message",
        "batch.sheet.summary": "Summary",
        "batch.sheet.gaps": "Gaps and suggestions",
        "batch.sheet.requirements": "Requirement counts",
        "batch.count.missing": "Reports missing it",
        "batch.count.partial": "Reports partly meeting it",
        "batch.count.met": "Reports meeting it",
        "batch.count.other": "Not applicable or waived",
        "batch.count.units": "Units with the gap",
        "chart.section": "Charts",
        "chart.no_reports": "No report to count (none could be audited, or there was no input).",
        "chart.scores": "Score distribution",
        "chart.scores_desc": "{n} reports, mean {mean}, lowest {low}, highest {high}",
        "chart.bin": "{low}–{high}: {n} reports",
        "chart.mean_short": "mean",
        "chart.pass_line": "pass line {score}, {n} reports below it",
        "chart.pass_short": "pass",
        "chart.same_score": "All {n} reports have the same score ({score}).",
        "chart.timeliness": "Timeliness",
        "chart.timeliness_desc": (
            "{on_time} on time, {late} late, {unverified} whose date cannot be verified, {unchecked} not checked"
        ),
        "chart.tl.on_time": "On time",
        "chart.tl.late": "After the deadline",
        "chart.tl.unverified": "Date cannot be verified",
        "chart.tl.unchecked": "Not checked",
        "chart.by_level": "Mean score by level",
        "chart.by_year": "Mean score by year",
        "chart.group": "{n} reports, mean {mean}",
        "chart.trends": "One unit's scores over the years",
        "chart.requirements": "Requirements, the most often missing first",
        "chart.click_hint": "click one to show only the reports with that gap",
        "chart.req_counts": (
            "missing in {missing}, partial in {partial}, met in {met}, not applicable or waived in {other}"
        ),
        "chart.other": "Not applicable or waived",
        "chart.table": "Data table",
        "chart.clear_filter": "Clear the gap filter",
        "chart.gap_filter": "With the gap: {title}",
        "notice.title": "Notice on the review of the {years} annual reports on building a law-based government (draft)",
        "notice.title_no_year": "Notice on the review of the annual reports on building a law-based government (draft)",
        "notice.date": "{iso}",
        "notice.opening": (
            "{n} annual reports were received: {on_time} on time, {late} after the deadline, {unverified} whose "
            "date cannot be verified. Mean score {mean}, highest {high}, lowest {low}."
        ),
        "notice.below_pass": " {n} scored below the pass line ({score}).",
        "notice.errors": " {n} more files could not be audited.",
        "notice.none": "No annual report could be reviewed.",
        "notice.h.ranking": "1. Ranking",
        "notice.h.common": "2. Common gaps",
        "notice.h.units": "3. Each unit",
        "notice.h.copied": "4. Text copied between units",
        "notice.h.years": "5. Change over the years",
        "notice.col.rank": "Rank",
        "notice.col.unit": "Unit",
        "notice.col.level": "Level",
        "notice.col.score": "Score",
        "notice.col.counts": "Met/partial/missing",
        "notice.col.timely": "Timeliness",
        "notice.col.requirement": "Requirement",
        "notice.col.missing": "Reports missing it",
        "notice.col.partial": "Reports partly meeting it",
        "notice.col.units": "Units",
        "notice.col.sentence": "Shared sentence",
        "notice.col.shared_with": "Details",
        "notice.col.scores": "Scores by year",
        "notice.col.change": "Change",
        "notice.counts_note": (
            "Note: scores are computed by checklist against the standard, for reference; check each before finalising."
        ),
        "notice.no_common": "No report has a requirement missing or partly met.",
        "notice.unit": "Score {score}. {n} requirements missing or incomplete: {gaps}. Suggestions:",
        "notice.unit_clean": "Score {score}; every requirement is met.",
        "notice.no_copied": "No sentence was found shared between different units' reports.",
        "error.too_large": (
            'file too large: over the limit {name}={limit:,} (this file: {value:,})'
        ),
        "error.too_long": (
            'text too long: over the limit {name}={limit:,} (this file: {value:,})'
        ),
        "error.empty": (
            'the file is empty'
        ),
        "error.directory": (
            'this is a folder, not a file'
        ),
        "api.bad_value": "argument {argument} must be one of {accepted}, not {value!r}",
        "api.bad_type": "argument {argument} must be {accepted}, not {got}",
        "error.not_found": (
            'no such file'
        ),
        "error.permission": (
            'permission denied'
        ),
        "error.os": (
            'cannot read: {reason}'
        ),
        "error.docx_no_text": "the document has no body text",
        "error.html_no_text": "the page has no body text",
        "error.no_text": (
            'no body text found'
        ),
        "error.foreign": (
            'this is a {kind} file, not a report (supported: txt, html, docx, pdf, doc)'
        ),
        "error.format": (
            'unsupported format {fmt!r} (supported: {supported})'
        ),
        "error.decode": (
            'cannot decode as {encoding} (at byte {pos})'
        ),
        "error.binary": (
            'not a text file (NUL bytes and no UTF-16 BOM)'
        ),
        "error.encoding": (
            'unknown encoding: neither UTF-8 nor GB18030/GBK'
        ),
        "error.big5": (
            'looks like Big5 (traditional Chinese), but cannot be decoded as Big5 from byte {pos}; '
            'save it as UTF-8 and try again (e.g. iconv -f BIG5-HKSCS -t UTF-8 old.txt > new.txt)'
        ),
        "error.control_chars": (
            'decoded as {encoding} it has {count} control or replacement characters: binary or wrong encoding'
        ),
        "error.mojibake": (
            "decoded as {encoding} it looks garbled (many accented Latin letters): check the file's encoding"
        ),
        "error.docx_is_doc": (
            'this is a legacy Word (.doc) or encrypted document, not .docx: save it as .docx'
        ),
        "error.docx_not_zip": (
            'not a valid .docx (not a ZIP package)'
        ),
        "error.docx_is_excel": (
            'this is an Excel workbook, not a Word document'
        ),
        "error.docx_is_powerpoint": (
            'this is a PowerPoint presentation, not a Word document'
        ),
        "error.docx_is_odt": (
            'this is an OpenDocument (.odt) file: save it as .docx'
        ),
        "error.docx_no_document": (
            'the ZIP package has no word/document.xml: not a .docx'
        ),
        "error.zip_bomb": (
            '.docx too large when unpacked (zip bomb or damaged): '
            'over the limit {name}={limit:,} (this file: {value:,})'
        ),
        "error.docx_macro": (
            'this is a macro-enabled Word document or a template: save it as .docx'
        ),
        "error.docx_doctype": (
            '{part} of the .docx declares a DOCTYPE/entities (XXE or XML bomb): refused'
        ),
        "error.docx_bad_zip": (
            'not a valid .docx (damaged ZIP package)'
        ),
        "error.docx_unreadable": (
            'cannot read the .docx ({reason}); the file may be damaged'
        ),
        "error.docx_too_deep": (
            "the document's structure is nested too deeply to read"
        ),
        "error.html_too_deep": (
            "the page's tags are nested too deeply to parse safely: "
            "over the limit {name}={limit:,} (this file: {value:,})"
        ),
        "error.soffice_start": (
            'cannot start LibreOffice ({reason})'
        ),
        "error.soffice_timeout": (
            'LibreOffice timed out ({seconds} s); the file may be damaged'
        ),
        "error.soffice_failed": (
            'LibreOffice cannot convert the file; it may be damaged or encrypted{detail}'
        ),
        "error.no_converter": (
            'legacy .doc/.wps must be converted first: save as .docx in WPS/Word, or '
            'install LibreOffice and retry (soffice --headless --convert-to docx FILE)'
        ),
        "error.pdf_encrypted": (
            'the PDF is encrypted (a password is needed): give an unencrypted file'
        ),
        "error.pdf_security": (
            'the PDF uses an unsupported encryption: give an unencrypted file'
        ),
        "error.pdf_corrupt": (
            'the PDF is damaged or not a PDF'
        ),
        "error.pdf_no_pages": (
            'the PDF has no pages'
        ),
        "error.pdf_page_corrupt": (
            'a PDF page is damaged; its text cannot be read'
        ),
        "error.pdf_no_text": (
            'the PDF has no text layer (a scan?): run OCR first'
        ),
        "level.province": "province",
        "level.city": "city",
        "level.county": "county",
        "level.township": "township",
        "level.department": "department",
        "html.title": "Rule-of-law government annual report audit",
        "html.back": "Back to the overview",
        "html.footer": "Generated by {tool} · standard {standard}",
        "html.score": "Score",
        "html.score_note": (
            "Weighted: met counts 1, partial 0.5, missing 0; "
            "not applicable, waived and weight-0 requirements are left out."
        ),
        "html.filter_to": "Show only “{status}” requirements",
        "html.statutory": "Statutory parts",
        "html.statutory_basis": "What the 2019 supervision rules require an annual report to contain",
        "html.unscored": "not scored",
        "html.n_requirements": "{n} in all",
        "html.filters": "Filter requirements",
        "html.status": "Status",
        "html.all": "All",
        "html.severity": "Severity",
        "html.group": "Group",
        "html.search": "Search",
        "html.search_placeholder": "requirement, quote, suggestion…",
        "html.shown": "{n} of {total} shown",
        "html.expand_all": "Expand all",
        "html.collapse_all": "Collapse all",
        "html.requirement": "Requirement",
        "html.weight": "Weight",
        "html.locate": "Text",
        'html.locate_title': "Show the evidence in the report's text",
        "html.n_quotes": "{n} quotes",
        "html.no_match": "No requirement matches the filters.",
        "html.until": "until {date}",
        "html.evidence_n": "Evidence ({n})",
        "html.show_all": "Show all {n}",
        "html.show_less": "Show fewer",
        "html.basis": "Basis",
        "html.n_findings": "{n} in all",
        "html.no_findings": "Nothing found.",
        "html.quality_note": "Quality notes never change a verdict or the score; they help when revising the report.",
        "html.coverage_findings": "Requirements missing or partly met",
        'html.document': "The report's text",
        "html.n_chars": "{n} characters",
        "html.legend_evidence": "evidence",
        "html.legend_quality": "quality note",
        "html.legend_click": "Click a highlight to go to its requirement.",
        "html.refs_menu": "This passage supports:",
        "html.removed": "{n} lines of website clutter removed ({reasons}); click to show",
        "html.no_text": (
            "This page has no report text: the result was saved without it. Run checklist audit FILE --format html, "
            "or save with --format json --keep-text and use checklist render, to see the text with the evidence "
            "highlighted."
        ),
        "html.group_quality": "Writing quality",
        "html.category_coverage": "coverage",
        "html.category_quality": "quality",
        "html.addressee": "Addressee",
        "html.profile": "Profile",
        "html.standard_value": "{title} ({id} {version})",
        "html.tool": "Tool",
        "html.overview_title": "Rule-of-law government annual reports: overview",
        "html.n_reports": "{n} reports",
        "html.mean_score": "Mean score",
        "html.col_issuer": "Issuer",
        "html.col_level": "Level",
        "html.col_year": "Year",
        "html.col_score": "Score",
        "html.col_counts": "met / partial / missing",
        "html.col_copied": "copied",
        "html.col_copied_title": "share of sentences shared with other issuers' reports",
        "html.col_standard": "Standard",
        "html.col_standard_title": "The standard the report was audited under (chosen by the issuer's level, or given)",
        "html.all_standards": "All standards",
        "html.sort_hint": "click a column heading to sort",
        "html.all_levels": "All levels",
        "html.all_years": "All years",
        "html.overview_search": "Search issuer or file name",
        "html.legend": "Legend",
        "html.no_reports": "No report matches the filters.",
        "html.footer_overview": "Generated by {tool} · click an issuer for its audit",
        "html.shown_reports": "{n} of {total} shown",
        "html.show_more_reports": "Show {n} more",
        "html.more_reports": "({n} more not shown)",
        "removed.page_metadata": "page metadata",
        "removed.navigation": "site navigation or footer",
        "removed.page_number": "page number",
        "removed.address": "web address or a sharing site's watermark",
        "removed.before_body": "page fragment before the text",
        "removed.after_body": "page fragment after the text",
        "removed.page_title": "page title (repeats the report's title)",
        "removed.site_header": "the website's name (who runs the site, not who wrote the report)",
        "removed.related_list": "list of related articles after the text",
        "removed.file_name": "file name",
        "web.title": "Self-check of a rule-of-law government annual report",
        "web.other_lang": "中文",
        "web.lead": "Upload a draft or paste its text and see what is missing before it goes up.",
        "web.privacy": (
            "The file is processed on this computer only: cleared from "
            "memory after the check, never stored or sent elsewhere."
        ),
        "web.file": "Choose the report file",
        "web.drop": "Drop the file here, or click to choose",
        "web.kinds": ".docx, .pdf, .txt, .html (.doc, .wps, .rtf need LibreOffice on this computer), up to {max_mb} MB",
        "web.chosen": "Chosen: ",
        "web.clear": "Clear",
        "web.or": "or",
        "web.paste": "Paste the report's text",
        "web.paste_hint": "The whole report, from the title to the date",
        "web.profile": "Standard",
        "web.profile_auto": "Automatic (by the issuer's level)",
        "web.profile.national": "Local governments at county level and above; general",
        "web.profile.township": "Townships and sub-districts (乡镇、街道)",
        "web.profile.department": "Government departments",
        "web.check": "Check",
        "web.checking": "Checking…",
        "web.done": "Checked ({ms} ms)",
        "web.score": "Score",
        "web.counts": "{met} met · {partial} partly met · {missing} missing",
        "web.missing_title": "What is missing",
        "web.partial_title": "What needs more",
        "web.nothing_missing": "Nothing required is missing.",
        "web.download_html": "Download the audit (HTML)",
        "web.download_json": "Download the result (JSON)",
        "web.download_docx": "Download Word with comments",
        "web.again": "Check another",
        "web.report_frame": "Audit report",
        "web.failed": "The check did not complete",
        "web.network": "Cannot reach the local check service (has it been stopped?)",
        "web.footer": "checklist {version} · runs on this computer only · API: POST /api/audit, GET /api/standards",
        "web.upload": "uploaded file",
        "web.pasted": "pasted text",
        "web.unsupported_type": (
            "{name}: unsupported file type {suffix} (supported: .docx, .pdf, .txt, .html, .doc, .wps, .rtf)"
        ),
        "web.unsupported_media": (
            "unsupported request type {type}: upload a file "
            "as multipart/form-data or send a text field"
        ),
        "web.too_large": "the upload is too large: over the limit of {limit} MB",
        "web.bad_json": "the request body is not a JSON object",
        "web.bad_lang": "unsupported language {value} (choose: {allowed})",
        "web.bad_standard": "no standard {value} (choose: {allowed})",
        "web.bad_format": "unsupported result format {value} (choose: {allowed})",
        "web.bad_file": "the file field must be an uploaded file",
        "web.bad_text": "the text field must be text",
        "web.both": "send one report: a file or pasted text, not both",
        "web.nothing": "choose a report file or paste the report's text",
        "web.bad_form": "cannot parse the uploaded form: {detail}",
        "web.bad_host": "this service answers only requests addressed to this computer (Host was {host})",
        "web.internal": "internal error (please report it to the maintainers): {path}: {kind}: {detail}",
        "web.foreign_origin": "refused: sent by a page of another site ({origin})",
        "web.not_found": "no such address: {path}",
        "web.bad_method": "this address does not take that method: {path}",
        "web.http": "request failed (HTTP {status}): {path}",
        "web.auto_note": (
            "standard auto (the default) chooses by the issuer's level: township for "
            "乡镇（街道）, department for government departments, national otherwise"
        ),
        "cli.cannot_write": "cannot write {path}: {reason}",
        "cli.cannot_mkdir": "cannot create the folder {path}: {reason}",
        "cli.html_needs_output": (
            "HTML for several reports needs -o: the overview page (e.g. -o out/index.html) or a folder (e.g. -o out/)"
        ),
        "cli.removed": "{count} lines of web page clutter ({reasons})",
        "cli.list_sep": ", ",
        "cli.reason_sep": "; ",
        "cli.check_reasons": ": {reasons}",
        "cli.standards_row": "{id:12} {version:8} {count:3} requirements  {title}{extends}",
        "cli.extends": " extends {base}",
        "cli.basis": "  basis: {basis}",
        "cli.not_applicable": "  [not applicable]",
        "cli.conditional": "  [conditional]",
        "cli.valid": "{file}: valid ({id} {version}, {count} requirements)",
        "cli.unknown_formats": "unknown output format {unknown} (available: {known})",
        "cli.progress": "Auditing",
        "cli.result_not_json": "not JSON or JSON Lines: line {line}, column {column}",
        "cli.result_not_audit": "the result is not the JSON of checklist audit",
        "cli.result_n_not_audit": "result {n} is not the JSON of checklist audit",
        "cli.result_schema": "the result has schema_version {found}; this version reads only {supported}",
        "cli.result_n_schema": "result {n} has schema_version {found}; this version reads only {supported}",
        "cli.result_invalid": "the result is malformed: {loc}: {detail}",
        "cli.result_n_invalid": "result {n} is malformed: {loc}: {detail}",
        "cli.no_results": "no audit results",
        "example.wrong_status": "{standard} {requirement} example {n}: expected {expected}, got {got}",
        "example.note": " ({note})",
        "serve.listening": "Self-check page: {url}",
        "serve.local_only": "Only this computer can connect ({host}). Press Ctrl+C to stop.",
        "serve.public": (
            "Warning: listening on {host}; other computers on the network "
            "can open this page and upload files. Press Ctrl+C to stop."
        ),
        "serve.needs_extra": "checklist serve needs the web extra: pip install 'checklist[web]' (missing {module})",
        "serve.port_busy": "cannot listen on {host}:{port}: {reason}",
        "serve.stopped": "Self-check page stopped.",
        "standard.not_found": "the standard file does not exist",
        "standard.unreadable": "cannot read the standard file: {reason}",
        "standard.yaml_syntax": "YAML syntax error: {problem}",
        "standard.duplicate_key": "duplicate key {name}",
        "standard.not_mapping": "the top level of a standard file must be a mapping (id, version, requirements …)",
        "standard.unknown": "no standard named {ref} (shipped: {known})",
        "standard.extends_cycle": "extends forms a cycle: {chain}",
        "standard.extends_failed": "extends {ref} cannot be loaded: {reason}",
        "standard.duplicate_requirement": (
            "duplicate requirement id {id} (change an inherited requirement under overrides)"
        ),
        "standard.override_unknown": "overrides names a requirement that does not exist: {id}",
        "standard.group_undefined": "group {group} of requirement {id} is not defined under groups",
        "standard.empty": "the standard has no requirements",
        "standard.unknown_quality": "unknown quality check {code} (available: {known})",
        "standard.cross_weight": (
            "the cross-report quality check {code} cannot count in the score (weight must be 0): "
            "a report's score must not depend on which other reports are in the batch"
        ),
        "standard.unscorable": (
            "the standard has no scored requirement for this report (all not applicable or of weight 0): "
            "no score can be given"
        ),
        "standard.unknown_scope": "unknown scope {name} (available: {scopes})",
        "standard.matcher_shape": "a rule must be a mapping with exactly one matcher kind (kinds: {kinds})",
        "standard.matcher_unknown": "unknown matcher kind {kind} (kinds: {kinds})",
        "standard.matcher_empty": "{kind} needs a non-empty list of rules",
        "standard.matcher_invalid": "{kind}: {detail}",
        "standard.as_given": "{text}",
        "standard.one_of": "must be one of {expected}",
        "standard.at_least": "must be at least {limit}",
        "standard.invalid.extra_forbidden": "unknown key",
        "standard.invalid.missing": "required key missing",
        "standard.invalid.float_parsing": "must be a number",
        "standard.invalid.float_type": "must be a number",
        "standard.invalid.int_parsing": "must be an integer",
        "standard.invalid.int_type": "must be an integer",
        "standard.invalid.string_type": "must be text",
        "standard.invalid.bool_parsing": "must be true or false",
        "standard.invalid.bool_type": "must be true or false",
        "standard.invalid.list_type": "must be a list",
        "standard.invalid.dict_type": "must be a mapping (key: value)",
        "standard.invalid.model_type": "must be a mapping (key: value)",
        "standard.invalid.string_pattern_mismatch": (
            "wrong format (an id is lower-case letters, dots and underscores, like core.measures)"
        ),
        "standard.invalid.too_short": "must not be empty",
        "standard.invalid.date_from_datetime_parsing": "must be a date (like 2026-12-31)",
        "standard.invalid.date_parsing": "must be a date (like 2026-12-31)",
        "waiver.not_found": "the waiver file does not exist",
        "waiver.unreadable": "cannot read the waiver file: {reason}",
        "waiver.not_list": "a waiver file must be a list (each entry with requirement, report, reason, expires)",
        "waiver.invalid_entry": "entry {n}: {detail}",
    },
}

LANGS = tuple(CATALOG)


def check_lang(lang: object, argument: str = "lang") -> str:
    """``lang`` if it is a language of the catalogue; else a :class:`ValueError` naming the
    argument and the accepted values (said in Chinese: the language asked for is unknown)."""
    if isinstance(lang, str) and lang in CATALOG:
        return lang
    raise ValueError(t("api.bad_value", "zh", argument=argument, accepted=", ".join(LANGS), value=lang))


def t(key: str, lang: str = "zh", **args: Any) -> str:
    """The message ``key`` in ``lang`` with ``args`` filled in."""
    table = CATALOG.get(lang, CATALOG["zh"])
    template = table.get(key) or CATALOG["zh"][key]
    return template.format(**args) if args else template
