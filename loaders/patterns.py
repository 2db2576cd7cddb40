"""Named regular expressions, built from the word lists in data/cues.toml.

All patterns apply to *clean* text (see loaders.normalize): full-width brackets and
punctuation, no spaces between Chinese characters, one paragraph per line. Brackets (OPEN,
CLOSE) are matched in either width, so a unit name keeps its own brackets in uncleaned text too.
"""

from __future__ import annotations

import re

from loaders.lexicon import cues

__all__ = [
    "CN_NUM", "alt", "date_iso", "ENUMERATOR", "MARKERS", "LINE_START_MARKER", "INLINE_MARKER", "CLOSING_LINE",
    "SENTENCE_END_CHARS", "DATE", "DOC_NUMBER", "DOC_NUMBER_TAIL", "ROLE_PHRASE", "ROLE_PHRASE_ENT", "ENTERPRISE_HEADS",
    "ROLE_OF", "role_of", "OVERSEE_ANY",
    "ENTERPRISE_AFTER", "LABEL", "LABEL_ROLE",
    "DEFAULT_OPENER", "DEFAULT_CLOSER", "OPEN_LIST_SUFFIX", "OPEN_LIST_AFTER", "IN_SENTENCE_ACTOR", "IN_SENTENCE_VERB", "VERB_ROLES",
    "IN_SENTENCE_COPULA", "IN_SENTENCE_LABEL", "IN_SENTENCE_SUBJECT", "IN_SENTENCE_FOR", "IN_SENTENCE_UNDER",
    "JOINT", "JOINT_UNTIL", "PRONOUN", "PLURAL_PRONOUNS", "EVERY_ADDRESSEE", "SELF_PRONOUNS",
    "VAGUE", "KIND_RULES", "SECTOR_WORD", "ENTERPRISE_NAMES", "DEADLINE", "UNIT_SUFFIX", "BRACKETS", "OPEN", "CLOSE",
    "NAME_QUALIFIER_END", "cn_to_int", "TEXT_CHAR", "PINYIN_NOTE",
    "TABLE_TITLE", "GLOSSARY_TITLE", "LABEL_LINE", "ADDRESSEE_LINE", "ADDRESSEE_STARTS",
    "SITE_FIELDS", "SITE_LABEL", "SITE_LABEL_WORDS", "SITE_LABEL_ALT", "PAGE_SPACE", "PAGE_SPACE_CHARS",
    "NUMBER_LINE", "TITLE_END", "CC_LINE", "PRINTED_LINE", "SIGNATURE_DATE", "DATE_TEXT", "PUBLISH_NOTE",
]

CN_DIGITS = "零〇一二三四五六七八九十百两"
CN_NUM = f"[{CN_DIGITS}]{{1,4}}"


