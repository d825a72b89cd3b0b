"""What a figure measures (metric key), its time scope and its subject, from the words around it."""
from __future__ import annotations

from functools import lru_cache

import regex

from . import words
from .lexicon import lexicon
from .numbers import Figure

# Where the phrase around a figure stops: punctuation and brackets.
PHRASE_STOP = set("，,、；;：:。！？!?（(）)【】[]《》\n")
QUOTES = "“”‘’「」『』\"'"

# Time scopes with a year or a count in them; plain words (截至目前, 近年来) come from the lexicon.
DATED_SCOPE = (
    r"(?:今年|\d{4}年)?(?:前三季度|上半年|下半年|[一二三四]季度|前[一二三四五六七八九十两\d]+个?月|\d{1,2}[—–\-~至]\d{1,2}月)"
    r"|截至\d{4}年\d{1,2}月(?:底|末)?|截至\d{4}年(?:底|末)?|今年以来|今年|去年|当年|全年"
    r"|[一二三四五六七八九十两\d]+年来|[一二三四五六七八九十两\d]+年以来|近[一二三四五六七八九十两\d]+年"
    r"|(?:自|从)?\d{4}年(?:\d{1,2}月)?(?:以来|起|底|末|初|上半年|下半年|前三季度|度)?"
)


@lru_cache(maxsize=1)
def _scope_regex() -> regex.Pattern:
    now_words = sorted(lexicon().scope_now, key=len, reverse=True)
    return regex.compile("|".join([*(regex.escape(w) for w in now_words), DATED_SCOPE]))


ADMIN_SUFFIX = ("省", "市", "县", "区", "镇", "乡", "村", "街道", "社区")
ADMIN_WHOLE = regex.compile(r"全(?:省|市|县|区|镇|乡|村)")
_ADMIN_LAST = set("省市县区镇乡村道")
_YEAR_MONTH = regex.compile(r"(\d{4})年(?:(\d{1,2})月)?")


def scope_key(text: str) -> str:
    """Normalise a scope: to-date totals with no start year share one key, years keep theirs."""
    if not text:
        return ""
    y = _YEAR_MONTH.search(text)
    period = regex.search(r"前三季度|上半年|下半年|[一二三四]季度|前\S+月|\d{1,2}[—–\-~至]\d{1,2}月", text)
    if period:  # 2023年前三季度, 今年上半年: a part of a year
        return f"period:{y.group(1) if y else ''}{period.group()}"
    if y:
        year, month = y.group(1), y.group(2)
        if text.startswith("截至"):
            return f"until{year}" + (f"-{month}" if month else "")
        if "以来" in text or "起" in text:
            return f"since{year}"
        if any(w in text for w in ("底", "末")):
            return f"end{year}"
        return f"y{year}" + (f"-{month}" if month else "")
    if text in ("今年以来", "今年", "全年"):
        return "thisyear"
    if text in ("去年",):
        return "lastyear"
    if text == "当年":
        return "thatyear"
    return "now"  # 截至目前, 目前, 至今, 五年来, 近年来: running to the present


def sentence_scope(sentence: str, upto: int) -> str:
    """The nearest time scope written before position upto in the sentence."""
    best = ""
    for m in _scope_regex().finditer(sentence, 0, upto):
        best = m.group()
    return best


def first_scope(text: str) -> str:
    m = _scope_regex().search(text)
    return m.group() if m else ""


def subjects(text: str) -> list[tuple[int, str]]:
    """Places named in a text, with their offsets: 昭通市, 永善县, 望江社区, and 全市-style wholes.

    Whole words only (by the segmenter), so 乡镇, 农村 and 市级 are not places.
    """
    out, pos = [], 0
    for tok in words.cut(text):
        if tok[-1] in _ADMIN_LAST and ((len(tok) >= 3 and tok.endswith(ADMIN_SUFFIX)) or ADMIN_WHOLE.fullmatch(tok)):
            out.append((pos, tok))
        pos += len(tok)
    return out


def subject(text: str) -> str:
    found = subjects(text)
    return found[-1][1] if found else ""


def resolve_whole(subject: str, places: list[str]) -> str:
    """全县 in an article about 永善县 is 永善县: two articles' 全县 are then told apart."""
    if ADMIN_WHOLE.fullmatch(subject):
        level = subject[1:]
        named = next((p for p in places if p.endswith(level) and not p.startswith("全")), None)
        return named or subject
    return subject


