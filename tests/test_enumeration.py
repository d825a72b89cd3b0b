"""Count words, 分别 and ordinals on the seeds: correct as printed, one finding per planted error."""
from __future__ import annotations

import pytest

from factlint.document import read_document
from factlint.extract import extract

from conftest import line_of, plant, seed, seed_findings, where

RULES = ["enumeration/count-items", "enumeration/respectively", "enumeration/ordinals"]


def _seed_text(prefix):
    return seed(prefix).read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_no_enumeration_finding_on_the_seeds(prefix):
    assert seed_findings(prefix, RULES) == []


def test_enumerations_recognised_on_the_seeds():
    terms = []
    for prefix in ["000", "001", "002", "003", "004"]:
        terms += [(e.found.term, e.count, len(e.items)) for e in extract(read_document(str(seed(prefix)))).enumerations]
    assert ("五型红会", 5, 5) in terms
    assert ("六项举措", 6, 6) in terms
    assert ("三联系", 3, 3) in terms
    assert ("五统一", 5, 5) in terms  # first item cut off by a comma, still counted
    assert ("一廊三区", 4, 4) in terms
    assert ("5个关键", 5, 5) in terms or ("5个关键方面", 5, 5) in terms
    # the first version's twenty, and one more that holds (市一中、市实验中学等5所学校)
    assert len(terms) == 21
    assert ("四有", 4, 4) in terms and ("五位一体", 5, 5) in terms and ("两癌", 2, 2) in terms
    assert not any(t[0] == "一校一策" for t in terms)


PLANTED = [
    # (seed, original, planted, rule, message)
    ("000", "事业创廉、制度固廉”六项举措", "事业创廉”六项举措", "enumeration/count-items", "“六项举措”应有 6 项，前面列出了 5 项"),
    ("000", "创新“五型红会”建设,在应急救援", "创新“六型红会”建设,在应急救援", "enumeration/count-items", "“六型红会”应有 6 项，前面列出了 5 项"),
    ("002", "(联系家长、联系老师、联系学生)", "(联系家长、联系老师)", "enumeration/count-items", "“三联系”应有 3 项，后面列出了 2 项"),
    ("002", "分别达86.90%、89.19%、92.18%", "分别达86.90%、89.19%", "enumeration/respectively", "“分别”前列了 3 项，后面给出 2 个数值"),
    ("004", "二是加强困难帮扶", "三是加强困难帮扶", "enumeration/ordinals", "序号从“一是”跳到“三是”，中间缺了"),
    ("004", "三是营造浓厚氛围", "二是营造浓厚氛围", "enumeration/ordinals", "序号“二是”重复"),
    ("004", "二是推进示范创建", "四是推进示范创建", "enumeration/ordinals", "序号从“一是”跳到“四是”，中间缺了"),
]


@pytest.mark.parametrize("prefix,original,planted,rule,message", PLANTED, ids=[p[2] for p in PLANTED])
def test_planted_error_gives_one_finding(tmp_path, prefix, original, planted, rule, message):
    findings, docs, f = plant(tmp_path, prefix, original, planted, RULES)
    assert [(x.rule, x.message) for x in findings] == [(rule, message)]
    assert where(docs, findings[0].location)[0] == line_of(f, planted)[0]


# ---------------------------------------------------------------- real text (../shared/corpus), issue 15
# Each sentence is published text; the planted twin changes one word. Every false alarm fixed is
# a `pass` here.

from factlint.rules import load_rules  # noqa: E402

from conftest import check  # noqa: E402

