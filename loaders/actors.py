"""Responsibility stated in the sentence itself: "各级各部门要…", "企业要…", "由你局牵头组织…".

Used only for tasks that carry no explicit attribution.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from loaders import patterns as P
from loaders.attribution import Role, parse_attribution, supervised_list
from loaders.lexicon import cues
from loaders.units import end_before_object, is_unit_like, split_units

__all__ = ["sentence_actors", "actor_cuts", "joint_partners", "may_act", "overseen"]

_BY = re.compile(rf"(?:^|(?<=[。；，\n])|(?<=[\u4e00-\u9fff]))(?<![{''.join(cues()['in_sentence']['by_not_after'])}])"
                 rf"(?:{P.alt(cues()['in_sentence']['by'])})(?![于此衷])(?P<units>[^，。；]{{2,40}}?)"
                 rf"(?P<role>牵头|负责|会同|组织|{P.alt(cues()['oversee_verbs']['later'])})"
                 rf"(?!{P.alt(cues()['in_sentence']['verb_not_before'])})")  # 由…负责人担任 names no one
# "由市煤炭工业局1名县级领导带队": the unit whose leader leads the group leads
_BY_LEADER = re.compile(rf"(?:{P.alt(cues()['in_sentence']['by'])})(?P<units>[^，。；]{{2,30}}?)"
                        rf"(?:\d{{1,2}}|[一两二三])?名?(?:{P.alt(cues()['in_sentence']['leader_ranks'])})?"
                        rf"(?:{P.alt(cues()['in_sentence']['leaders'])})(?:带队|牵头)")
_BY_OBJECT = re.compile(rf"(?:^|(?<=[。；，\n]))(?:{P.alt(cues()['in_sentence']['by'])})(?P<units>[^，。；对]{{2,30}}?)"
                        rf"(?:对[^，。；]{{1,40}}?(?:{P.alt(cues()['in_sentence']['by_object_verbs'])})"
                        rf"|(?={P.alt(cues()['connectors']['manner_openers'])}))")  # "由市安委办按照…原则提出意见"
# "由市公安局副局长韩琦任组长": the unit whose man heads the group leads; "成员由A、B有关人员组成": they support
_c = cues()["in_sentence"]
_NOT_ALONE = frozenset(cues()["units"]["not_alone"] + cues()["units"]["bare_heads"])  # 由政府主要领导任组长: no unit
_GROUP_HEAD = re.compile(rf"(?:{P.alt(_c['by'])})(?P<span>[^，。；]{{2,40}}?)(?:{P.alt(_c['group_head_verbs'])})"
                         rf"(?:副)?(?:{P.alt(_c['group_heads'])})")
_GROUP_MEMBERS = re.compile(rf"(?:{P.alt(_c['group_members'])})(?P<span>[^。；]{{2,80}}?)(?:的)?"
                            rf"(?:{P.alt(_c['group_member_ends'])})")
# after the actor's modal or 负责: a verb of oversight ("X要督促企业落实", "X负责指导督促…")
_OVERSEE = re.compile(rf"(?:{P.alt(cues()['in_sentence']['adverbs'])})?(?:(?:负责)?(?:{P.alt(cues()['oversee_verbs']['verbs'])})"
                      r"|加强(?:指导督促|督促指导|督促|指导)(?![和与]))")  # "加强指导督促"; not 加强监督管理
_SHARED_AFTER = re.compile(P.alt(w for w, r in P.VERB_ROLES.items() if r == "shared"))
_REQUEST = "请"
_NOT_ASKING = ("请示",)
_ASKING = tuple(cues()["in_sentence"]["asking"])  # what may stand before the unit asked to act
_JOINT_ROLE = cues()["in_sentence"]["joint_role"]  # the partners of "X会同Y…" (X leads)
_ROLE_AT_END = re.compile(rf"(?:{P.ROLE_PHRASE.pattern})$")
# "X要加强对《方案》实施的指导督促，…": X oversees what others carry out
_OVERSEE_OF = re.compile(rf"(?:加强|强化|做好)?对[^，。；]{{1,30}}?的(?:{P.alt(cues()['oversee_verbs']['verbs'])})(?=[，。；]|$)")
_ENTERPRISE = re.compile(P.alt(P.ENTERPRISE_NAMES))
# "X要对相关单位、企业整改落实情况进行督促检查": X oversees the bodies after 对
_OVERSEE_ON = re.compile(rf"(?:加强)?对(?P<objs>[^，。；]{{2,40}}?)(?:{P.alt(cues()['oversee_verbs']['on_before'])})"
                         rf"(?:{P.alt(cues()['oversee_verbs']['verbs'] + cues()['oversee_verbs']['on_verbs'])})")
_LATER_VERBS = frozenset(cues()["oversee_verbs"]["later"])
_LATER = re.compile(rf"(?:{P.alt(cues()['in_sentence']['adverbs'])})?(?:{P.alt(cues()['oversee_verbs']['later'])})")
_LEAD_IN = re.compile("|".join(f"(?:{w})" for w in cues()["oversee_verbs"]["lead_ins"]))
_PRONOUN_NOT_AFTER = tuple(cues()["in_sentence"]["pronoun_not_after"])
_PRONOUN_HEAD = re.compile(P.alt(cues()["in_sentence"]["pronoun_heads"]))
_LEAD_AFTER_MODAL = re.compile(P.alt(cues()["in_sentence"]["lead_after_modal"]))
_FILLERS = tuple(cues()["in_sentence"]["fillers"])
_WHEN_AFTER = re.compile(rf"(?<=.{{2}})(?:在[^，。；]{{1,12}}?(?:{P.alt(cues()['in_sentence']['when_ends'])})"
                         rf"|{P.alt(cues()['in_sentence']['when_phrases'])})$")
_WHEN_BEFORE = re.compile(P.alt(cues()["in_sentence"]["when_before"]))
_PUSHING = tuple(cues()["in_sentence"]["pushing"])
_PUSHED_START = tuple("各市县区镇乡省") + ("有关", "相关")  # bodies pushed are units named by level or 各, not 企业
_PUSHED_MAX = 15
_PUSH_ADVERB = re.compile(P.alt(cues()["in_sentence"]["push_adverbs"]))
_PERSON_TAILS = tuple(cues()["units"]["person_tails"]) + ("负责人",)
_PUSHED_PEOPLE = _PERSON_TAILS + ("领导", "干部")  # "督导县级党委政府领导定期…": people are pushed, not the units
_SUPERVISED_ENDS = tuple(cues()["oversee_verbs"]["supervised_ends"])
_MODAL_END = re.compile(rf"(?:{P.alt(cues()['in_sentence']['modals'])})$")
_LABEL_AFTER = "。；\n"  # where a labelled duty ("市应急局。负责…") may begin
_SENTENCE_STARTS = re.compile("[。；！？\n，：]")  # a sentence (or clause) may begin after each of these
# "本项任务由X负责": the actor is X (found by _BY), not the words before 由
_BY_INSIDE = re.compile(rf"(?<=[\u4e00-\u9fff])(?:{P.alt(cues()['in_sentence']['by'])})(?=.{{2}})")
_SKIP_ACTOR = re.compile(r"^(?:其(?![他它])|由|要|重点|主要|还|也|同时|进一步|切实|坚持|全面|对|在|将|把|以|按照|根据|依据|依照|参照|对照|配合|协助|会同|制定|充分|发挥|指导|督促|负责|提示|提醒|引导|现将|针对|通过|为|结合|加强|推进|推动|建立|完善|强化|开展|严格|压实|落实|明确|夯实|细化|组织(?!部)|持续|深入|积极|聚焦|围绕|成立|组建|设立)")


_PARTNER_GOES_ON = re.compile(P.alt(cues()["in_sentence"]["joint_acts"]))  # "县水利局|组成联合督查组": no name holds them


def _partners(text: str, i: int) -> list[Role]:
    """The units named right after 会同 at `i`, each in the role [in_sentence] joint_role gives: they end
    before a P.JOINT_UNTIL word ("会同县工信局加强指导" -> 县工信局) — the last such place where what comes
    before reads as units — or, failing that, at the end of the clause."""
    stop = min([k for k in (text.find(c, i) for c in "，。；\n") if k >= 0] or [len(text)])
    cuts = [m.start() for m in P.JOINT_UNTIL.finditer(text, i + 2, stop)]
    # where the names may end: before a JOINT_UNTIL word, at the clause end, else after a unit suffix
    # ("会同市委编办提出…" -> 市委编办), each name ending in one
    ends = sorted(cuts, reverse=True) + [stop] + sorted(
        (k for k in range(i + 2, stop) if P.UNIT_SUFFIX.search(text, i, k)), reverse=True)
    for k in ends:
        mentions, _ = split_units(text[i:k])
        if k - i <= 60 and mentions and all(is_unit_like(u.name) and P.UNIT_SUFFIX.search(u.name)
                                            and not _PARTNER_GOES_ON.search(u.name) for u in mentions):
            return [Role(u.name, _JOINT_ROLE, i + u.start, i + u.end) for u in mentions]
    for k in sorted(cuts, reverse=True) + [stop]:
        mentions, _ = split_units(text[i:k])
        if k - i <= 60 and mentions and all(is_unit_like(u.name) for u in mentions):
            return [Role(u.name, _JOINT_ROLE, i + u.start, i + u.end) for u in mentions]
    return []


def _enterprise_after(text: str, i: int) -> list[Role]:
    """The enterprise named just after a verb of oversight at `i` ("督促辖区企业…"), responsible; else []."""
    kinds = _KINDS_THEN_ENTERPRISE.match(text, i)  # "督促冶金、有色、建材等工贸企业落实": the kind after 等
    if kinds and (m := _longest_enterprise(text, kinds.end())):
        return [Role(m.group("ent"), "responsible", m.start("ent"), m.end("ent"))]
    listed = supervised_list(text, i)
    if listed:
        return listed
    m = _longest_enterprise(text, i)  # "督促煤矿企业落实" -> 煤矿企业
    if m:
        out = [Role(m.group("ent"), "responsible", m.start("ent"), m.end("ent"))]
        while text.startswith(_AND, m.end()) and (m := _longest_enterprise(text, m.end() + 1)):
            out.append(Role(m.group("ent"), "responsible", m.start("ent"), m.end("ent")))  # "…企业和校外供餐单位"
        return out
    ent = _ENTERPRISE.search(text, i, min(len(text), i + 12))
    if ent:
        return [Role(ent.group(0), "responsible", ent.start(), ent.end())]
    stop = min([k for k in (text.find(c, i) for c in "，。；\n") if k >= 0] or [len(text)])
    return _bodies(text, i, min(stop, i + 30), _SUPERVISED_ENDS)  # "督促有关单位对…进行加固": the bodies who implement


_AND = ("和", "及", "与", "、")
_KINDS_THEN_ENTERPRISE = re.compile(r"[^，。；：\n]{2,30}?、[^，。；：\n]{2,30}?等")  # kinds of business listed, then 等
_ENTERPRISE_SPAN = 16  # characters an enterprise's name may run to…
_NAME_STOP = re.compile(P.alt(cues()["oversee_verbs"]["completions"] + ["对", "在", "按", "要", "开展", "加强", "严格"]))  # …short of these


def _longest_enterprise(text: str, i: int) -> re.Match | None:
    """The longest enterprise name at `i` that no 和/、 cuts: "学校食堂承包经营企业" (not 学校)."""
    best = None
    for k in range(i + 1, min(len(text), i + _ENTERPRISE_SPAN) + 1):
        if text[k - 1] in _AND or text[k - 1] in "，。；：\n" or _NAME_STOP.search(text, i, k):
            break
        m = P.ENTERPRISE_AFTER.fullmatch(text, i, k)
        if m:
            best = m
    return best


def _oversight(text: str, i: int, of: bool = True) -> list[Role] | None:
    """When a verb of oversight begins at `i`, perhaps after a time or a basis ("督促企业落实", "于8月底前督促…",
    with `of` also "加强对…的指导督促" and "对相关单位、企业整改落实情况进行督促检查"): the enterprise (or the
    bodies) it names, responsible ([] if none); None when no such verb is there."""
    lead_in = _LEAD_IN.match(text, i)
    for k in (i, lead_in.end()) if lead_in else (i,):
        over = _OVERSEE.match(text, k)
        if over is not None:
            return _enterprise_after(text, over.end())
        over = _OVERSEE_OF.match(text, k) if of else None
        if over is not None:  # "加强对企业的指导督促": the enterprise is inside 对…的
            ent = _ENTERPRISE.search(text, over.start(), over.end())
            return [Role(ent.group(0), "responsible", ent.start(), ent.end())] if ent else []
        over = _OVERSEE_ON.match(text, k) if of else None
        if over is not None:  # "对相关单位、企业整改落实情况进行督促检查": the bodies after 对
            return _bodies(text, over.start("objs"), over.end("objs"))
    return None


_QUALIFIED = re.compile(rf"(?:{P.UNIT_SUFFIX.pattern.removesuffix('$')})（[\u4e00-\u9fff]{{1,6}}）$")  # "社区（村）"


def _bodies(text: str, a: int, b: int, ends: tuple[str, ...] = ()) -> list[Role]:
    """The longest run of unit names text[a:b] begins with ("相关单位、企业整改落实情况" -> 相关单位, 企业), each
    responsible (with `ends`, each name ending in one of them); [] when it begins with none."""
    for e in range(b, a + 1, -1):
        if "的" in text[a:e] or (not P.UNIT_SUFFIX.search(text, a, e) and not _ENTERPRISE.fullmatch(text, a, e)
                                and not _QUALIFIED.search(text, a, e)):
            continue
        mentions, _ = split_units(text[a:e])
        if mentions and all((is_unit_like(u.name) or _ENTERPRISE.fullmatch(u.name))
                            and (not ends or u.name.endswith(ends)) for u in mentions):
            return [Role(u.name, "responsible", a + u.start, a + u.end) for u in mentions]
    return []


def _later_oversight(text: str, i: int) -> list[Role]:
    """The bodies a clause later in the sentence from `i` oversees by name ("X要紧盯…，督促商贸企业落实…"):
    the first such clause's, [] when none names one."""
    stop = min([k for k in (text.find(c, i) for c in "。；\n") if k >= 0] or [len(text)])
    for c in re.finditer("，", text[i:stop]):
        later = _LATER.match(text, i + c.end())  # 督促…, not 监督检查 (enforcement, no one else implements)
        found = _enterprise_after(text, later.end()) if later else []
        if found:
            return found
    return []