def subjects_agree(a: str, b: str) -> bool:
    """Unknown agrees with anything; 全市 agrees with any 市; named places must be the same."""
    if not a or not b or a == b:
        return True
    la, lb = a[-1] if a[-1] != "道" else "街道", b[-1] if b[-1] != "道" else "街道"
    if la != lb:
        return False
    return a.startswith("全") or b.startswith("全")


def _clean(s: str) -> str:
    return "".join(c for c in s if c not in QUOTES and not c.isspace())


def pre_phrase(text: str, start: int, floor: int) -> str:
    """The words just before a figure: back to punctuation, a bracket or the previous figure."""
    i = start
    while i > floor and text[i - 1] not in PHRASE_STOP:
        i -= 1
    return _clean(text[i:start])


def post_phrase(text: str, end: int, ceiling: int) -> str:
    j = end
    while j < ceiling and text[j] not in PHRASE_STOP and j - end < 12:
        j += 1
    return _clean(text[end:j])


_NUMERIC = regex.compile(r"[\d\W_]+|[一二三四五六七八九十两百千万]+[个名位项]?")
# words that end the counted noun after a measure word (426名流动党员主要分布在…)
NOUN_STOP_WORDS = ("主要", "分布", "参与", "参加", "受益")


def _words(text: str) -> list[str]:
    """Tokens of a phrase with filler words, numerals and punctuation dropped.

    A token that merely begins with a filler (积极争取, 成功实施) loses that prefix.
    """
    lex = lexicon()
    out = []
    for t in words.cut(text):
        for f in ("积极", "成功", "累计", "先后", "共同"):
            if t.startswith(f) and len(t) > len(f):
                t = t[len(f):]
        if t in lex.fillers or _NUMERIC.fullmatch(t):
            continue
        out.append(t)
    return out


KEY_CHARS = 10
KEY_WORDS = 5


def _pre_key(pre: str) -> tuple[str, bool]:
    """The last words before a figure; and whether they were only verbs (培养, 建成)."""
    lex = lexicon()
    # time and stock words say when and how, not what: 五年来累计建立… → 建立…
    pre = _scope_regex().sub("", pre)
    for w in lex.scope_new + lex.scope_cumulative:
        pre = pre.replace(w, "")
    toks = _words(pre)
    # the last words, up to KEY_CHARS characters: 城镇居民人均支配收入 must not shrink to 人均支配收入,
    # the key of 全市居民人均可支配收入
    keep: list[str] = []
    for t in reversed(toks):
        if keep and (len("".join(keep)) + len(t) > KEY_CHARS or len(keep) == KEY_WORDS):
            break
        keep.insert(0, t)
    if keep and len(keep[0]) == 1 and len(keep) < len(toks):
        keep.insert(0, toks[-len(keep) - 1])  # 补贴|性|职业技能|培训: do not start a key with a lone character
    while len(keep) > 1 and keep[0] in lex.leading_verbs and len("".join(keep[1:])) >= 3:
        keep = keep[1:]
    only_verbs = all(t in lex.leading_verbs for t in keep)
    return "".join(keep), only_verbs


def _post_key(post: str) -> str:
    lex = lexicon()
    out = []
    for t in words.cut(post.lstrip("的")):
        if t in lex.fillers or t in lex.leading_verbs or t in NOUN_STOP_WORDS or _NUMERIC.fullmatch(t):
            break
        out.append(t)
        if len(out) == 4:
            break
    return "".join(out)


def metric_key(pre: str, post: str, classifier: bool) -> str:
    """The phrase a figure measures: the noun after a measure word (109个家庭获市级表彰), else the
    words before the figure (累计投入款物9316万元), else the noun after a bare verb (建成2.3万亩芒果种植基地)."""
    lex = lexicon()
    pre_key, only_verbs = _pre_key(pre)
    post_key = _post_key(post) if post else ""
    if post_key and (classifier or only_verbs or not pre_key):
        key = post_key
    else:
        key = pre_key
    return lex.synonyms.get(key, key)


TARGET = regex.compile(r"目标|预期|力争|计划|规划|确保|争取达到|预计|将达到|到20\d\d年")
CHANGE = regex.compile(r"同比|环比|同增|同降|比上年|较上年|比去年|较去年|比上年末|较上年末|增加(?!值)|增长|减少|下降|提高|降低|上升|净增|增幅|降幅")
PER = regex.compile(r"年均|人均|户均|日均|月均|每年|每月|每人|每户|每天|年(?=创收|增收|产值|收入|出栏|加工)")