SECTIONS = (
    "一年来，我们主要做了以下六方面工作：\n"
    "（一）采取果断措施，集中力量抗击非典\n去年春天，我国遭遇了一场非典疫情重大灾害。\n"
    "（二）适时适度调控，促进经济平稳快速发展\n正确把握宏观调控的方向和力度。\n"
    "（三）注重统筹兼顾，加快社会事业发展\n各项社会事业加快发展。\n"
    "（四）关心群众生活，做好就业和社会保障工作\n就业再就业工作取得新进展。\n"
    "（五）推进体制创新，改革开放迈出重要步伐\n重点领域改革取得新进展。\n"
    "（六）加强法制建设，维护社会稳定\n民主法制建设继续加强。\n"
)
TEN = "".join(f"（{n}）坚持第{n}条经验。\n这条经验很重要。\n" for n in "一二三四五六七八九十")
TABLE = (
    "三、收到和处理政府信息公开申请情况\n"
    "一、本年新收政府信息公开申请数量\t21\t0\t0\t0\t0\t0\t21\n"
    "二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0\n"
    "（一）予以公开\t0\t0\t0\t0\t0\t0\t0\n"
    "（二）部分公开（区分处理的，只计这一情形，不\n4\t0\t0\t0\t0\t0\t4\n计其他情形）\n"
    "1.属于国家秘密\t1\t0\t0\t0\t0\t0\t1\n"
    "1.本机关不掌握相关政府信息\t10\t0\t0\t0\t0\t0\t10\n"
    "（四）无法提供\n"
    "2.没有现成信息需要另行制作\t3\t0\t0\t0\t0\t0\t3\n"
    "3.要求提供公开出版物\t0\t0\t0\t0\t0\t0\t0\n"
    "（五）不予处理\n"
    "4.无正当理由大量反复申请\t0\t0\t0\t0\t0\t0\t0\n"
    "（七）总计\t21\t0\t0\t0\t0\t0\t21\n"
    "四、结转下年度继续办理\t0\t0\t0\t0\t0\t0\t0\n"
    "四、政府信息公开行政复议、行政诉讼情况\n"
    "行政复议\t行政诉讼\n"
)