def _with_oversight(text: str, r: Role) -> list[Role]:
    """`r`, overseeing (with the enterprise it oversees) when a verb of oversight follows it: "请你局督促企业落实"."""
    ent = _oversight(text, r.end, of=False)
    return [r] if ent is None else [Role(r.name, "oversee", r.start, r.end)] + ent


def _actor_units(m: re.Match) -> list:
    """The unit mentions of an actor match, or [] when any part of it is not a unit."""
    actor = m.group("actor")
    shift = 0
    push = next((w for w in _PUSHING if actor.startswith(w)), None)  # "…，督导县级党委常委会每季度要…": those pushed
    if push and push not in _ASKING and m.re is not P.IN_SENTENCE_ACTOR:  # (with a modal; "推动有关企业做好…" is
        # what is pushed, no actor; "要求县安委办牵头…" asks it)
        return []
    if push and actor.startswith(_PUSHED_START, len(push)) and is_unit_like(actor[len(push):]):
        actor, shift = actor[len(push):], len(push)
    by = _BY_INSIDE.search(actor)  # "燃气管道更新改造由市住建局负责": the actor is 市住建局 (found by _BY)
    if (_SKIP_ACTOR.match(actor) and actor not in P.ENTERPRISE_NAMES) or "，" in actor or "《" in actor \
            or (by and is_unit_like(actor[by.end():])) or actor.endswith(_PERSON_TAILS):
        return []  # "…政府及其部门主要领导负总责": a person, not a unit, acts
    number = P.LINE_START_MARKER.match(actor)  # "…工作。1. 由市应急局负责…" on a line a copy collapsed
    if number and is_unit_like(actor[number.end():].lstrip()):
        rest = actor[number.end():].lstrip()
        actor, shift = rest, shift + len(actor) - len(rest)
    for word in _ASKING:  # "请各地于5月20日前将…报送我局", "…，要求县安委办牵头…", "副区长要求“请区安委办…"
        k = actor.rfind(word)
        rest = actor[k + len(word):].lstrip("“\"‘")
        if k >= 0 and is_unit_like(rest) and not rest.startswith(_ASKING):
            actor, shift = rest, shift + len(actor) - len(rest)
            break
    actor = actor[:end_before_object(actor, 0, len(actor))]  # "各县市区人民政府对本行政区域内…负总责"
    actor = _WHEN_AFTER.sub("", actor)  # "调研组在调研期间要…": the time is no part of the name
    when = _WHEN_BEFORE.match(actor)  # "汛期各级各部门要…"
    if when and is_unit_like(actor[when.end():]):
        actor, shift = actor[when.end():], shift + when.end()
    if _MODAL_END.sub("", actor).endswith(_PERSON_TAILS):  # "各级人民政府主要负责人要对…负总责": a person
        return []
    mentions, _ = split_units(actor)
    good = [replace(u, start=u.start + shift, end=u.end + shift) for u in mentions
            if is_unit_like(u.name) or P.PRONOUN.fullmatch(u.name)]
    return good if len(good) == len(mentions) else []