def alt(words) -> str:
    """A regex alternation of literal words, longest first (so 分工负责 beats 负责)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def date_iso(m: re.Match) -> str:
    """ISO date from a DATE/SIGNATURE_DATE/PRINTED_LINE match (Arabic or Chinese numerals)."""
    digits = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")
    y = m.group("y")
    y = int(y) if y.isdigit() else int(y.translate(digits))
    return f"{y:04d}-{cn_to_int(m.group('m')):02d}-{cn_to_int(m.group('d')):02d}"


_CN_DIGIT_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                    "八": 8, "九": 9}


def cn_to_int(s: str) -> int:
    """Chinese numeral (一 … 九十九) or Arabic digits to int; 0 if not a number."""
    if s.isdigit():
        return int(s)
    vals = _CN_DIGIT_VALUES
    if not s:
        return 0
    if "百" in s:
        h, _, rest = s.partition("百")
        return (vals.get(h, 1) if h else 1) * 100 + (cn_to_int(rest) if rest else 0)
    if "十" in s:
        t, _, u = s.partition("十")
        return (vals.get(t, 0) if t else 1) * 10 + (vals.get(u, 0) if u else 0)
    if len(s) == 1:
        return vals.get(s, 0)
    return 0


ENUMERATOR = alt(cues()["numbering"]["enumerators"])  # 是 in 一是, 要 in 一要
# numbering styles: name -> regex with group "n" (the ordinal) at the start of a line or sentence
MARKERS: dict[str, re.Pattern] = {
    "part": re.compile(rf"第(?P<n>{CN_NUM})部分[：:，、]?"),
    "chapter": re.compile(rf"第(?P<n>{CN_NUM})章[：:，、　 ]?"),
    "cn_dun": re.compile(rf"(?P<n>{CN_NUM})[、．.](?!\d)"),
    "cn_paren": re.compile(rf"（(?P<n>{CN_NUM})）"),
    "ar_dot": re.compile(r"(?P<n>\d{1,2})(?:[.．](?:(?!\d)|(?=\d{4}年))|、)"),  # 1.2009年底前… (not 1.5)
    "ar_paren": re.compile(r"（(?P<n>\d{1,2})）"),
    "circled": re.compile(r"(?P<n>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])"),
    "paren_sign": re.compile(r"(?P<n>[⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇])"),  # one character for (1)…(20)
    "ar_half": re.compile(r"(?P<n>\d{1,2})）"),
    "article": re.compile(rf"第(?P<n>{CN_NUM})条[　 ]?"),
    "cn_di": re.compile(rf"第(?P<n>{CN_NUM})[，,、](?=[\u4e00-\u9fff“])"),  # "第一，各烟花爆竹生产企业要…"
    "cn_shi": re.compile(rf"(?P<n>{CN_NUM})(?:{ENUMERATOR})(?=[^，。；：]{{2}})"),
}
LINE_START_MARKER = re.compile("|".join(f"(?:{p.pattern.replace('?P<n>', '')})" for p in MARKERS.values()))
# markers that may also begin a sentence inside a paragraph ("…。一是…。二是…"), or go on after an item's bracket
# ("…。（县应急局负责）二是…")
INLINE_MARKER = re.compile(rf"(?:(?<=[。；：])|(?<=）)(?!一))(?:(?P<shi>{CN_NUM})(?:{ENUMERATOR})|（(?P<ap>\d{{1,2}})）"
                           rf"|(?P<ad>\d{{1,2}})[.．](?=[\u4e00-\u9fff])|（(?P<cp>{CN_NUM})）)")  # …；2.指导… (not 。3.5万),
# …。（二）冰雪旅游。… (an item run on in its list's paragraph)

SENTENCE_END_CHARS = "。！？；：）］】"
# a mirror site's pinyin after a character, "調(diào)查": a syllable with a tone mark in brackets (no part of the text)
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN_NOTE = re.compile(rf"(?<=[\u4e00-\u9fff])[(（](?=[a-z{_TONED}ü]*[{_TONED}])[a-z{_TONED}ü]{{1,7}}[)）]")
_Y = r"(?P<y>\d{4}|[〇○零一二三四五六七八九]{4})"
_M = r"(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})"
_D = r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})"
_PUBLISH_NOTE = r"[（(]此件[^）)]{0,12}[）)]"  # "（此件公开发布）", printed on the date's line in PDF text
_DATE_NOGROUPS = rf"{_Y}年{_M}月{_D}日".replace("?P<y>", "?:").replace("?P<m>", "?:").replace("?P<d>", "?:")
CLOSING_LINE = re.compile(  # the date in either numerals: 2024年11月28日, 二〇二四年十一月二十八日
    rf"^(?:（此件公开发布）|（此件.{{0,12}}）|抄送[：:]|.{{0,30}}印发$|{_DATE_NOGROUPS}(?:印发|{_PUBLISH_NOTE})?$|-{{3,}}$|校对[：:]|共印)"
)
DATE = re.compile(rf"{_Y}年{_M}月{_D}日")
DATE_TEXT = _DATE_NOGROUPS  # a date as text, to build other patterns with
PUBLISH_NOTE = _PUBLISH_NOTE
SIGNATURE_DATE = re.compile(rf"^{_Y}年{_M}月{_D}日(?:{_PUBLISH_NOTE})?$")
PRINTED_LINE = re.compile(rf"{_Y}年{_M}月{_D}日印发")
_DOC_NUMBER_TAIL = r"[〔［【（\[﹝](?P<year>\d{4})[〕］】）\]﹞]第?(?P<seq>\d{1,4})号"
DOC_NUMBER = re.compile(rf"(?P<prefix>[\u4e00-\u9fff]{{1,12}}?){_DOC_NUMBER_TAIL}")
# the 文号 without its issuer prefix, to find DOC_NUMBER from the bracket backwards (see documents.py)
DOC_NUMBER_TAIL = re.compile(_DOC_NUMBER_TAIL)
ADDRESSEE_LINE = re.compile(r"^(?P<body>[^。！？]{2,200})[：:]$")
ADDRESSEE_STARTS = ("各", "市", "县", "区", "省")  # how an addressee list may begin
# a line that is only a 文号, perhaps in brackets under the title: "（晋市政办〔2025〕3号）"
# …perhaps after its urgency grade, printed before it on the same line ("急 甬农电〔2020〕4号")
NUMBER_LINE = re.compile(rf"^(?:{alt(cues()['documents']['telegram_grades'] + ['急'])})?[（(]?{DOC_NUMBER.pattern}[）)]?(?:签发人[：:][\u4e00-\u9fff、]{{1,20}})?$")  # 签发人 beside it
# the document-type word a title ends with
TITLE_END = re.compile(r"(?:通知|批复|意见|决定|函|报告|方案|办法|规定|要点|通报|请示|公告|通告|解读|规划|细则|纪要|复函|计划)$")
CC_LINE = re.compile(r"^抄送[：:](?P<body>.*)$")
TABLE_TITLE = re.compile(r"^(?:附件\d*[：:]?)?(?:重点)?(?:工作)?任务(?:分工|清单|分解)(?:表|方案)?$|^责任分工(?:表)?$")
# a web page's document-information block (发文机关：… 发文字号：… 成文日期：…; [site] in data/cues.toml): label ->
# (field, rank) for the labels that give a document field (a lower rank wins), and every label word, longest first
_SITE = cues()["site"]
SITE_FIELDS: dict[str, tuple[str, int]] = {
    label: (field, rank) for field in ("issuer", "number", "date", "title") for rank, label in enumerate(_SITE[field])
}
SITE_LABEL_WORDS: tuple[str, ...] = tuple(sorted(set(SITE_FIELDS) | set(_SITE["other"]), key=len, reverse=True))
PAGE_SPACE_CHARS = " \t\u3000\u00a0"  # the spaces a web copy prints, a non-breaking one too
PAGE_SPACE = f"[{PAGE_SPACE_CHARS}]"
# a label as a page may space it out (索 引 号, 标  题), then its separator (a bar where a table row was copied)
SITE_LABEL_ALT = "|".join(f"{PAGE_SPACE}*".join(map(re.escape, w)) for w in SITE_LABEL_WORDS)
SITE_LABEL = re.compile(rf"(?P<label>{SITE_LABEL_ALT}){PAGE_SPACE}*(?P<sep>[：:|｜])")
LABEL_LINE = re.compile(rf"^(?:解读(?:单位|机关|部门)|附件|{alt(cues()['documents']['telegram_labels'])}|{SITE_LABEL_ALT})"
                        r"[：:]")  # a site's label, a telegram's, an interpretation's
GLOSSARY_TITLE = re.compile(r"术语|名词解释|注释|释义")

_c = cues()
# opening bracket -> its closing bracket, both widths (see [brackets] in data/cues.toml)
BRACKETS: dict[str, str] = {p[0]: p[1] for p in _c["brackets"]["pairs"]}
OPEN = "".join(BRACKETS)
CLOSE = "".join(BRACKETS.values())
_O, _C = re.escape(OPEN), re.escape(CLOSE)
# a short bracketed qualifier inside a name: "（市、区）" of 各县（市、区）人民政府, "（镇）" of 各乡（镇）
_QUALIFIER = rf"[{_O}](?P<inner>[^，。；：！？{_O}{_C}\n]{{1,8}})[{_C}]"
# a line that ends inside a name ("…各县（市、区）" + "人民政府要…"): the bracket closes no sentence
NAME_QUALIFIER_END = re.compile(rf"[\u4e00-\u9fff]{_QUALIFIER}$")
ROLE_OF: dict[str, str] = {w: role for role, ws in _c["roles"].items() for w in ws}
for _v in _c["oversee_verbs"]["verbs"]:
    for _done in _c["oversee_verbs"]["completions"]:
        for _who in [""] + _c["enterprise"]["names"]:
            ROLE_OF.setdefault(_v + _who + _done, "oversee")
# "督促燃气经营企业落实", "督促煤矿企业落实": an oversight phrase around any enterprise's name (X oversees, the
# enterprise implements); ENTERPRISE_AFTER finds that name after the verb
# the words before the head name a kind of enterprise, never a unit ("…监督管理局督促企业落实" is no phrase at 监督)
_ent_word = rf"(?:(?![局厅委办部处队站院所]|{alt(_c['oversee_verbs']['verbs'])})[\u4e00-\u9fff])"
_ent_skip = rf"(?:{alt(_c['enterprise']['skip'])})?"
_ent_name = rf"{_ent_word}{{0,10}}?(?:{alt(_c['enterprise']['heads'])})"  # 汨罗市燃气经营企业
_OVERSEE_ANY = rf"(?:{alt(_c['oversee_verbs']['verbs'])}){_ent_skip}{_ent_name}(?:{alt(_c['oversee_verbs']['completions'])})"
ENTERPRISE_AFTER = re.compile(rf"{_ent_skip}(?P<ent>{_ent_name})")
OVERSEE_ANY = re.compile(_OVERSEE_ANY)
ROLE_PHRASE = re.compile(rf"(?:{alt(ROLE_OF)})")
# …with the oversight phrases around any enterprise's name: slower, used where the text names an enterprise
ROLE_PHRASE_ENT = re.compile(rf"(?:{_OVERSEE_ANY}|{alt(ROLE_OF)})")
ENTERPRISE_HEADS = tuple(_c["enterprise"]["heads"])


def role_of(phrase: str) -> str:
    """The role a ROLE_PHRASE match gives."""
    return ROLE_OF.get(phrase) or "oversee"
LABEL_ROLE: dict[str, str] = {w: role for role, ws in _c["labels"].items() for w in ws}
LABEL = re.compile(rf"(?P<label>{alt(LABEL_ROLE)})(?:[：:]|为(?=[\u4e00-\u9fff]))")  # 责任单位：A / 责任单位为A
DEFAULT_OPENER = re.compile(rf"{alt(_c['defaults']['openers'])}|{alt(_c['defaults']['scope_openers'])}(?=[^。；]{{2,40}}?均(?:需|要)?(?:负|承担))")
DEFAULT_CLOSER = re.compile(alt(_c["defaults"]["closers"]))
OPEN_LIST_SUFFIX = re.compile(rf"(?:{alt(_c['open_list']['suffixes'])})$")
OPEN_LIST_AFTER = re.compile(alt(_c["open_list"]["suffixes"]))  # right after the last name: "市应急局等部门要…"
ENTERPRISE_NAMES = tuple(_c["enterprise"]["names"])
DEADLINE = re.compile("|".join([f"(?:{p})" for p in _c["deadline"]["patterns"]]
                               + [f"^(?:{alt(_c['labels']['ignore'])})[:：]"]))
PRONOUN = re.compile(alt(_c["in_sentence"]["addressee_pronouns"]))
PLURAL_PRONOUNS = frozenset(_c["in_sentence"]["plural_pronouns"])
EVERY_ADDRESSEE = next(iter(sorted(PLURAL_PRONOUNS)))  # 你们: a stand-in that names every addressee
SELF_PRONOUNS = frozenset(_c["in_sentence"]["self_pronouns"])
UNIT_SUFFIX = re.compile(rf"(?:{alt(_c['units']['suffixes'])})$")
SECTOR_WORD = re.compile(rf"^(?:各级|省|市|县|区)?(?:{alt(_c['units']['sector_words'])})$")  # 公安 of 公安、应急等部门
VAGUE = re.compile("|".join(f"(?:{p})" for p in _c["vague"]["patterns"]))
KIND_RULES: tuple[tuple[str, re.Pattern], ...] = tuple(
    (kind, re.compile("|".join(f"(?:{p})" for p in pats))) for kind, pats in _c["kinds"].items()
)
_modal = alt(_c["in_sentence"]["modals"])
_adverb = alt(_c["in_sentence"]["adverbs"])
# an actor at the start of a sentence followed by a modal: "各级各部门要…", "市17个专项应急指挥部年内都要…"
_name_char = rf"[^，。；：！？、|{_O}{_C}\n]"  # a character of a name outside its brackets
_qualified = rf"(?:{_QUALIFIER.replace('?P<inner>', '?:')}{_name_char}{{0,20}}?)?"  # "（市、区）人民政府"
_actor = rf"(?P<actor>{_name_char}{{1,40}}?{_qualified}{_qualified}(?:[、和及]{_name_char}{{1,30}}?{_qualified})*?)"  # 各市（地）人民政府（行署）
# "县安委会各成员单位于每月25日前将…报送": 于 before a time works as a modal
_time_modal = rf"(?:{alt(_c['in_sentence']['time_modals'])})(?=[每次当今明\d一二三四五六七八九十])"
# …not the 要 of 主要/重要, the 应 of 供应/相应 (a word the modal ends), the 需 of 所需 (but 派出所要…)
_NOT_MODAL_AFTER = "".join(_c["in_sentence"]["modal_not_after"])
# (a comma may part the actor from its modal in older notices: "市直各有关部门，要依照各自职责…")
IN_SENTENCE_ACTOR = re.compile(rf"{_actor}，?(?:{_adverb})?(?<![{_NOT_MODAL_AFTER}])(?!(?<=所)[需应])(?:(?:{_modal})(?![求点是急用知])|{_time_modal}"
                               rf"|(?={alt(_c['in_sentence']['recurring'])}))")
# an actor at the start of a clause followed by a role verb: "县消防救援大队负责业务指导" (role from VERB_ROLES)
VERB_ROLES: dict[str, str] = dict(_c["in_sentence"]["verbs"])
IN_SENTENCE_VERB = re.compile(
    rf"{_actor}(?:{_adverb})?(?P<verb>{alt(VERB_ROLES)})(?!{alt(_c['in_sentence']['verb_not_before'])})"
)
# "省消防安全委员会在省政府领导下，负责…": the unit, under whose lead it works, then its role verb
IN_SENTENCE_UNDER = re.compile(
    rf"(?P<actor>{_name_char}{{2,30}}?{_qualified})在[^。；]{{1,24}}?(?:{alt(_c['in_sentence']['under_ends'])})，?"
    rf"(?:{_adverb})?(?P<verb>{alt(VERB_ROLES)})(?!{alt(_c['in_sentence']['verb_not_before'])})"
)
# a unit's name labelling its duties: "市应急局。负责…", "市经济信息委：负责…" (role responsible, lead for 牵头)
IN_SENTENCE_LABEL = re.compile(rf"{_actor}[。：](?P<verb>{alt(_c['in_sentence']['label_verbs'])})")
# a unit defined, then its duty: "县城市管理局是全县燃气安全的行业主管部门，负责…" (verb 负责, responsible)
IN_SENTENCE_COPULA = re.compile(
    rf"{_actor}(?:{alt(_c['in_sentence']['copulas'])})[^。；，]{{2,40}}，(?P<verb>负责)"
    rf"(?!{alt(_c['in_sentence']['verb_not_before'])})"
)
# "各县区政府是本辖区森林防灭火工作的责任主体" (responsible)
IN_SENTENCE_SUBJECT = re.compile(
    rf"{_actor}(?:{alt(_c['in_sentence']['copulas'])})[^。；，]{{0,40}}?(?:{alt(_c['in_sentence']['subject_nouns'])})"
)
# "辽阳市政府对全市行政区域内公共安全、…（不含…）…负责": the unit before a long 对… and its role verb
IN_SENTENCE_FOR = re.compile(
    rf"(?P<actor>{_name_char}{{1,30}}?{_qualified}){alt(_c['in_sentence']['for_words'])}[^。；]{{2,200}}?"
    rf"(?P<verb>{alt(_c['in_sentence']['for_verbs'])})(?!{alt(_c['in_sentence']['verb_not_before'])})"
)
JOINT = re.compile(alt(_c["in_sentence"]["joint"]))
JOINT_UNTIL = re.compile(alt(_c["in_sentence"]["joint_until"]))


_NON_TEXT_CHARS = r"\s。，；：、！？（）［］【】〔〕“”‘’《》\-—…·.,;:()\[\]*#"
TEXT_CHAR = re.compile(f"[^{_NON_TEXT_CHARS}]")  # a character that is more than whitespace or punctuation
