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
CHANGE = regex.compile(r"同比|环比|比上年|较上年|比去年|较去年|比上年末|较上年末|增加(?!值)|增长|减少|下降|提高|降低|上升|净增|增幅|降幅")
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