def stock(pre: str, sentence_before: str = "") -> str:
    """target (目标, 预期, 力争: never compared with an actual), change (同比增加1.2万亩: a
    difference, not a level), per (年均, 人均: a rate, never compared with a total), new (新增),
    cumulative (累计), or ""."""
    lex = lexicon()
    if TARGET.search(sentence_before):
        return "target"
    if CHANGE.search(pre):
        return "change"
    if PER.search(pre):
        return "per"
    if any(w in pre for w in lex.scope_new):
        return "new"
    if any(w in pre for w in lex.scope_cumulative):
        return "cumulative"
    return ""


def figure_metric(text: str, fig: Figure, floor: int, ceiling: int) -> str:
    pre = pre_phrase(text, fig.start, floor)
    post = post_phrase(text, fig.end, ceiling)
    return metric_key(pre, post, fig.classifier)


# ------------------------------------------------------------------ role and period (issue 13)

_CN_SMALL = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
             "十一": 11, "十二": 12}
_MONTHS = regex.compile(
    r"(?:(\d{4})年)?(?:"
    r"(?P<a>\d{1,2})月?份?\s*[—–\-~至到]\s*(?P<b>\d{1,2})月份?"
    r"|前(?P<n>\d{1,2}|十[一二]?|[一二两三四五六七八九])个?月份?"
    r"|(?P<q>前三季度|上半年|下半年|一季度|第一季度|二季度|三季度|四季度)"
    r"|截至(?:(?P<uy>\d{4})年)?(?P<u>\d{1,2})月(?:底|末|份)?"
    r"|(?P<m1>\d{1,2})月份?(?!\d{0,2}[日号]))"
)
_QUARTERS = {"前三季度": (1, 9), "上半年": (1, 6), "下半年": (7, 12), "一季度": (1, 3), "第一季度": (1, 3),
             "二季度": (4, 6), "三季度": (7, 9), "四季度": (10, 12)}
_FIVE_YEAR_PLAN = regex.compile(r"[“\"]?十([一二三四五])五[”\"]?(?:时期|期间|规划)")
PERIOD_SCOPE = regex.compile(
    r"(?:\d{4}年)?(?:\d{1,2}月?份?\s*[—–\-~至到]\s*\d{1,2}月份?|前(?:\d{1,2}|十[一二]?|[一二两三四五六七八九])个?月份?"
    r"|前三季度|上半年|下半年|第?[一二三四]季度|截至(?:\d{4}年)?\d{1,2}月(?:底|末|份)?|\d{1,2}月份?(?!\d{0,2}[日号]))"
    r"|(?:今年|去年|上年|全年|当年|明年|过去一年|一年来)"
    r"|[“\"]?十[一二三四五]五[”\"]?(?:时期|期间)|(?:过去|今后|近|未来)?[五三十]年(?:来|间|内|共|累计)?"
    r"|\d{4}年(?:[—–\-~至到]\d{4}年)?"
)


def period_scope(sentence: str, upto: int) -> str:
    """The nearest period written before position upto in the sentence (1—9月份, 今年, "十一五"时期, 五年).
    A period right after 比/较 is the base of a comparison, not the figure's (实现利润79750.1亿元，比2019年
    1—11月份增长41.3%: the 41.3% is of this year's 1—11月)."""
    best = ""
    for m in PERIOD_SCOPE.finditer(sentence, 0, upto):
        if m.start() and sentence[m.start() - 1] in "比较":
            continue
        best = m.group()
    return best


_REVIEW_OPENER = regex.compile(r"(?:^|[。！？])\s*(过去一年|一年来|过去五年|五年来)[，,]")


def review_openers(text: str) -> list[tuple[int, str]]:
    """(end, words) of each review opener of a paragraph: paragraph_period of any prefix, found once."""
    return [(m.end(), m.group(1)) for m in _REVIEW_OPENER.finditer(text)]


def paragraph_period(before: str) -> str:
    """A review's opening words earlier in the paragraph: 过去一年，…。国内生产总值增长10.3% (2010 in the
    2011 report). Only these openers carry over; a year written in another sentence does not."""
    found = [m.group(1) for m in _REVIEW_OPENER.finditer(before)]
    return found[-1] if found else ""