_REQUESTED_START = "市县区省州盟旗镇乡街各"
_SHORT_NAMES = frozenset(cues()["units"]["short_names"])  # "请各县市区、…": a unit by its short name  # a unit asked by name begins with its level or 各
_NAME_GOES_ON = "会各办成有直属门"  # "市安委|会各成员单位", "市安委会|办公室"
_HEAD_GOES_ON = ("人民政府", "政府", "党委", "管委会")  # "请各乡镇|人民政府…": the name goes on with its head


def overseen(text: str) -> list[Role] | None:
    """When `text` opens with a verb of oversight ("督促企业落实…", "负责监督各有关责任单位…"), or a sentence or a
    label's text in it does ("…。整改要求：督促经营户立即更换…"): the bodies it oversees, responsible ([] when it
    names none); None when no sentence opens with such a verb."""
    for s in [0] + [m.end() for m in _OVERSEEN_AT.finditer(text)]:
        if (found := _oversight(text, s)) is not None:
            return found
    return None


_OVERSEEN_AT = re.compile("[。；：\n]")


def may_act(name: str) -> bool:
    """Whether `name` may be an actor's name: it begins with no verb or preposition (压实部门, 按照…)."""
    return _SKIP_ACTOR.match(name) is None


def _group(text: str, found: list[Role]) -> list[Role]:
    """A group's make-up: the unit whose man heads it leads ("由市安监局局长赵福才任组长": 市安监局, the name
    and title after it no part of the unit), the member units support."""
    out: list[Role] = []
    for m in _GROUP_HEAD.finditer(text):
        a, span = m.start("span"), m.group("span")
        for e in range(len(span), 1, -1):  # the longest unit the span begins with, not a title's 局|长
            name = span[:e]
            if P.UNIT_SUFFIX.search(name) and span[e:e + 1] != "长" and is_unit_like(name) and name not in _NOT_ALONE \
                    and not any(r.start <= a < r.end for r in found):
                out.append(Role(name, "lead", a, a + e))
                break
    for m in _GROUP_MEMBERS.finditer(text):
        mentions, _ = split_units(m.group("span"))
        if out and mentions and all(is_unit_like(u.name) for u in mentions):
            a = m.start("span")
            leads = {r.name for r in out}  # the leading unit among the members leads, no more
            out += [Role(u.name, "support", a + u.start, a + u.end) for u in mentions if u.name not in leads]
    return out