REAL = [
    # (id, rule, published text, planted text or None, message of the planted text's one finding)
    ("four-people", "enumeration/count-items",
     "与此同时，任志强、潘石屹、陈坤、刘春四位发起人分别向公益行动认捐1000双运动鞋。",
     "与此同时，任志强、潘石屹、陈坤、刘春五位发起人分别向公益行动认捐1000双运动鞋。",
     "“五位发起人”应有 5 项，前面列出了 4 项"),
    ("and-pairs", "enumeration/count-items",
     "充分发挥政策和研究、规划和计划、投资和项目、改革和创新、综合统筹和综合平衡五大职能作用，扎实推动各项工作取得积极成效。",
     "充分发挥政策和研究、规划和计划、投资和项目、改革和创新、综合统筹和综合平衡四大职能作用，扎实推动各项工作取得积极成效。",
     "“四大职能作用”应有 4 项，前面列出了 5～6 项"),
    ("heping-not-split", "enumeration/count-items",
     "实现推进现代化建设、完成祖国统一、维护世界和平与促进共同发展这三大历史任务。",
     "实现推进现代化建设、完成祖国统一、维护世界和平与促进共同发展这两大历史任务。",
     "“两大历史”应有 2 项，前面列出了 3～4 项"),
    ("compound-by-clauses", "enumeration/count-items",
     "八大类消费品价格呈现“四升三降一平”格局：食品烟酒类上涨2.6%，居住类上涨0.5%，医疗保健类上涨0.8%，"
     "教育文化和娱乐类上涨0.1%；衣着类下降1.5%，生活用品及服务类下降0.2%，交通和通信类下降0.7%；"
     "其他用品和服务类价格与同期持平。",
     "八大类消费品价格呈现“三升三降一平”格局：食品烟酒类上涨2.6%，居住类上涨0.5%，医疗保健类上涨0.8%，"
     "教育文化和娱乐类上涨0.1%；衣着类下降1.5%，生活用品及服务类下降0.2%，交通和通信类下降0.7%；"
     "其他用品和服务类价格与同期持平。",
     "“三升三降一平”中“升”为 3 项，后面列出了 4～5 项"),
    ("points-inline", "enumeration/count-items",
     "习近平提出5点建议。一是共同维护多边贸易体制。二是共同营造开放型区域经济环境。三是共同维护产业链供应链稳定畅通。"
     "四是共同推进贸易数字化绿色化。五是共同促进普惠包容发展。中方同各方合作推进高质量共建“一带一路”。",
     "习近平提出4点建议。一是共同维护多边贸易体制。二是共同营造开放型区域经济环境。三是共同维护产业链供应链稳定畅通。"
     "四是共同推进贸易数字化绿色化。五是共同促进普惠包容发展。中方同各方合作推进高质量共建“一带一路”。",
     "“4点建议”应有 4 项，后面列出了 5 项"),
    ("sections", "enumeration/count-items",
     SECTIONS + "二、2004年政府工作的总体要求和主要任务\n",
     SECTIONS.replace("六方面", "五方面") + "二、2004年政府工作的总体要求和主要任务\n",
     "“五方面工作”应有 5 项，后面列出了 6 项"),
    ("sections-to-the-end", "enumeration/count-items",  # trap P2: an excerpt may stop before the last section
     SECTIONS.replace("六方面", "九个方面"), None, None),
    ("points-after-comma", "enumeration/count-items",
     "座谈会交流热烈充分，达到了三个目的，一是倾听民企心声，了解企业诉求。各位企业家提出的意见建议务实精准。"
     "二是传递政策，做好上传下达。通过当面交流，解读政府发展战略和政策安排。三是充分吸纳，做好规划编制。企业提出的诉求具有积极意义。",
     "座谈会交流热烈充分，达到了四个目的，一是倾听民企心声，了解企业诉求。各位企业家提出的意见建议务实精准。"
     "二是传递政策，做好上传下达。通过当面交流，解读政府发展战略和政策安排。三是充分吸纳，做好规划编制。企业提出的诉求具有积极意义。",
     "“四个目的”应有 4 项，后面列出了 3 项"),
    ("points-one-per-line", "enumeration/count-items",
     "下一步，我县将重点抓好三方面工作。\n一是加强田间管理。\n二是做好防灾减灾。\n三是抓好秋粮收购。\n会议要求各地抓好落实。",
     "下一步，我县将重点抓好四方面工作。\n一是加强田间管理。\n二是做好防灾减灾。\n三是抓好秋粮收购。\n会议要求各地抓好落实。",
     "“四方面工作”应有 4 项，后面列出了 3 项"),
    ("kinds-in-brackets", "enumeration/count-items",  # 市、区 are kinds the noun also covers
     "昭通市红十字会在11个县(市、区)中的85个乡镇(街道)及5个企业,建立了90个基层组织。", None, None),
    ("sum-up-after", "enumeration/count-items",
     TEN + "以上十条，是党领导人民建设中国特色社会主义必须坚持的基本经验。\n",
     TEN + "以上九条，是党领导人民建设中国特色社会主义必须坚持的基本经验。\n",
     "“九条”应有 9 项，前面列出了 10 项"),
    ("sum-up-nearest-fitting-list", "enumeration/count-items",  # sections, and points inside the last one
     "（一）加快发展。\n（二）深化改革。\n（三）改善民生。一是增加就业。二是提高收入。\n以上两点是重中之重。",
     "（一）加快发展。\n（二）深化改革。\n（三）改善民生。一是增加就业。二是提高收入。\n以上四点是重中之重。",
     "“四点”应有 4 项，前面列出了 3 项"),
    ("named-later", "enumeration/count-items",
     "小巴司机及2名男女乘客伤重惨死，其余乘客分送3间医院抢救。消防员将伤者救出，由10辆救护车分头急送屯门医院、北区医院及博爱医院。",
     "小巴司机及2名男女乘客伤重惨死，其余乘客分送4间医院抢救。消防员将伤者救出，由10辆救护车分头急送屯门医院、北区医院及博爱医院。",
     "“4间医院”应有 4 项，后面列出了 3 项"),
    ("codes-with-range", "enumeration/count-items",
     "该10伙特色户其中3伙属相连，分别为58C、D及E；另7伙为63楼A、C至G及J室的复式单位，面积2743至3333方尺。",
     "该10伙特色户其中3伙属相连，分别为58C、D及E；另7伙为63楼A、C至F及J室的复式单位，面积2743至3333方尺。",
     "“7伙”应有 7 项，后面列出了 6 项"),
    ("list-is-the-subject", "enumeration/count-items",
     "宁夏回族自治区发展改革委、宁夏回族自治区金融监管局构建三级小微企业融资协调机制。", None, None),
    ("preposition-before-term", "enumeration/count-items",
     "强化中国农业银行、中国农业发展银行和中国邮政储蓄银行为“三农”服务的功能。", None, None),
    ("colon-list", "enumeration/count-items",
     "9、肺癌等12类大病：肺癌、食道癌、胃癌、结肠癌、直肠癌、慢性粒细胞白血病、急性心肌梗塞、脑梗死、血友病、1型糖尿病、甲亢、唇腭裂。",
     "9、肺癌等12类大病：肺癌、食道癌、胃癌、结肠癌、直肠癌、慢性粒细胞白血病、急性心肌梗塞、脑梗死、血友病、1型糖尿病、甲亢。",
     "“12类大病”应有 12 项，后面列出了 11 项"),
    ("colon-list-next-line", "enumeration/count-items",
     "今年秋粮市场呈现出以下三大特点：\n收购进度快、市场购销活跃、优质优价。\n国家有关部门已在河南、湖南、黑龙江三个主产省启动最低收购价收购。",
     "今年秋粮市场呈现出以下四大特点：\n收购进度快、市场购销活跃、优质优价。\n国家有关部门已在河南、湖南、黑龙江三个主产省启动最低收购价收购。",
     "“四大特点”应有 4 项，后面列出了 3 项"),
    ("colon-list-cut-by-comma", "enumeration/count-items",  # the list may go on after the comma: not judged
     "1、“三网”融合：是指电信网、广播电视网和互联网融合发展，实现三网互联互通、资源共享。", None, None),
    ("fixed-term", "enumeration/count-items",
     "我们坚持“和平统一、一国两制”的基本方针和现阶段发展两岸关系、推进祖国和平统一进程的八项主张。", None, None),
    ("fixed-term-heading", "enumeration/count-items", "二、全面贯彻“三个代表”重要思想\n", None, None),
    ("period-not-count", "enumeration/count-items", "2009年2月榜单(包括最近一个月、最近3个月和最近12个月业绩排名)今天公布。", None, None),
    ("and-inside-items", "enumeration/count-items",  # trap P9
     "全市经济运行呈现“八增长两收窄”特点（GDP实现1.5%的正增长、农村经济稳步增长、地方工业和固定资产投资正增长、"
     "社会消费品零售总额稳步增长、地方投资快速增长、城镇和农村居民收入同步增长、规上工业和地方财政收入降幅同比收窄）。",
     None, None),
    ("open-list", "enumeration/count-items",  # trap P12
     "第三期设有时尚、家用纺织品、玩具及孕婴童等五大板块。", None, None),
    ("item-of-another-count", "enumeration/count-items",
     "形成国家、省、市、县四级信息传输系统和3个数据分析平台。", None, None),
    ("paren-in-list", "enumeration/count-items",
     "其中天河(大部分在珠江新城)、荔湾和番禺是豪宅三大供应区域，分别占44%、15%和12%。", None, None),
    ("ordinal-paren-digits", "enumeration/ordinals",
     "我们把地板分成三类：(1)把地板当凳做。(2)把地板当做一个技术产品来做。(3)把地板作为美学产品来做。这个提法不同。",
     "我们把地板分成三类：(1)把地板当凳做。(2)把地板当做一个技术产品来做。(4)把地板作为美学产品来做。这个提法不同。",
     "序号从“(2)”跳到“(4)”，中间缺了"),
    ("ordinal-table-rows", "enumeration/ordinals", TABLE, None, None),  # trap P11
    ("ordinal-restart-after-lead-in", "enumeration/ordinals",
     "（一）加快发展。\n（二）深化改革。\n（三）改善民生。\n三、２００９年主要任务\n"
     "今年的政府工作，要全面做好以下工作：\n（一）加强和改善宏观调控，保持经济平稳较快发展\n"
     "要坚持灵活审慎的调控方针。\n（二）积极扩大国内需求特别是消费需求\n",
     None, None),
    ("ordinal-heading-on-two-lines", "enumeration/ordinals",
     "一、过去五年的工作和十三年的\n基本经验\n（一）坚持以邓小平理论为指导。\n（二）坚持以经济建设为中心。\n"
     "二、全面贯彻“三个代表”\n重要思想\n（一）贯彻“三个代表”重要思想。\n（二）必须使全党始终保持与时俱进的精神状态。\n",
     "一、过去五年的工作和十三年的\n基本经验\n（一）坚持以邓小平理论为指导。\n（二）坚持以经济建设为中心。\n"
     "三、全面贯彻“三个代表”\n重要思想\n（一）贯彻“三个代表”重要思想。\n（二）必须使全党始终保持与时俱进的精神状态。\n",
     "序号从“一、”跳到“三、”，中间缺了"),
    ("ordinal-not-a-list", "enumeration/ordinals",
     "除了在2008年一季度的仓位在86%外，第二、第三季度末的的仓位在43%和49%。郑军的行为违反了《条例》第七十七条第一款第(一)项，第(五)项的规定。",
     None, None),
    ("ordinal-written-otherwise", "enumeration/ordinals",
     "六是农村环保取得进展。中央财政首次设立农村环保专项资金。1七是环境执法监察力度进一步加大。八是环境宣传进一步加强。",
     None, None),
    ("respectively-names", "enumeration/respectively",
     "陈艾森、尤俊贤、袁轩云分别代表参加第十五届全运会的运动员、教练员、裁判员宣誓。",
     "陈艾森、尤俊贤、袁轩云分别代表参加第十五届全运会的运动员、裁判员宣誓。",
     "“分别”前列了 3 项，后面给出 2 个数值"),
    ("respectively-elided-unit", "enumeration/respectively",
     "规模以上电子信息制造业增加值同比增长10.9%，增速分别比同期工业、高技术制造业高4.7个和1.3个百分点。",
     "规模以上电子信息制造业增加值同比增长10.9%，增速分别比同期工业、高技术制造业、服务业高4.7个和1.3个百分点。",
     "“分别”前列了 3 项，后面给出 2 个数值"),
    ("respectively-figures-before", "enumeration/respectively",
     "全年国内出游人数48.9亿人次、国内游客出游总花费4.9万亿元，分别增长14.8%、17.1%。",
     "全年国内出游人数48.9亿人次、国内游客出游总花费4.9万亿元，分别增长14.8%、17.1%和3.2%。",
     "“分别”前列了 2 项，后面给出 3 个数值"),
    ("respectively-one-figure-per-clause", "enumeration/respectively",
     "城镇居民人均可支配收入9422元，农村居民人均纯收入2936元，扣除价格因素，分别实际增长7．7％和6．8％。",
     "城镇居民人均可支配收入9422元，农村居民人均纯收入2936元，扣除价格因素，分别实际增长7．7％、5.2%和6．8％。",
     "“分别”前列了 2 项，后面给出 3 个数值"),
    ("respectively-after-of-which", "enumeration/respectively",  # 其中 ends the subjects: the total is not one
     "全市财政总收入计划为360亿元，其中地方财政收入190.9亿元，税收收入150亿元，分别比去年增长20.2亿元和10.8亿元。",
     None, None),
    ("respectively-and-inside-name", "enumeration/respectively",  # trap P10
     "专用设备制造业、酒和饮料制造业同比分别增长73.1%、42%；金融业增长较快。", None, None),
    ("respectively-count-decides", "enumeration/respectively",
     "城镇和农村两类居民人均可支配收入分别增长5.1%、6.3%。",
     "城镇和农村两类居民人均可支配收入分别增长5.1%、6.3%和7.2%。",
     "“分别”前列了 2 项，后面给出 3 个数值"),
]