def period_key(text: str, year: int | None, review_year: int | None, part: str) -> str:
    """One spelling per period: 1-11月 = 1—11月 = 1至11月 = 前11个月 → "2025:1-11"; 今年 → "2025";
    去年/上年 → "2024"; 全年 in a review → the year reviewed; "十一五"时期 → "2006-2010"; 截至10月底 → "2025:to10".
    A figure with no period word takes its part's: a review's year, a target section's year. "" = unknown."""
    t = (text or "").translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    explicit = regex.findall(r"(\d{4})年", t)
    y = int(explicit[0]) if explicit else None
    m = _MONTHS.search(t)
    if m:
        base = y or (int(m.group("uy")) if m.group("uy") else None) or (review_year if part == "review" and "全年" in t else year)
        if "去年" in t or "上年" in t:
            base = (year - 1) if year else None
        if not base:
            base = "?"  # the document's year, unknown: equal only within the document
        if m.group("a"):
            return f"{base}:{int(m.group('a'))}-{int(m.group('b'))}"
        if m.group("n"):
            n = m.group("n")
            return f"{base}:1-{int(n) if n.isdigit() else _CN_SMALL.get(n, 0)}"
        if m.group("q"):
            a, b = _QUARTERS[m.group("q")]
            return f"{base}:{a}-{b}"
        if m.group("u"):
            return f"{base}:to{int(m.group('u'))}"
        return f"{base}:{int(m.group('m1'))}-{int(m.group('m1'))}"
    p = _FIVE_YEAR_PLAN.search(t)
    if p:
        start = 1966 + 5 * ("一二三四五".index(p.group(1)) + 11 - 3)  # the 3rd plan began in 1966
        return f"{start}-{start + 4}"
    span = regex.search(r"(\d{4})年?\s*[—–\-~至到]\s*(\d{4})年", t)
    if span:
        return f"{span.group(1)}-{span.group(2)}"
    if regex.search(r"(?:过去|近)?五年(?:来|间|共|累计)?", t) and not y:
        if part in ("plan5",) or regex.search(r"今后|未来", t):
            return f"{year}-{year + 4}" if year else ""
        return f"{year - 5}-{year - 1}" if year else ""
    if y:
        return str(y)
    if "今年" in t or "当年" in t:
        return str(year) if year else "?"
    if "明年" in t:
        return str(year + 1) if year else "?+1"
    if "去年" in t or "上年" in t or "过去一年" in t or "一年来" in t:
        return str(year - 1) if year else "?-1"
    if "全年" in t:
        r = review_year if part in ("review", "") else year
        return str(r) if r else ""
    if t:
        return ""
    # no period word: the part's own period
    if part == "review" and review_year:
        return str(review_year)
    if part == "targets" and year:
        return str(year)
    if part == "plan5" and year:
        return f"{year}-{year + 4}"
    if part == "review5" and year:
        return f"{year - 5}-{year - 1}"
    return ""


PLAN = regex.compile(r"拟|计划|预算|将安排|规划")
_TARGET_AFTER = regex.compile(r"^(?:的|左右的|以上的)?(?:预期|主要)?目标")
_PAIR_FROM = regex.compile(r"(?:由|从)[^由从，。；;,]{0,24}$")
_PAIR_TO = regex.compile(r"^[^，。；;,]{0,10}?(?:增加|增长|提高|扩大|上升|下降|减少|降低|精简|压缩|优化|缩减|缩小|调整|发展|变|增|减|降|升|达)?(?:到|至|为)[^，。；;,]{0,8}$")
_WHOLE_AFTER = regex.compile(r"^\S{0,6}?(?:中|里|当中|之中)(?:[，,]?(?:有|的|共有)|$)")
_PART_BEFORE = regex.compile(r"(?:中有|里有|当中有|之中有|其中有?|中的|其中的)[^，。；]{0,6}$")