def _requested(text: str, s: int) -> list[Role]:
    """The unit a request at `s` names ("请市应急管理局加强检查" -> 市应急管理局), responsible; [] when what follows
    请 does not begin with a unit's name. The name is the shortest one that ends in a unit suffix and does not
    go on (安委会 in 市安委会各成员单位 goes on)."""
    if P.PRONOUN.match(text, s + 1) or text[s + 1:s + 2] not in _REQUESTED_START:  # "请你局…": the pronoun's
        return []  # own path; "请认真组织实施", "请依法依规按程序办理" ask no one by name
    out: list[Role] = []
    a = s + 1
    while True:  # "请各区县住建局、市安监总站、各有关单位切实做好…", "请各乡镇人民政府，高新区管委会及时…": each name
        stop = min([k for k in (text.find(c, a) for c in "，。；：、\n") if k >= 0] or [len(text)])
        e = next((e for e in range(a + 2, min(stop, a + 30) + 1)
                  if (P.UNIT_SUFFIX.search(text, a, e) or (text[e - 1] == "）" and "（" in text[a:e])
                      or (text[a:e] in _SHORT_NAMES and e == stop))
                  and is_unit_like(text[a:e])
                  and text[e:e + 1] not in _NAME_GOES_ON and not text.startswith(_HEAD_GOES_ON, e)
                  and text.count("（", a, e) == text.count("）", a, e)  # "请各镇乡（街道）…": not inside its bracket
                  and not P.JOINT.search(text, a, e)), None)
        if e is None or e == len(text) or (e == stop and text[e] not in "、，"):
            return out  # the names so far ([] when the first is none: "请认真组织实施")
        out.append(Role(text[a:e], "responsible", a, e))
        if text[e] not in "、，":
            return out
        a = e + 1


