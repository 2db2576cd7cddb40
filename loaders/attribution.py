"""Parse an attribution — "(市住建局牵头，市自建房整治专班各成员部门分工负责)" — into roles.

`parse_attribution(content)` reads the text inside a bracket (or a table cell) and returns the
units with their roles, whether the list is open (等…), and any blanket default it declares
(以下均需…负责，不再一一列出). Offsets are relative to `content`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from loaders import patterns as P
from loaders.lexicon import cues
from loaders.units import end_before_object, is_unit_like, split_units, top_level_split

__all__ = ["Role", "Attribution", "parse_attribution", "parse_roles"]


@dataclass(frozen=True)
class Role:
    name: str
    role: str
    start: int
    end: int


@dataclass(frozen=True)
class Attribution:
    units: tuple[Role, ...]
    open_list: bool
    defaults: tuple[Role, ...] = field(default=())
    same_below: bool = False  # "…，下同": the units also answer for the tasks after it that name no one


def _roles_at_end(phrase: str) -> re.Pattern:
    return re.compile(rf"(?P<roles>(?:{phrase})(?:(?:{P.alt(cues()['connectors']['role_join'])})?(?:{phrase}))*)$")


_ROLES_AT_END_LITERAL = _roles_at_end(P.ROLE_PHRASE.pattern)
_ROLES_AT_END_ENT = _roles_at_end(P.ROLE_PHRASE_ENT.pattern)  # "…督促燃气经营企业落实"


def _names_enterprise(s: str, pos: int = 0, end: int | None = None) -> bool:
    end = len(s) if end is None else end
    return any(s.find(h, pos, end) >= 0 for h in P.ENTERPRISE_HEADS)


def _roles_at_end_of(s: str, pos: int = 0, end: int | None = None) -> re.Match | None:
    """The role phrases that end s[pos:end]; the enterprise-aware phrases (slower) only where it names one."""
    end = len(s) if end is None else end
    return (_ROLES_AT_END_ENT if _names_enterprise(s, pos, end) else _ROLES_AT_END_LITERAL).search(s, pos, end)
_WITH_LEAD = re.compile(P.alt(cues()["connectors"]["with_lead"]))
_ROLE_THEN_LIST = re.compile(rf"(?P<role>{P.ROLE_PHRASE.pattern})、")
_SAME_BELOW = re.compile(rf"[，,；]?(?:{P.alt(cues()['defaults']['same_below'])})[。；]?$")
_OVERSEE_VERB = re.compile(P.alt(cues()["oversee_verbs"]["verbs"]))
_BY_PREFIX = re.compile(P.alt(cues()["connectors"]["by_prefixes"]))
_UNIT_TRAILER = re.compile(rf"(?:{P.alt(cues()['connectors']['unit_trailers'])})$")
_THIS_AND = re.compile(r"本(?:项|条|款|部分|节)(?:及|和|与)\s*$")  # "本项及以下各项工作…": this item as well
_EXCEPT = re.compile(r"\s*除[^，,；;]{1,20}外\s*")  # an exception a blanket default makes, no unit
_TRAILING_DEFAULT = re.compile(rf"[，,；;]?(?:{P.alt(cues()['defaults']['trailing_closers'])})$")


def parse_roles(s: str) -> list[str]:
    """'负责并督促企业落实' -> ['responsible', 'oversee']; unknown text -> []."""
    roles, i = [], 0
    joins = cues()["connectors"]["role_join"]
    ent = _names_enterprise(s)
    while i < len(s):
        m = (P.ROLE_PHRASE_ENT if ent else P.ROLE_PHRASE).match(s, i)
        if m:
            roles.append(m.group(0))
            i = m.end()
            continue
        for j in joins:
            if s.startswith(j, i):
                i += len(j)
                break
        else:
            return []
    return roles


def _clauses(s: str) -> list[tuple[int, int]]:
    """Top-level clauses split on ， ； 。, and on 、 right after a role phrase ("市应急局牵头、市消防救援支队配合")."""
    out = []
    for a, b in top_level_split(s, "，；。;,"):
        for m in (_ROLE_THEN_LIST.finditer(s, a, b) if s.find("、", a, b) >= 0 else ()):
            out.append((a, m.end("role")))
            a = m.end()
        out.append((a, b))
    return out


# a role marked after one name: "市能源局（牵头）、市应急局", "市能源局（牵头单位）"
_MARK_ROLE = {**P.ROLE_OF, **{w: r for w, r in P.LABEL_ROLE.items() if r != "ignore"}}
_ROLE_MARK = re.compile(rf"[（(](?P<phrase>{P.alt(_MARK_ROLE)})[）)]")


def _units(s: str, a: int, b: int) -> tuple[list[tuple[str, int, int, str]], bool]:
    """(name, start, end, role marked after the name or "") of the units printed in s[a:b]."""
    by = _BY_PREFIX.match(s, a, b)  # "（分别由市住建局、市商务局负责）"
    if by and by.end() < b:
        a = by.end()
    text, marks = s[a:b], {}
    for m in _ROLE_MARK.finditer(text):
        marks[m.start()] = _MARK_ROLE[m.group("phrase")]
        text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    mentions, open_list = split_units(text)
    return [(m.name, a + m.start, a + m.end, _mark_after(text, m.end, marks)) for m in mentions], open_list


def _mark_after(text: str, end: int, marks: dict[int, str]) -> str:
    while end < len(text) and text[end] == " " and end not in marks:
        end += 1
    return marks.get(end, "")


def _enterprise_in(phrase: str) -> str | None:
    """The enterprise an oversight phrase names: "督促燃气经营企业落实" -> 燃气经营企业."""
    v = _OVERSEE_VERB.match(phrase)
    m = P.ENTERPRISE_AFTER.match(phrase, v.end()) if v and P.OVERSEE_ANY.fullmatch(phrase) else None
    if m:
        return m.group("ent")
    for name in sorted(P.ENTERPRISE_NAMES, key=len, reverse=True):
        if name in phrase:
            return name
    return None


# "督促学校、医疗机构、餐饮企业落实": short names joined by 、 before the word that completes the oversight
_SUPERVISED_MAX = 8
_SUPERVISED_LIST = re.compile(rf"(?P<items>[\u4e00-\u9fff、]{{4,60}}?)(?:{P.alt(cues()['oversee_verbs']['completions'])})")


def supervised_list(text: str, i: int, end: int | None = None) -> list[Role]:
    """The bodies listed after a verb of oversight at `i` up to the word that completes it, the last an
    enterprise ("督促学校、医疗机构、餐饮企业落实" -> 学校, 医疗机构, 餐饮企业), each responsible; else []."""
    m = (_SUPERVISED_LIST.match(text, i) if end is None else _SUPERVISED_LIST.fullmatch(text, i, end))
    if m is None:
        return []
    out, a = [], i
    for part in m.group("items").split("、"):
        if not part or len(part) > _SUPERVISED_MAX:
            return []
        out.append(Role(part, "responsible", a, a + len(part)))
        a += len(part) + 1
    return out if len(out) > 1 and P.ENTERPRISE_AFTER.fullmatch(out[-1].name) else []


def _oversee_list_clause(s: str, a: int, b: int, out: list[Role]) -> bool:
    """"市教育局督促学校、医疗机构、餐饮企业落实": the units before the verb oversee, the bodies listed after it
    are responsible; False (and nothing added) when s[a:b] is not that form."""
    for v in _OVERSEE_VERB.finditer(s, a, b):
        listed = supervised_list(s, v.end(), b)
        units, _ = _units(s, a, v.start()) if listed else ([], False)
        if units and all(is_unit_like(name) for name, *_ in units):
            out += [Role(name, "oversee", x, y) for name, x, y, _ in units] + listed
            return True
    return False


def _parse_clause(s: str, a: int, b: int, out: list[Role]) -> tuple[bool, bool]:
    """Parse one clause into `out`; returns (had_role_phrase, open_list)."""
    text = s[a:b]
    if _oversee_list_clause(s, a, b, out):
        return True, False
    m = _roles_at_end_of(text)
    if m and m.start() == 0:
        return True, False
    if not m:
        units, open_list = _units(s, a, b)
        for name, x, y, mark in units:
            out.append(Role(name, mark, x, y))
        return False, open_list
    phrases = parse_roles(m.group("roles"))
    roles = [P.role_of(p) for p in phrases]
    ub = a + m.start()
    open_list = False
    w = _WITH_LEAD.search(s, a, ub)
    if w:
        lead_units, o1 = _units(s, a, w.start())
        for name, x, y, mark in lead_units:
            out.append(Role(name, mark or "lead", x, y))
        a = w.end()
        open_list |= o1
    trailer = _UNIT_TRAILER.search(s, a, ub)  # "有关成员单位按职责分工指导督促企业落实"
    if trailer and trailer.start() > a:
        ub = trailer.start()
    ub = end_before_object(s, a, ub)  # "各乡镇人民政府对本辖区安全生产工作负总责"
    units, o2 = _units(s, a, ub)
    open_list |= o2
    for name, x, y, mark in units:
        for role in (mark,) if mark else dict.fromkeys(roles):
            out.append(Role(name, role, x, y))
    for p in phrases:
        ent = _enterprise_in(p)
        if ent and P.role_of(p) == "oversee":
            k = s.find(ent, ub, b)
            out.append(Role(ent, "responsible", k, k + len(ent)))
    return True, open_list


def _parse_labelled(s: str, a: int, b: int, out: list[Role]) -> bool:
    """'牵头单位：A；配合单位：B' forms; returns open_list."""
    open_list = False
    labels = list(P.LABEL.finditer(s, a, b))
    for k, m in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else b
        role = P.LABEL_ROLE[m.group("label")]
        if role == "ignore":
            continue
        for ca, cb in _clauses_in(s, m.end(), end):
            if _roles_at_end_of(s, ca, cb):  # "责任单位：A，B按职责分工负责": B's own role phrase
                _, o = _parse_clause(s, ca, cb, out)
                open_list |= o
                continue
            units, o = _units(s, ca, cb)
            open_list |= o
            for name, x, y, mark in units:
                out.append(Role(name, mark or role, x, y))
    return open_list


@lru_cache(maxsize=8192)  # pure, and the same brackets recur (Attribution is frozen, so sharing is safe)
def parse_attribution(content: str, *, table: bool = False) -> Attribution | None:
    """Units and roles in `content`, or None when it is not an attribution.

    With table=True (a 责任单位 cell) a bare unit list is accepted and read as `responsible`.
    """
    s = content
    units: list[Role] = []
    defaults: list[Role] = []
    open_list = False
    any_role = False
    same_below = False
    for sa, sb in _sentences(s):
        same = _SAME_BELOW.search(s, sa, sb)
        if same:  # "…分工负责，下同": these units, and a default of the same
            sb = same.start()
        sent = s[sa:sb]
        tail = _TRAILING_DEFAULT.search(sent)
        if tail and not P.DEFAULT_OPENER.search(sent):  # "各乡镇人民政府对本辖区…负总责，以下不再列出"
            tmp: list[Role] = []
            for ca, cb in _clauses_in(s, sa, sa + len(sent[:tail.start()].rstrip("，；,; "))):
                had, _ = _parse_clause(s, ca, cb, tmp)
                any_role |= had
            defaults += [r if r.role else Role(r.name, "responsible", r.start, r.end) for r in tmp]
            continue
        d = P.DEFAULT_OPENER.search(sent)
        if d and sent[:d.start()].strip("，；,; ") and not _THIS_AND.search(sent, 0, d.start()):
            # "A牵头，B配合；以下任务均由…": the units before it are the task's (not "本项及以下各项工作…": the scope)
            head = sa + len(sent[:d.start()].rstrip("，；,; "))
            for ca, cb in _clauses_in(s, sa, head):
                had, o = _parse_clause(s, ca, cb, units)
                any_role |= had
                open_list |= o
        if d:
            c = P.DEFAULT_CLOSER.search(sent, d.end())
            end = sa + (c.start() if c else len(sent))
            tmp: list[Role] = []
            for ca, cb in _clauses_in(s, sa + d.end(), end):
                if _EXCEPT.fullmatch(s, ca, cb):  # "以下各项工作，除明确具体责任单位外，X均负有…"
                    continue
                had, _ = _parse_clause(s, ca, cb, tmp)
                any_role |= had
            defaults += [r if r.role else Role(r.name, "responsible", r.start, r.end) for r in tmp]
            continue
        if any(P.LABEL_ROLE[m.group("label")] != "ignore" for m in P.LABEL.finditer(sent)):  # "责任单位：…"
            open_list |= _parse_labelled(s, sa, sb, units)
            any_role = True
            continue
        clause_roles: list[Role] = []
        for ca, cb in _clauses_in(s, sa, sb):
            had, o = _parse_clause(s, ca, cb, clause_roles)
            any_role |= had
            open_list |= o
        units += clause_roles
        same_below |= bool(same)
    if not units and not defaults:
        return None
    if not any_role and not table:
        return None
    if not all(is_unit_like(r.name) for r in units + defaults):
        return None
    resolved = _fill_roles(units)
    return Attribution(tuple(resolved), open_list, tuple(defaults), same_below)


def _sentences(s: str) -> list[tuple[int, int]]:
    return [(a, b) for a, b in top_level_split(s, "。") if s[a:b].strip()]


def _clauses_in(s: str, a: int, b: int) -> list[tuple[int, int]]:
    """Clauses of s[a:b], without those that only give a time limit ("2024年6月底前完成")."""
    return [(a + x, a + y) for x, y in _clauses(s[a:b]) if not P.DEADLINE.search(s[a + x:a + y])]


def _fill_roles(units: list[Role]) -> list[Role]:
    """Units printed without a role phrase take the role of the next listed clause when that is
    a plain (shared/responsible) role, else `responsible`."""
    out = []
    for k, r in enumerate(units):
        if r.role:
            out.append(r)
            continue
        nxt = next((u.role for u in units[k + 1:] if u.role), "")
        role = nxt if nxt in ("shared", "responsible") else "responsible"
        out.append(Role(r.name, role, r.start, r.end))
    return out