def role(pre: str, sentence_before: str, post: str, between_prev: str, prev_role: str, part: str,
         qualifier: str, explicit_period: bool, paragraph_before: str = "") -> str:
    """What kind of figure it is: from / to (由5家增至12家), whole / part (40项中有17项), target, plan,
    average (年均), change (同比增长), cumulative (累计, 五年), per (人均), or actual."""
    if _PAIR_FROM.search(between_prev if prev_role else pre) and regex.match(r"^\S{0,14}?(?:增加|增长|提高|扩大|上升|下降|减少|降低|精简|压缩|优化|缩减|增|减|降|升|调整|发展)?(?:到|至|为)", post):
        return "from"
    if prev_role == "from" and _PAIR_TO.match(between_prev):
        return "to"
    if _PART_BEFORE.search(pre):
        return "part"
    if _WHOLE_AFTER.match(post):
        return "whole"
    clause = regex.split(r"[，,；;]", sentence_before)[-1]
    # a list of targets introduced by a colon: 今年…的预期目标是：…；城镇新增就业1000万人
    intro = regex.search(r"(?:目标|预期|计划|任务|安排)[^。：:]{0,8}(?:[：:]|是[，,])[^。：:]*\Z", paragraph_before or sentence_before)
    said = clause + (intro.group() if intro else "")
    if TARGET.search(said) or _TARGET_AFTER.match(post):
        return "plan" if PLAN.search(said) and not regex.search(r"目标|力争|预期", said) else "target"
    if part in ("targets", "plan5") and not explicit_period and not regex.search(r"比|较", clause):
        if PLAN.search(said) or regex.search(r"将|拟|安排", said):
            return "plan"
        if qualifier in ("about", "at_least", "at_most") or regex.search(r"控制在|力争|要|确保", said):
            return "target"
        # the plan's own targets section (“十二五”时期的主要目标), or 今年 in this year's tasks
        if part == "plan5" or ("今年" in sentence_before and not regex.search(r"已|完成|实现了|达到了|取得", clause)):
            return "target"
    if regex.search(r"年均|平均每年", pre):
        return "average"
    if CHANGE.search(pre) or regex.search(r"增速|增幅|涨幅|降幅", pre[-6:]):
        return "change"
    if PER.search(pre):
        return "per"
    lex = lexicon()
    if any(w in pre for w in lex.scope_cumulative) or regex.search(r"五年(?:来|共|累计)|时期(?:累计|共)", sentence_before):
        return "cumulative"
    return "actual"


_NAMES = regex.compile(r"(\p{Han}{1,8})((?:、\p{Han}{1,8})*)(?:、|和|及|与)(\p{Han}{1,8})")
_COUNT_TAIL = regex.compile(r"[一二两三四五六七八九十\d]+(?:个|家|所|只|类)\p{Han}{0,3}$")


def respectively(sentence: str, offsets: list[int]) -> dict[int, str]:
    """分别 binding: 西城、朝阳和丰台三个区…环比分别增长15.3%、14.4%和26.2% → figure i → its name.
    offsets are the figures' starts in sentence; returns {index into offsets: name} or {}."""
    k = sentence.find("分别")
    if k < 0:
        return {}
    after = [i for i, o in enumerate(offsets) if o > k]
    n = len(after)
    if n < 2:
        return {}
    for m in _NAMES.finditer(sentence[:k]):
        items = [m.group(1), *[x for x in m.group(2).split("、") if x], m.group(3)]
        if len(items) != n:
            continue
        items[-1] = _COUNT_TAIL.sub("", items[-1]) or items[-1]
        width = max(len(x) for x in items[1:])
        items[0] = items[0][-width:]
        return {after[i]: items[i] for i in range(n)}
    return {}


@lru_cache(maxsize=1)
def _sub_area_re() -> regex.Pattern:
    from .context import words as context_words

    w = context_words()
    alts = "|".join(regex.escape(x) for x in sorted(w.get("sub_areas", []), key=len, reverse=True))
    # 市区有…, 四县共有…: the part is the sentence's subject (城镇居民人均可支配收入 keeps 城镇 in its metric)
    return regex.compile(rf"(?:^|(?<=[，,；;：:（(]))(?:{alts}|{w.get('sub_area_counted', '(?!)')})(?=有|共|实现|完成|累计)")


def sub_area(sentence_before: str) -> str:
    """A part of the place that opens the sentence or a clause before the figure: 市区有…, 四县有…, 农村…"""
    found = [m.group() for m in _sub_area_re().finditer(sentence_before)]
    return found[-1] if found else ""


_FRAME = regex.compile(r"前三季度|上半年|下半年|第?[一二三四]季度|(?:\d{4}年)?\d{1,2}\s*[—–\-~至到]\s*\d{1,2}月|前(?:\d{1,2}|十[一二]?|[一二两三四五六七八九])个?月")


def first_period(text: str) -> str:
    """A news article's frame: the first part-of-year period of its headline and lead (前八月, 1—8月)."""
    m = _FRAME.search(text.replace("八月", "8个月").replace("前八", "前8"))
    return m.group() if m else ""