def _named_since(text: str, s: int, found: list[Role]) -> bool:
    """Whether the sentence `s` is in named someone before `s` (among `found`, or by a pronoun: "同意你局…，请…")."""
    start = max(text.rfind(c, 0, s) for c in "。；！？\n") + 1
    return any(start <= r.start < s for r in found) or P.PRONOUN.search(text, start, s) is not None


_TIME_CLAUSE = re.compile(rf"在[^，。；]{{1,30}}?(?:{P.alt(cues()['in_sentence']['when_ends'])})")


def _listed_before(text: str, s: int, role: str) -> list[Role]:
    """The units of the clause before the actor's at `s` when that clause opens the sentence and holds only
    unit names: the list of actors went on past a comma ("各区、县（市）卫生健康局，委属各单位要…")."""
    if text[s - 1:s] != "，":
        return []
    ps = max(text.rfind(c, 0, s - 1) for c in "。；！？\n：，") + 1
    if ps > 0 and text[ps - 1] == "，" and not _TIME_CLAUSE.fullmatch(
            text, max(text.rfind(c, 0, ps - 1) for c in "。；！？\n：，") + 1, ps - 1):  # "在…期间，各村，单位要…"
        return []
    if s - 1 - ps > 40 or P.IN_SENTENCE_ACTOR.match(text, ps, s - 1) \
            or P.IN_SENTENCE_VERB.match(text, ps, s - 1):  # "各牵头单位要按季度报送市安委办，…": no list
        return []
    mentions, _ = split_units(text[ps:s - 1])
    if not mentions or not all(u.name in _SHORT_NAMES or (is_unit_like(u.name) and P.UNIT_SUFFIX.search(u.name))
                               for u in mentions):  # "各地、各专委会，各安委会成员单位…要…"
        return []
    return [Role(u.name, role, ps + u.start, ps + u.end) for u in mentions]