@pytest.mark.parametrize("case,rule,text,planted,message", REAL, ids=[r[0] for r in REAL])
def test_real_text_and_planted_twin(case, rule, text, planted, message):
    findings, _ = check([rule], {"a.txt": text})
    assert [(f.rule, f.message) for f in findings] == []
    if planted:
        findings, _ = check([rule], {"a.txt": planted})
        assert [(f.rule, f.message) for f in findings] == [(rule, message)]


def _claims(rule_id, text):
    rule = next(r for r in load_rules() if r.id == rule_id)
    return list(rule.module.claims(rule, extract(__import__("factlint.document", fromlist=["Document"]).Document("a.txt", text))))


def test_sections_running_to_the_end_are_recognised_but_not_judged():
    c = [c for c in _claims("enumeration/count-items", SECTIONS.replace("六方面", "九个方面")) if c.roles[0].text == "九个方面"]
    assert [(c.holds, c.why, c.detail) for c in c] == [(None, "列表延续到文末，可能未完", "9 vs 6")]


def test_fixed_terms_and_periods_make_no_claim():
    assert _claims("enumeration/count-items", "巩固深入贯彻中央八项规定精神学习教育成果。坚持“三讲”和“三个代表”。最近3个月和最近12个月。") == []


def test_claims_on_the_seeds_hold():
    """Every count, 分别 and numbered sequence recognised on the seeds is verified and holds."""
    seen = {}
    for prefix in ["000", "001", "002", "003", "004"]:
        text = _seed_text(prefix)
        for rule_id in RULES:
            for c in _claims(rule_id, text):
                assert c.holds is True, (prefix, rule_id, c)
                seen[c.kind] = seen.get(c.kind, 0) + 1
    # 分别: the two of the first version and 由挂钩单位、帮扶人员分别联系相应部门、乡镇(街道) (names)
    assert seen == {"count": 21, "respectively": 3, "sequence": 6}
