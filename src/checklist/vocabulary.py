"""The words the reading stages recognise, kept once, as data.

Ingest (the readers, the clutter filter, the run-on splitter) and structure (the
outline, the header and signature, the metadata) must agree on what a page field, a
title, a body name or a heading number looks like; when each kept its own list, the
lists drifted (an HTML page's ``印发日期`` went unrecognised while a text file's was read).
So every such word list lives here, as tuples that the modules compile into regular
expressions with :func:`alternation`. A report written in words nobody met before
needs a word added to a table here, not a regex changed elsewhere.

Order matters only where a comment says so. This module imports nothing from the
package: it is at the bottom of the layers, next to :mod:`checklist.document`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """``words`` as a regex alternation (escaped, in the given order), without a group."""
    return "|".join(re.escape(w) for w in words)


# ---------------------------------------------------------------------------
# page fields (政府信息公开 pages: the information grid above the document)

# The fields whose value stands in for what the document does not say, each group in
# order of preference (the first field present wins).
ISSUER_FIELDS = ("发布机构", "发文机关", "发文单位", "发布单位", "发布机关")  # who issued it
DATE_FIELDS = ("成文日期", "成文时间", "印发日期")  # the document's own date (成文日期)
_PUBLISHED_NAMED = ("发布日期", "发布时间", "发文时间", "发文日期", "公开日期", "公开时间")
# Field names too common to mark a line on their own (时间, 日期 …): a line is page
# metadata by one of these only when a date or time follows (日期:2023年05月11日,
# 更新时间:2021/03/29 11:30). They say when the page went up, after the named fields.
PAGE_DATE_FIELDS = ("更新时间", "发表时间", "发布于", "时间", "日期")
PUBLISHED_FIELDS = (*_PUBLISHED_NAMED, *PAGE_DATE_FIELDS)  # when the page went up (发布日期)
TITLE_FIELD = "标题"  # the page's title; also what a repeated page title is filed under
STAMP_FIELD = "日期"  # what a bare date-and-time line above the document is filed under

# Every field name a page-metadata line or grid cell may carry. A line (text) or a
# grid cell (HTML) that starts with one of these is page information, not report text.
PAGE_FIELDS = (
    *ISSUER_FIELDS,
    *_PUBLISHED_NAMED,
    *DATE_FIELDS,
    TITLE_FIELD,
    "索引号",
    "信息索引号",
    "信息名称",  # the grid's name of the document: the title line below it is the report's
    "文件名称",
    "文章标题",
    "信息标题",
    "生成日期",
    "生效日期",
    "废止日期",
    "文号",
    "发文字号",
    "名称",
    "主题分类",
    "主题词",
    "关键词",
    "体裁分类",
    "组配分类",
    "信息分类",
    "信息类别",
    "内容分类",
    "服务对象",
    "服务对象分类",
    "文种",
    "公开方式",
    "公开范围",
    "公开时限",
    "公开形式",
    "有效性",
    "效力状态",
    "信息来源",
    "来源",
    "所属机构",
    "公开责任部门",
    "责任部门",
    "浏览次数",
    "访问量",
    "点击数",
    "阅读量",
    "作者",
    "责任编辑",
    "编辑",
    "文章来源",
    "分类",
    "公文种类",
    "点击",
    "点击率",
    "点击量",
    "浏览量",
)

# ---------------------------------------------------------------------------
# the website around a pasted report

# Menu items and column names of government portals. A line made of such words (首页
# 政务公开 政务服务 互动交流) is the site's menu; one of them alone above the title is
# the column the report was filed in.
NAVIGATION_WORDS = (
    "首页",
    "网站首页",
    "政务公开",
    "政府信息公开",
    "信息公开",
    "政务服务",
    "办事服务",
    "网上办事",
    "互动交流",
    "政民互动",
    "公众参与",
    "新闻中心",
    "新闻动态",
    "要闻动态",
    "政务动态",
    "工作动态",
    "数据开放",
    "专题专栏",
    "网站专栏",
    "基层政务公开",
    "法定主动公开内容",
    "通知公告",
    "政策文件",
    "政策解读",
    "规章库",
    "法规文件",
    "工作报告",
    "网站公告",
)
# Portal links in a menu line end so (中国政府网, 某某市人民政府网).
NAVIGATION_SUFFIXES = ("政府网", "网站", "门户", "网")
# A line that starts the page's list of other articles after the text: what follows
# it are other reports' titles, not this report's signature.
RELATED_LIST_MARKERS = (
    "相关阅读",
    "相关文章",
    "相关链接",
    "相关新闻",
    "相关信息",
    "相关推荐",
    "推荐阅读",
    "延伸阅读",
    "猜你喜欢",
    "热点推荐",
    "热门文章",
    "热门推荐",
    "其他文章",
)

# ---------------------------------------------------------------------------
# titles

# A title names a kind of report …
TITLE_KINDS = ("报告", "年报", "情况", "总结", "汇报")
# … about rule of law (法治政府建设, 依法行政, 依法治县 …).
TITLE_TOPICS = ("法治", "法制", "依法行政", "依法治")
# A line that opens so cites a document (按照《关于做好…报告工作的通知》): it is no title.
CITING_OPENERS = ("按照", "根据", "依据", "遵照", "对照", "为贯彻", "为落实")

# ---------------------------------------------------------------------------
# heading numbers (outline markers), by rank: regex sources of the marker itself

CN_DIGITS = "一二三四五六七八九十"
HEADING_MARKERS: tuple[tuple[int, str], ...] = (
    (0, rf"第[{CN_DIGITS}]+部分"),  # 第一部分: above 一、, which numbers the sections inside a part
    (1, rf"[{CN_DIGITS}百]+(?:、|\.(?!\d))"),  # 一、 一.
    (2, rf"\(?[{CN_DIGITS}]+\)"),  # (一), and 一) with its opening bracket lost
    (3, r"\d{1,2}(?:[、](?!\d)|\.(?![\d.]))"),  # 1. 1、 (not 1.5, not 2023.)
    (4, r"\(\d{1,2}\)"),  # (1)
    (5, r"[①-⑳❶-❿➀-➉]"),  # ① ❶ ➀
)

# ---------------------------------------------------------------------------
# body names (机关): what the issuer of a report is called

# How the name of a body ends: a line made only of such names is a header or a
# signature (中共某区委 某区人民政府).
BODY_SUFFIXES = (
    "人民政府",
    "政府",
    "委员会",
    "党委",
    "党组",
    "党工委",
    "工委",
    "区委",
    "县委",
    "市委",
    "省委",
    "州委",
    "旗委",
    "盟委",
    "办事处",
    "办公室",
    "管委会",
    "管理委员会",
    "局",
    "厅",
    "委",
    "办",
    "署",
    "中心",
    "院",
    "所",
    "总队",  # police, fire and enforcement units (交通警察支队, 综合行政执法大队)
    "支队",
    "大队",
    "中队",
    "街道",
    "镇",
    "乡",
    "公司",
)
# The party committee or government of a place: the level is the place's
# (某某县人民政府 → county), unless a 委 follows no place (教育委员会: a department).
PARTY_OR_GOVERNMENT_SUFFIXES = ("人民政府", "政府", "街道办事处", "办事处", "党工委", "工委", "党委", "委员会", "委")
# A department of a government (司法局, 教育厅, 政府办公室 …).
DEPARTMENT_SUFFIXES = ("局", "厅", "部", "办公室", "办", "中心", "院", "所", "署", "站", "队", "管委会", "管理委员会")
# A zone (开发区, 高新区 …) has a 管委会 that governs it like a county; the 管委会 of
# anything else (城市管理委员会) is a department.
ZONE_SUFFIXES = (
    "开发区",
    "高新区",
    "新区",
    "园区",
    "示范区",
    "试验区",
    "合作区",
    "保税区",
    "自贸区",
    "工业园",
    "产业园",
)
ZONE_BODY_SUFFIXES = ("管委会", "管理委员会")
# A national ministry (司法部, 应急管理部) names itself as a body too.
MINISTRY_SUFFIXES = ("部",)
# The last character of a place name before 委/委员会 (某某县委员会 is the county's
# committee, 教育委员会 a department).
PLACE_TAIL_CHARS = "省市区县州旗盟镇乡"
# Municipalities directly under the central government are provinces.
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
# A place's level from how its name ends. Checked in this order: 街道 before 区 …
PLACE_LEVELS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("township", ("街道", "镇", "乡", "苏木", "街")),  # 街: a 街道 in short (某某街)
    ("province", ("省", "自治区")),
    ("county", ("区", "县", "旗")),
    ("city", ("市", "州", "盟", "地区")),
)
# A bare place name (某某区) opening a title names the reporting government.
PLACE_NAME_SUFFIXES = ("省", "自治区", "市", "区", "县", "旗", "州", "盟", "镇", "乡", "街道", "街", "苏木")
# "The whole / our / this" place (全区, 我县, 本市 …) is no name.
NOT_A_NAME = ("全", "我", "本", "各", "该", "此")
# … nor a programme named after a place level (依法治县, 依法治区).
NOT_A_BODY = ("依法治",)

# ---------------------------------------------------------------------------
# the opening sentence (2023年，在区委的领导下，某某街道办事处坚持…)

# How the body named as the sentence's subject ends. Order matters: the shortest name
# is tried first, and at one length the first suffix that fits wins.
SUBJECT_SUFFIXES = (
    "街道办事处",
    "办事处",
    "人民政府",
    "政府",
    "街道",
    "镇",
    "乡",
    "苏木",
    "区",
    "县",
    "旗",
    "市",
    "局",
    "委员会",
    "管委会",
    "部",
    "厅",
    "委",
    "省",
    "自治区",
    "州",
)
# "We" as the subject (我局坚持…, 本镇…) names no body but says which kind it is: the level
# of the report. Longest first.
SELF_REFERENCES: tuple[tuple[str, str], ...] = (
    ("街道", "township"),
    ("镇", "township"),
    ("乡", "township"),
    ("区", "county"),
    ("县", "county"),
    ("旗", "county"),
    ("市", "city"),
    ("州", "city"),
    ("盟", "city"),
    ("省", "province"),
    ("局", "department"),
    ("厅", "department"),
    ("委", "department"),
    ("办", "department"),
)
SELF_WORDS = ("我", "本")
# … and may be followed, besides the account's verbs, by who in it acts (我市各级行政机关,
# 我县上下, 我局党组).
SELF_FOLLOWERS = ("各级", "上下", "全体", "广大", "党委", "党组", "党工委")
# A subject is no name when it is only a level and a kind of body (县委, 市政府, 镇党委,
# 自治区) or a word that merely ends like a body (广大干部, 政务服务大厅, 全局).
GENERIC_BODY_HEADS = ("", "党", "党工", "人民", "自治", "街道", "街道党工", "地", "政")
NOT_BODY_ENDINGS = ("干部", "内部", "局部", "全部", "支部", "大厅", "格局", "大局", "全局", "当局")
# A setting clause may go on in the next clause (根据…纲要, 以及市、区的具体部署, 2023年，…).
SETTING_CONTINUATIONS = ("以及", "及", "和", "并")
# The sentence that says what is reported (现将市人社局2021年法治政府建设情况报告如下): the
# words it opens with, and a word it must contain further on.
REPORT_STATEMENT_OPENERS = ("现将", "特将", "现就", "现把")
REPORT_STATEMENT_WORDS = ("报告", "汇报")
# The sentence that lays out the report's parts (本报告包括工作开展情况、存在的不足…四个部分):
# its subject, a verb of dividing, and what the parts are called. Like the sentence above
# it names parts (存在不足, 下一步安排) without stating any of them (structure.sections).
OUTLINE_STATEMENT_SUBJECTS = ("本报告", "报告")
OUTLINE_STATEMENT_VERBS = ("主要包括", "包括", "包含", "分为", "共分", "由")
OUTLINE_STATEMENT_PARTS = ("部分", "方面", "板块")
# What follows the subject: the verbs that open the account of the year …
ACCOUNT_OPENERS = (
    "坚持",
    "以",
    "认真",
    "深入",
    "始终",
    "全面",
    "紧紧",
    "紧扣",
    "围绕",
    "按照",
    "聚焦",
    "在",
    "切实",
    "持续",
    "积极",
    "着力",
    "不断",
    "高度",
    "扎实",
    "结合",
    "立足",
    "严格",
    # … or the body's own work (某某乡法治政府建设工作在…领导下)
    "法治政府建设",
    "法治建设",
)
# Clauses before the subject that say when (besides 2023年, 2023年度, 2023年以来 …).
TIME_PHRASES = ("今年以来", "近年来", "一年来", "过去的一年", "过去一年", "本年度")
# Clauses before the subject that set the scene: 按照…部署, 根据…要求 (and 在…领导下).
SETTING_OPENERS = ("按照", "根据", "依据", "遵照", "对照", "围绕", "紧扣")

# ---------------------------------------------------------------------------
# file names

# How the name of a report file ends, and the reader that takes it when its content
# does not say (magic bytes win).
REPORT_SUFFIXES = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".xhtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
    ".doc": "doc",
    ".wps": "doc",
    ".rtf": "doc",
}
# What a folder scan picks up: not .md or .text, which beside the reports are notes (README.md).
SCANNED_SUFFIXES = tuple(s for s in REPORT_SUFFIXES if s not in (".md", ".text"))

# ---------------------------------------------------------------------------
# genre formulas: what every annual report writes (crossreport.formulas)
#
# Two reports that share a sentence made only of these words share the genre, not a
# copy: the headings of the five parts the 督察工作规定 (第二十五条) prescribes, the
# sentence that says what is reported (现将…报告如下, from REPORT_STATEMENT_* above),
# the names of the 三项制度, the first-responsible duty, the aims of the 纲要 and the verbs
# every report uses. Whether a sentence is a formula must not depend on how many reports
# of a batch share it, so it is decided from these tables alone. Longest first is not
# needed: the module sorts them.

# The words of the five statutory parts' headings (上一年度推进法治政府建设的主要举措和成效;
# …党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况; …存在的不足和
# 原因; 下一年度…的主要安排; 其他需要报告的情况) and of their usual variants.
STATUTORY_PART_WORDS = (
    "推进法治政府建设",
    "法治政府建设",
    "法治政府部门建设",
    "推进法治建设",
    "法治建设",
    "法治政府",
    "主要举措",
    "主要做法",
    "举措",
    "做法",
    "成效",
    "成果",
    "进展",
    "党政主要负责人",
    "主要负责人",
    "主要负责同志",
    "主要领导",
    "负责人",
    "第一责任人职责",
    "第一责任人",
    "第一责任",
    "职责",
    "履职",
    "有关情况",
    "相关情况",
    "基本情况",
    "开展情况",
    "情况",
    "存在的不足和原因",
    "存在的问题",
    "存在问题",
    "不足",
    "原因",
    "差距",
    "短板",
    "问题",
    "主要安排",
    "工作安排",
    "工作打算",
    "工作计划",
    "工作思路",
    "工作要点",
    "安排",
    "打算",
    "思路",
    "下一步",
    "下步",
    "其他需要报告的情况",
    "需要报告",
    "其他",
)
# The first-responsible duty as the 党政主要负责人履行推进法治建设第一责任人职责规定 words it
# (重要组织者、推动者和实践者; 重要工作亲自部署、重大问题亲自过问 …), and who bears it.
FIRST_RESPONSIBLE_WORDS = (
    "重要组织者",
    "组织者",
    "推动者",
    "实践者",
    "亲自部署",
    "亲自过问",
    "亲自协调",
    "亲自督办",
    "重要工作",
    "重大问题",
    "重点环节",
    "重要任务",
    "法治化轨道",
    "轨道",
    "纳入",
    "科学立法",
    "严格执法",
    "公正司法",
    "全民守法",
    "深化改革",
    "推动发展",
    "化解矛盾",
    "维护稳定",
    "书记",
    "省长",
    "市长",
    "区长",
    "县长",
    "镇长",
    "乡长",
    "主任",
    "主席",
    "局长",
    "厅长",
    "部长",
)
# The three enforcement systems (行政执法三项制度) and their parts.
THREE_SYSTEMS_WORDS = (
    "行政执法三项制度",
    "三项制度",
    "行政执法公示",
    "执法公示",
    "执法全过程记录",
    "全过程记录",
    "重大行政执法决定法制审核",
    "重大执法决定法制审核",
    "法制审核",
    "法治审核",
)
# The aims and objects the 纲要 (2015–2020, 2021–2025) names, which every report repeats.
GENRE_TERMS = (
    "依法全面履行政府职能",
    "政府职能",
    "依法行政",
    "制度体系",
    "工作体系",
    "监督体系",
    "体系",
    "重大行政决策",
    "行政决策",
    "决策",
    "科学化",
    "民主化",
    "法治化",
    "规范化",
    "标准化",
    "信息化",
    "严格规范公正文明执法",
    "行政执法",
    "执法",
    "规范性文件",
    "行政复议",
    "行政应诉",
    "行政诉讼",
    "法律顾问",
    "公职律师",
    "法治宣传教育",
    "法治宣传",
    "普法",
    "法治思维",
    "法治方式",
    "法治意识",
    "行政权力",
    "制约和监督",
    "制约",
    "监督",
    "社会矛盾纠纷",
    "矛盾纠纷",
    "化解",
    "突发事件应对",
    "政务公开",
    "政务服务",
    "放管服",
    "营商环境",
    "党的领导",
    "组织领导",
    "领导",
    "干部",
    "群众",
    "依法治",
    "法治",
    "法律",
    "法规",
    "政府",
    "行政",
    "制度",
    "机制",
    "能力",
    "水平",
    "质量",
)
# The verbs, adverbs and small words every sentence of the genre is made of.
GENRE_VERBS = (
    "全面",
    "深入",
    "切实",
    "认真",
    "扎实",
    "进一步",
    "不断",
    "持续",
    "积极",
    "着力",
    "大力",
    "严格",
    "坚持",
    "落实",
    "推进",
    "推行",
    "推动",
    "加强",
    "强化",
    "健全",
    "完善",
    "建立",
    "提升",
    "提高",
    "开展",
    "履行",
    "贯彻",
    "执行",
    "实施",
    "规范",
    "做好",
    "确保",
    "加快",
    "深化",
    "狠抓",
    "抓好",
    "工作",
    "建设",
    "主要",
    "重大",
    "各项",
    "相关",
    "有关",
    "全体",
    "各级",
    "部门",
    "单位",
    "的",
    "和",
    "及",
    "与",
    "等",
    "了",
    "为",
    "在",
    "于",
    "对",
    "将",
    "把",
    "并",
    "是",
    "有",
)
# Time words: a year is never what makes a sentence a report's own.
GENRE_TIME_WORDS = (
    "上一年度",
    "下一年度",
    "上年度",
    "本年度",
    "年度",
    "上一年",
    "下一年",
    "今年以来",
    "一年来",
    "今年",
    "明年",
    "去年",
    "上年",
    "全年",
    "年",
)

# ---------------------------------------------------------------------------
# numbers in running text

# What follows a number in a report (2019年, 6次, 40余条, 2名): a space that PDF extraction
# puts between such a number and the Chinese around it (关于 2019 年度, 领学 6 次) is
# dropped by normalisation; a number followed by anything else (a page field's value
# before the next field name) keeps its spaces.
NUMBER_UNITS = "年月日时次个件人名项家户元万亿千百余多条份批场期所起篇本台套处座位天号届季度类部支门种级倍周岁轮"

# ---------------------------------------------------------------------------
# traditional characters (繁体字)

# Traditional forms frequent in any report of the genre whose simplified form differs and
# which simplified text never writes (not 著, 乾, 於, 餘, 麼: simplified text uses those
# too). Counting them on a sample tells a text in traditional characters (a mirror site,
# a Big5 file) from a simplified one that quotes a few; see ingest/normalize.py.
TRADITIONAL_MARKERS = (
    "們這個來時為會說對發與後過現開動實關點經還機當從學種問間體長進無見業員義應頭東產樣將題"
    "議話聯總區縣鎮鄉務設職責規範條單級織組構權處據導黨習執監審訴調決戰歲資費農質報書環認識"
    "計劃項續節網電營衛醫療護險災辦幹勞準標濟積極廣慶邊遠達運輸車門離類廳隊際陸強屬財稅統"
)

# ---------------------------------------------------------------------------
# plan follow-through: which field of work a plan item and a work sentence are about
# (crossreport.followthrough)
#
# A plan item of last year is followed only by work on the same matter: a sentence of
# this year's work that names the same field, shares the item's own task words and
# reports a result. Each field is (name, broad words, task words). A broad word names the
# field only (执法, 普法): two texts sharing it are about the same field, not the same
# task. A task word names one piece of work in the field (执法记录仪, 宪法宣传周): it
# names the field and, shared, is the same task. Matched longest first, so 专项督察 is a
# task word though 督察 is a broad one. A plan naming no field (狠抓整改落实) cannot be
# checked; add the field's words here, never a pattern in the module.
FOLLOW_UP_FIELDS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "行政执法",
        (
            "综合行政执法",
            "行政执法",
            "综合执法",
            "执法人员",
            "执法队伍",
            "执法队员",
            "执法能力",
            "执法",
            "行政处罚",
            "行政检查",
            "行政许可",
            "行政强制",
            "处罚",
            "专项检查",
            "专项整治",
            "专项执法",
        ),
        (
            "执法记录仪",
            "全过程记录",
            "执法公示",
            "法制审核",
            "三项制度",
            "案卷评查",
            "执法证",
            "资格考试",
            "持证",
            "双随机",
            "执法监督",
            "执法事项",
            "包容审慎",
            "柔性执法",
            "执法协作",
            "联合执法",
            "免罚清单",
        ),
    ),
    ("行政复议", ("行政复议", "复议"), ("复议委员会", "繁简分流", "体制改革")),
    ("行政应诉", ("行政应诉", "应诉", "行政诉讼", "诉讼"), ("出庭应诉", "负责人出庭", "败诉")),
    ("法律顾问", ("法律顾问", "公职律师", "律师"), ("法律意见", "合同审查", "审查合同")),
    (
        "公共法律服务",
        ("公共法律服务", "法律服务", "法律援助"),
        ("法律服务中心", "法律服务站", "法律服务室", "法律服务工作室", "法律援助案件"),
    ),
    (
        "普法",
        ("普法", "法治宣传教育", "法治宣传", "法制宣传", "宣传教育", "法治教育", "法治文化", "宣传"),
        (
            "八五普法",
            "七五普法",
            "宪法宣传",
            "民法典",
            "以案释法",
            "谁执法谁普法",
            "法律明白人",
            "法治副校长",
            "法治文化阵地",
            "法治宣传栏",
            "法治长廊",
            "法治文化广场",
            "法治文化公园",
        ),
    ),
    (
        "学法",
        ("学法", "法治素养", "法律素养", "法治意识", "法治思维", "法治观念", "尊法学法守法用法"),
        (
            "会前学法",
            "习近平法治思想",
            "旁听庭审",
            "法治讲座",
            "法治专题讲座",
            "法治专题学习",
            "法律知识考试",
            "法律知识培训",
            "理论学习中心组",
        ),
    ),
    ("第一责任人", ("第一责任人", "主要负责人", "党政主要负责人"), ("述法", "述职述法", "专题研究")),
    ("合法性审查", ("合法性审查", "合法性审核", "规范性文件", "备案审查"), ("文件清理", "备案")),
    (
        "重大行政决策",
        ("重大行政决策", "重大决策", "行政决策", "决策"),
        ("决策事项目录", "事项目录", "公众参与", "专家论证", "风险评估", "听证", "后评估"),
    ),
    ("政务公开", ("政务公开", "信息公开", "政府信息"), ("依申请公开", "主动公开", "公开专区", "公开专栏")),
    (
        "政务服务",
        ("政务服务", "放管服", "营商环境", "审批"),
        ("一网通办", "一件事一次办", "证明事项", "权责清单", "证照分离", "最多跑一次", "网上可办"),
    ),
    (
        "矛盾纠纷",
        ("矛盾纠纷", "纠纷", "调解", "信访", "矛调"),
        ("枫桥经验", "人民调解", "调委会", "多元化解", "诉源治理", "访调对接"),
    ),
    ("基层法治", ("基层治理", "法治乡村", "民主法治"), ("村规民约", "居民公约", "民主法治示范", "示范村", "示范社区")),
    ("法治督察", ("督察", "督查", "考核"), ("专项督察", "法治督察", "述职", "纳入考核", "绩效考核")),
    ("数字政府", ("数字政府", "数字法治", "信息化", "智慧"), ("智慧执法", "执法平台", "一体化平台")),
    ("社会信用", ("社会信用", "信用", "诚信"), ("信用修复", "信用监管", "失信惩戒", "信用承诺")),
    (
        "行政监督",
        ("行政监督", "人大监督", "民主监督", "审计监督", "统计监督"),
        ("人大代表建议", "政协提案", "建议提案", "审计整改"),
    ),
)
# Words of every plan and every work sentence: shared, they say nothing about which task
# was done (加强, 推进, 领导干部), so they are no task wording of a plan item.
FOLLOW_UP_GENERIC = (
    "进一步",
    "加强",
    "推进",
    "推动",
    "提升",
    "提高",
    "开展",
    "工作",
    "建设",
    "法治",
    "政府",
    "全面",
    "深入",
    "深化",
    "持续",
    "不断",
    "切实",
    "完善",
    "健全",
    "落实",
    "依法",
    "水平",
    "能力",
    "机制",
    "制度",
    "积极",
    "认真",
    "有效",
    "进行",
    "年度",
    "今年",
    "明年",
    "全年",
    "重点",
    "方面",
    "情况",
    "做好",
    "抓好",
    "确保",
    "强化",
    "大力",
    "组织",
    "不够",
    "有待",
    "存在",
    "问题",
    "各类",
    "相关",
    "有关",
    "领导干部",
    "干部",
    "案件",
    "优化",
    "规范",
    "实施",
    "狠抓",
    "整改",
    "发挥",
    "作用",
    "力度",
    "质量",
    "效率",
    "体系",
    "坚持",
    "巩固",
    "成果",
    "扎实",
    "着力",
    "努力",
    "严格",
    "加快",
    "我镇",
    "本镇",
    "我街",
    "街道",
    "我区",
    "我县",
    "本局",
    "我局",
    "工作人员",
    "改革",
    "执行",
    "贯彻",
    "履行",
    "实行",
    "学习",
    "规划",
    "事项",
    "实现",
    "委员会",
    "会议",
    "符合条件",
    "领域",
    "部门",
    "单位",
    "人员",
    "机关",
    "行政",
    "群众",
    "全市",
    "全县",
    "全区",
    "全镇",
    "全乡",
    "各级",
    "各项",
    "重大",
    "重要",
    "主要",
    "村社区",
    "村居",
    "社区",
    "作为",
    "针对",
    "指导",
    "队伍",
    "力量",
    "市场主体",
    "法律法规",
    "法律",
    "参加",
    "参与",
    "通过",
    "方式",
    "管理",
    "经营",
    "复杂",
    "不少于",
    "充分",
    "服务",
    "的",
    "和",
    "等",
)
# Verbs that report a thing done in a work sentence (建成, 出台, 办理 …); a figure (12名)
# reports it too. A clause that is negated (尚未) or an intention (下一步将) reports nothing.
FOLLOW_UP_DEEDS = (
    "完成",
    "建成",
    "建立",
    "出台",
    "印发",
    "制定",
    "制发",
    "聘请",
    "配备",
    "举办",
    "召开",
    "开展",
    "组织",
    "实现",
    "办结",
    "办理",
    "修订",
    "清理",
    "废止",
    "上线",
    "设立",
    "成立",
    "编制",
    "公布",
    "公示",
    "发布",
    "审查",
    "审核",
    "挂牌",
    "受理",
    "培育",
    "创建",
    "获评",
    "签订",
    "投入使用",
    "纳入",
    "取得",
    "出具",
    "统一行使",
    "均经",
    "已经",
)