def _leads_after(text: str, i: int) -> bool:
    """Whether 牵头 follows an actor's modal at `i`, perhaps after a time or a basis ("要在放假前牵头")."""
    lead_in = _LEAD_IN.match(text, i)
    return _LEAD_AFTER_MODAL.match(text, lead_in.end() if lead_in else i) is not None


def _without_request(r: Role) -> Role:
    """"请你局…" asks the addressee: the actor is 你局, not 请你局."""
    if r.name.startswith(_REQUEST) and (P.PRONOUN.fullmatch(r.name[1:]) or is_unit_like(r.name[1:])):
        return Role(r.name[1:], r.role, r.start + 1, r.end)
    return r


@lru_cache(maxsize=4096)  # pure; actor_cuts and the task that follows read the same text
def sentence_actors(text: str) -> tuple[Role, ...]:
    """Actors named at sentence starts in `text` (offsets relative to `text`), role responsible
    (lead for "由X牵头"), each name once: where first named, in the strongest role it is given
    ("我局将会同…。…我局将及时督促整改": lead)."""
    first: dict[str, Role] = {}
    for r in _mentions(text):
        if r.name not in first:
            first[r.name] = r
        elif _STRENGTH.index(r.role) < _STRENGTH.index(first[r.name].role):
            first[r.name] = replace(first[r.name], role=r.role)
    return tuple(first.values())


_STRENGTH = ("lead", "oversee", "shared", "responsible", "support")  # which role a unit named twice keeps


@lru_cache(maxsize=4096)
def _mentions(text: str) -> tuple[Role, ...]:
    """Every actor mention of sentence_actors, in order (a unit named again is there again)."""
    out: list[Role] = []
    for m in _BY.finditer(text):
        a = m.start("units")
        stop = min([k for k in (text.find("。", a), text.find("；", a)) if k >= 0] or [len(text)])
        best = None
        last = a
        for k in [i for i in range(a, stop) if text[i] == "，"] + [stop]:
            # the longest run of clauses that each end in a role phrase: "由A牵头，B配合，全面排查…经营单位" stops at 配合
            if not _ROLE_AT_END.search(text, last, k):
                break
            parsed = parse_attribution(text[a:k])
            if parsed is not None:
                best, after = parsed, k + 1
            last = k + 1
        if best is not None:
            out += [Role(r.name, r.role, a + r.start, a + r.end) for r in best.units]
            if joint := P.JOINT.match(text, after):  # "由市应急管理局牵头，会同市司法局将…"
                out += _partners(text, joint.end())
            continue
        over = m.group("role") in _LATER_VERBS  # "由行业主管部门督促各企业…": they oversee, the enterprise implements
        role = "lead" if m.group("role") in ("牵头", "会同") else "oversee" if over else "responsible"
        mentions, _ = split_units(m.group("units"))
        named = [Role(u.name, role, a + u.start, a + u.end) for u in mentions
                 if is_unit_like(u.name) or P.PRONOUN.fullmatch(u.name)]
        out += named
        if named and over:
            out += _enterprise_after(text, m.end())
        if named and P.JOINT.fullmatch(m.group("role")):  # "由你局会同市市场监管局实施…"
            out += _partners(text, m.end())
        elif named and (joint := P.JOINT.match(text, m.end() + text.startswith("，", m.end()))):
            out += _partners(text, joint.end())  # "由省应急厅牵头（，）会同省工信厅、省公安厅，…"
    for m in _BY_LEADER.finditer(text):
        mentions, _ = split_units(m.group("units"))
        if mentions and all(is_unit_like(u.name) for u in mentions) \
                and not any(r.start <= m.start("units") < r.end for r in out):
            out += [Role(u.name, "lead", m.start("units") + u.start, m.start("units") + u.end) for u in mentions]
    for m in _BY_OBJECT.finditer(text):  # "由旗安委会对相关苏木镇和部门主要负责人进行约谈"
        mentions, _ = split_units(m.group("units"))
        if mentions and all(is_unit_like(u.name) for u in mentions) \
                and not any(r.start <= m.start("units") < r.end for r in out):
            out += [Role(u.name, "responsible", m.start("units") + u.start, m.start("units") + u.end) for u in mentions]
    out += _group(text, out)
    starts = [0] + [m.end() for m in _SENTENCE_STARTS.finditer(text)]
    for s in starts:
        while s < len(text) and text[s] in "，、 \n":
            s += 1
        filler = next((f for f in _FILLERS if text.startswith(f, s)), "")
        s += len(filler)  # "尤其是两个风景区所在的村要…"
        # the actor before a modal ("X要…") or a role verb ("X负责…"), whichever reads as units: the 应 of 供应站
        # in "X负责组织加油站、液化气供应站…" is no modal
        # …the shortest actor wins: in "X负责抓好企业主要负责人…" the 要 of 主要 is no modal
        found = [(m, good) for m in (P.IN_SENTENCE_ACTOR.match(text, s), P.IN_SENTENCE_VERB.match(text, s),
                                     P.IN_SENTENCE_COPULA.match(text, s), P.IN_SENTENCE_SUBJECT.match(text, s),
                                     P.IN_SENTENCE_UNDER.match(text, s))
                 if m and (good := _actor_units(m))]
        if not found and (m := P.IN_SENTENCE_FOR.match(text, s)) and (good := _actor_units(m)):
            found = [(m, good)]  # "X对本行政区域内的…（…）…负总责"
        if not found and text.startswith(_REQUEST, s):  # "请各成员单位确定1名联络员。": asked, so answerable
            asked = _requested(text, s)
            if not asked and not P.PRONOUN.match(text, s + 1) and not text.startswith(_NOT_ASKING, s) \
                    and (s == 0 or text[s - 1] in "。；！？\n" or not _named_since(text, s, out)):
                # a sentence's own, or after clauses that name no one ("为加强…监管，请根据…"), not "X，请…" (X is asked)
                asked = [Role(P.EVERY_ADDRESSEE, "responsible", s, s + 1)]  # "请认真贯彻执行": whom the letter addresses
            out += asked
            continue
        lead_in = _PUSH_ADVERB.match(text, s)  # "全面推动各级党委政府、有关部门和企事业单位…"
        push = next((w for w in _PUSHING if text.startswith(w, lead_in.end() if lead_in else s)), None) \
            if s == 0 or text[s - 1] in "。；！？\n" else None  # at a sentence start (after a comma the sentence's own
        if push and lead_in:                                   # actor pushes)
            push = lead_in.group(0) + push
        if not found and push:  # "推动各镇（街道）、有关部门…定期开展…": the bodies pushed answer for it
            stop = min([k for k in (text.find(c, s) for c in "，。；：\n") if k >= 0] or [len(text)])
            bodies = _bodies(text, s + len(push), min(stop, s + len(push) + 40))
            if bodies and all(len(r.name) <= _PUSHED_MAX and r.end < stop for r in bodies) \
                    and not text.startswith(_PUSHED_PEOPLE, bodies[-1].end) \
                    and all(r.name.startswith(_PUSHED_START) for r in bodies[:1]) \
                    and all(r.name.startswith(_PUSHED_START) or r.name.endswith(_SUPERVISED_ENDS) for r in bodies[1:]):
                # (bodies named by level or 各 first: "推动各级党委政府、有关部门和企事业单位…", not "督促企业…")
                out += bodies  # (a name the clause ends with is what is pushed, no actor)
            continue
        if not found and (s == 0 or text[s - 1] in _LABEL_AFTER):  # "市应急局。负责…" at a sentence start
            m = P.IN_SENTENCE_LABEL.match(text, s)
            good = _actor_units(m) if m else []
            if good and all(P.UNIT_SUFFIX.search(u.name) for u in good):
                role = "lead" if m.group("verb") == "牵头" else "responsible"
                out += [Role(u.name, role, s + u.start, s + u.end) for u in good]
            continue
        if not found:
            continue
        m, good = min(found, key=lambda x: x[0].end("actor"))
        role = P.VERB_ROLES.get(m.group("verb"), "responsible") if "verb" in m.re.groupindex else "responsible"
        if role == "responsible" and _SHARED_AFTER.match(text, m.end()):  # "X等部门要按照职责分工…"
            role = "shared"
        elif role == "responsible" and "verb" not in m.re.groupindex and _leads_after(text, m.end()):
            role = "lead"  # "X要牵头组织…", "X要在放假前牵头…"
        ent = _oversight(text, m.end()) if role == "responsible" else None
        if ent is None and role == "responsible":  # "X要紧盯…，督促商贸企业落实…": a later clause oversees
            ent = _later_oversight(text, m.end()) or None
        if ent is not None:  # "X要督促企业落实…", "X负责督促辖区企业…": X oversees, the enterprise implements
            role = "oversee"
            out += ent
        if "verb" in m.re.groupindex:  # a role verb; 会同 itself names partners after it
            joint_end = m.end() if P.JOINT.fullmatch(m.group("verb")) else None
        else:  # a modal: "X要会同Y…"
            joint = P.JOINT.match(text, m.end())
            joint_end = joint.end() if joint else None
        partners = _partners(text, joint_end) if joint_end is not None else []
        if not partners and role in ("responsible", "lead"):  # "X要加强…，会同Y规范…", "X牵头，联合Y…": a later clause
            stop = min([k for k in (text.find(c, m.end()) for c in "。；\n") if k >= 0] or [len(text)])
            later = _JOINT_AT_CLAUSE.search(text, m.end(), stop)
            partners = _partners(text, later.end()) if later else []
        if partners:
            role = "lead"
        out += _listed_before(text, s, role)  # "各区、县（市）卫生健康局，委属各单位要…"
        for u in good:
            out.append(Role(u.name, role, s + u.start, s + u.end))
        out += partners
    for m in P.PRONOUN.finditer(text):
        if text[max(0, m.start() - 1):m.start()] in _PRONOUN_NOT_AFTER:  # "对你县有关负责人进行约谈"
            continue
        if not any(r.start <= m.start() < r.end for r in out):
            head = _PRONOUN_HEAD.match(text, m.end())  # "你市安委会": a body of the addressee's area
            end = head.end() if head else m.end()
            out += _with_oversight(text, Role(text[m.start():end], "responsible", m.start(), end))
    return tuple(sorted(map(_without_request, out), key=lambda r: (r.start, r.role)))


_JOINT_AT_CLAUSE = re.compile(rf"(?:^|(?<=[，；。]))(?:{P.JOINT.pattern})")


def joint_partners(text: str) -> list[Role]:
    """The partners of a 会同 that opens a clause with its subject left out ("牵头开展…，会同市自然资源和规划局、
    市市场监管局建立…", in one unit's list of duties), each in the [in_sentence] joint_role."""
    return [r for m in _JOINT_AT_CLAUSE.finditer(text) for r in _partners(text, m.end())]


_LABEL_STARTS = re.compile("[。；\n]")  # where a unit's labelled duties may begin


def actor_cuts(text: str) -> list[int]:
    """Where the duties of a text without brackets begin when it lists units' duties each under the unit's name
    ("市经济信息委：负责工业企业的行业管理。市住房城乡建委：负责施工安全监督管理。"): the start of each such label
    after the first; offsets relative to `text`. [] for one duty. A numbered item whose sentences merely name
    different actors ("各乡镇要加强巡查。县直有关部门要加强指导。") stays one duty with all of them."""
    starts = [0] + [m.end() for m in _LABEL_STARTS.finditer(text)]
    labels = []
    for s in starts:
        while s < len(text) and text[s] in " \n":
            s += 1
        m = P.IN_SENTENCE_LABEL.match(text, s)
        if m and (good := _actor_units(m)) and all(P.UNIT_SUFFIX.search(u.name) for u in good):
            labels.append(s)
    return sorted(set(labels))[1:]  # what comes before the first label (the item's title) stays with it
