"""Split a file into official documents and read each one's header and closing metadata.

A file may hold several documents (a notice followed by reply letters, each behind a page
header such as 临汾市人民政府). A document is anchored on its 文号 line; a file with no 文号
(e.g. a policy interpretation) is one document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders import patterns as P
from loaders.lexicon import by_length, cues, jurisdictions, place_prefix
from loaders.units import is_unit_like, split_list, split_list_spans

__all__ = ["Line", "lines_of", "line_spans", "DocFrame", "frame_documents", "unclosing_lines"]

_TITLE_END = P.TITLE_END
_ISSUER = re.compile(
    r"^(?P<issuer>[\u4e00-\u9fff（）]{2,30}?(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|委员会办公室|委员会|"
    r"管理局|办公室|办公厅|局|厅|委|管委会|指挥部|支队|大队|总队))(?:文件|(?:专题|常务|全体)?会议纪要|明传电报)?$"
)
_INTERPRETER = re.compile(r"^解读(?:单位|机关|部门)[：:](?P<issuer>.+)$")
# a telegram's header (明传电报): "等级：特急·明电  市政办明电〔2025〕15号" holds the number after its grade words;
# "发电单位：…  签批盘号：" is no addressee line
_TELEGRAM_LABELS = cues()["documents"]["telegram_labels"]
_TELEGRAM_LABEL = re.compile(rf"^(?:{P.alt(_TELEGRAM_LABELS)})[：:]")
_GRADE_NUMBER = re.compile(rf"^等级[：:](?:{P.alt(cues()['documents']['telegram_grades'])}|[·・.、\s])*"
                           rf"(?P<num>{P.DOC_NUMBER.pattern})$")


def _number_line(text: str) -> re.Match | None:
    """A line that is a 文号 (P.NUMBER_LINE), or a telegram's 等级 line ending in one."""
    return P.NUMBER_LINE.match(text) or _GRADE_NUMBER.match(text)


@dataclass(frozen=True)
class Line:
    text: str
    start: int  # clean offsets
    end: int


def line_spans(text: str, start: int = 0, end: int | None = None):
    """Yield (start, end) of the non-empty clean lines within [start, end)."""
    end = len(text) if end is None else end
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        if stop > pos:
            yield pos, stop
        pos = stop + 1


def lines_of(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """Non-empty clean lines within [start, end)."""
    return [Line(text[a:b], a, b) for a, b in line_spans(text, start, end)]


@dataclass
class DocFrame:
    """Where one document lies in the clean text, and its metadata (clean offsets)."""

    start: int
    end: int
    body_start: int
    body_end: int
    number: str | None = None
    issuer: str | None = None
    title: str | None = None
    title_span: tuple[int, int] | None = None
    date: str | None = None
    jurisdiction: str | None = None
    level: str | None = None
    kind: str = "other"
    addressees: list[tuple[str, int, int]] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    cited_numbers: list[str] = field(default_factory=list)
    # a notice that prints what it issues after its signature (关于印发…的通知 + the 工作要点 itself): the body
    # runs on past the signature block [signature_start, signature_end) to body_end
    signature: tuple[int, int] | None = None
    number_span: tuple[int, int] | None = None  # where the 文号 is printed (its brackets and 第 as printed)
    printed_number: str | None = None  # the 文号 as a site's 发文字号 label prints it
    short_issuer: str | None = None  # an issuer a title names by a short form, when nothing else names one


def _norm_number(m: re.Match) -> str:
    return f"{m.group('prefix')}〔{m.group('year')}〕{m.group('seq')}号"


def _is_header_line(t: str) -> bool:
    return len(t) <= 90 and "。" not in t and not P.LINE_START_MARKER.match(t)


def frame_documents(text: str) -> list[DocFrame]:
    """Find the documents in clean `text`."""
    lines = lines_of(text)
    anchors = [k for k, ln in enumerate(lines) if _number_line(ln.text) and k < len(lines) - 1]
    frames: list[DocFrame] = []
    if not anchors:
        frames.append(_frame(text, lines, 0, len(lines), None))
        return frames
    starts = []
    for a in anchors:
        k = a
        # walk back over the header block (title, issuer, page header) to the previous closing line
        while k - 1 >= 0 and _is_header_line(lines[k - 1].text) and not P.CLOSING_LINE.match(lines[k - 1].text) \
                and not P.SIGNATURE_DATE.match(lines[k - 1].text):  # 二〇二四年十一月二十八日 ends the one before
            if starts and k - 1 <= anchors[len(starts) - 1]:
                break
            k -= 1
            if a - k >= 6:
                break
        starts.append(k)
    starts[0] = 0 if all(_is_header_line(ln.text) for ln in lines[: starts[0]]) else starts[0]
    for i, (s, a) in enumerate(zip(starts, anchors)):
        e = starts[i + 1] if i + 1 < len(starts) else len(lines)
        frames.append(_frame(text, lines, s, e, a, lines[:s] if i == 0 else []))
    return frames


# how an addressee list may begin when it is the first line of the text (a web copy that lost the title)
_OPENING_ADDRESSEE = ("各", "市", "县", "区", "省", "驻", "有关")


def _named(line: str) -> bool:
    """Whether an addressee line ("龙岗区人民政府：") names only units, each ending in a unit's suffix."""
    names = split_list(line[:-1])
    return bool(names) and all(P.UNIT_SUFFIX.search(n) and is_unit_like(n) for n in names)


def _page_date(lines: list[Line]) -> str | None:
    """The first date on the page's lines above the document's text (up to its first sentence or numbered item):
    "2021-06-06 浦江县 收藏", "• 2023年08月24日", "来源：岳阳县政府网 2017-08-17"."""
    for ln in lines[:_PAGE_DATE_LINES]:
        if "。" in ln.text or P.LINE_START_MARKER.match(ln.text):
            return None
        m = _PAGE_DATE.search(ln.text) if len(ln.text) <= _PAGE_DATE_LINE else None
        if m:
            return P.date_iso(m)
    return None


def _frame(text: str, lines: list[Line], s: int, e: int, anchor: int | None, before: list[Line] = ()) -> DocFrame:
    """The document in lines[s:e] (`anchor`: its 文号 line; `before`: the page's lines above the first document)."""
    seg = lines[s:e]
    if not seg:
        return DocFrame(0, 0, 0, 0)
    fr = DocFrame(start=seg[0].start, end=seg[-1].end, body_start=seg[0].start, body_end=seg[-1].end)
    head_end = (anchor - s + 1) if anchor is not None else 0
    if anchor is not None:
        m = _number_line(lines[anchor].text)
        fr.number = _norm_number(m)
        fr.number_span = (lines[anchor].start + m.start("prefix"), lines[anchor].start + m.end("seq") + 1)
    # header: lines up to the addressee line (主送) or the first numbered heading
    body_k = None
    for k in range(0, min(len(seg), head_end + 8)):
        t = seg[k].text
        if k >= head_end and P.LINE_START_MARKER.match(t):
            body_k = k
            break
        if P.ADDRESSEE_LINE.match(t) and (k >= max(head_end, 1) or t.startswith(_OPENING_ADDRESSEE) or _named(t)) \
                and not _INTERPRETER.match(t) \
                and not _TELEGRAM_LABEL.match(t) and not P.SITE_LABEL.match(t) \
                and not t.startswith("解读") and len(t) < 200:
            fr.addressees = [(name, seg[k].start + a, seg[k].start + b) for name, a, b in split_list_spans(t[:-1])]
            body_k = k + 1
            break
    header = seg[: body_k if body_k is not None else min(len(seg), head_end + 3)]
    site = _site_labels(seg[: min(len(seg), max(head_end, 0) + 25)])
    if body_k is None:
        # no addressee: body starts after the title block
        body_k = len(header)
        for k, ln in enumerate(header):
            if _INTERPRETER.match(ln.text):
                body_k = k + 1
    fr.body_start = seg[body_k].start if body_k < len(seg) else seg[-1].end
    _read_header(fr, header)
    _read_closing(fr, seg[body_k:])
    fr.issuer = fr.issuer or fr.short_issuer
    if fr.date is None:  # signed above the body: a 印发 notice whose copy lost its addressee line
        dated = next((m for m in map(P.SIGNATURE_DATE.match, (ln.text for ln in header)) if m), None)
        fr.date = P.date_iso(dated) if dated else None
    _apply_site_labels(fr, site)
    if fr.date is None:  # neither signed nor labelled: the date the page shows above the text
        fr.date = _page_date([*before, *seg])
    _derive(fr)
    if fr.kind == "other" and fr.title is None and any(_NOTIFIES.search(ln.text) for ln in seg[body_k:body_k + 3]):
        fr.kind = "notice"  # no title printed, but the body says it notifies ("现将有关事项通知如下：")
    own = fr.number
    seen = []
    for m in _doc_numbers(text, fr.start, fr.end):
        n = _norm_number(m)
        if fr.number_span is not None and m.end() == fr.number_span[1]:
            continue  # its own number, read with the words before it ("明电市政办明电〔2025〕15号")
        if n != own and n not in seen:
            seen.append(n)
    fr.cited_numbers = seen
    return fr


def _doc_numbers(text: str, start: int, end: int) -> list[re.Match]:
    """The matches of P.DOC_NUMBER.finditer(text, start, end), found from the brackets backwards.

    Trying the 1-12 character prefix at every position of a document is slow; a match ends at a
    DOC_NUMBER_TAIL and its prefix (Chinese characters only) starts at most 12 characters before it.
    """
    out, pos = [], start
    for t in P.DOC_NUMBER_TAIL.finditer(text, start, end):
        m = P.DOC_NUMBER.search(text, max(pos, t.start() - 12), t.end())
        if m:
            out.append(m)
            pos = m.end()
    return out


def _site_labels(lines: list[Line]) -> dict[str, str]:
    """Metadata printed by government web sites: "发文机关：… 成文日期：… 发文字号：…"."""
    found: dict[str, tuple[int, str]] = {}
    for ln in lines:
        labels = list(P.SITE_LABEL.finditer(ln.text))
        # (a field the page left empty may come first: "责任部门：发文日期：2023年03月01日")
        if not labels or (labels[0].start() != 0 and not _EMPTY_FIELD.fullmatch(ln.text, 0, labels[0].start())):
            for field_, rank, value in _glued_fields(ln.text):
                if field_ not in found or rank < found[field_][0]:
                    found[field_] = (rank, value)
            continue
        for k, m in enumerate(labels):
            end = labels[k + 1].start() if k + 1 < len(labels) else len(ln.text)
            field_, rank = P.SITE_FIELDS.get(m.group("label"), (None, 9))
            value = ln.text[m.end():end].strip()
            if field_ and value and (field_ not in found or rank < found[field_][0]):
                found[field_] = (rank, value)
    return {f: v for f, (_, v) in found.items()}


_BARE_LABEL = re.compile(P.alt(P.SITE_LABEL_WORDS))
_EMPTY_FIELD = re.compile(r"[\u4e00-\u9fff]{2,6}[：:]")
_FITS = {  # what a field's value looks like when no separator tells where its label ends
    "number": lambda v: P.DOC_NUMBER.match(v) is not None,
    "date": lambda v: re.match(r"\d{4}[-年./]\d{1,2}[-月./]\d{1,2}", v) is not None,
    "issuer": lambda v: len(v) <= 30 and P.UNIT_SUFFIX.search(v) is not None,
    "title": lambda v: len(v) <= _MAX_TITLE and P.TITLE_END.search(v) is not None,
}


def _glued_fields(line: str) -> list[tuple[str, int, str]]:
    """(field, rank, value) of a site's information row printed with no separators ("发文字号临政函〔2024〕9号发布日期
    2024-02-09"): each label's value runs to the next label; a value that does not look like its field is dropped."""
    labels = list(_BARE_LABEL.finditer(line))
    if not labels or labels[0].start() != 0:
        return []
    out = []
    for k, m in enumerate(labels):
        field_, rank = P.SITE_FIELDS.get(m.group(0), (None, 9))
        value = line[m.end():labels[k + 1].start() if k + 1 < len(labels) else len(line)]
        if field_ and value and _FITS[field_](value):
            out.append((field_, rank, value))
    return out


def _apply_site_labels(fr: DocFrame, site: dict[str, str]) -> None:
    if "number" in site and fr.number is None:
        m = P.DOC_NUMBER.search(site["number"])
        if m:
            fr.number = _norm_number(m)
            fr.printed_number = re.sub(r"\s+", "", m.group(0))
    if "issuer" in site and fr.issuer is None:
        fr.issuer = site["issuer"]
    if "title" in site and fr.title is None:
        title = site["title"]
        k = title.find("关于")
        if k > 0 and _ISSUER.match(title[:k]):
            fr.issuer = fr.issuer or _ISSUER.match(title[:k]).group("issuer")
            title = title[k:]
        fr.title = title
    if "date" in site and fr.date is None:
        m = P.DATE.search(site["date"]) or re.search(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})", site["date"])
        if m:
            fr.date = P.date_iso(m)
    _derive(fr)


_NUMBER_AFTER = re.compile(rf"[（(]{P.DOC_NUMBER.pattern}[）)]$")
_MAX_TITLE = 150  # characters: a longer line is a paragraph, whatever words it holds


_ORG_END = re.compile(r"(?:办|会|组|班|部|中心)$")  # a body _ISSUER does not list: 省安委办, 领导小组, 工作专班


def _title_parts(line: str) -> tuple[re.Match | None, str | None, int]:
    """What a title line prints before its title proper: a 文号 a page may put first, the issuer ("X关于…",
    "X转发Y关于…"), and where the title begins (0 when the words before 关于 are part of it:
    "学习宣传贯彻习近平总书记关于…专题")."""
    k = line.find("关于")
    if k <= 0 or line.startswith("《"):
        return None, None, 0
    number = P.DOC_NUMBER.match(line, 0, k)
    at = number.end() if number else 0
    forward = line.find("转发", at, k)  # the title of a forwarding notice is 转发Y关于…
    who = line[at:forward] if forward > at else line[at:k]
    im = _ISSUER.match(who)
    if im is None and not _ORG_END.search(who):
        return number, None, at
    return number, (im.group("issuer") if im else who), (forward if forward > at else k)


def _title_prefix(fr: DocFrame, line: str) -> None:
    """The 文号 and the issuer a title line prints before its title, each taken when the document has none yet."""
    number, issuer, _ = _title_parts(line)
    if number is not None and fr.number is None:
        fr.number = _norm_number(number)
        fr.printed_number = number.group(0) if number.group(0) != fr.number else None
    if issuer and fr.issuer is None and _ISSUER.match(issuer):
        fr.issuer = issuer
    elif issuer and fr.short_issuer is None:
        fr.short_issuer = issuer  # 江西省安委会关于…: the signature names it in full, if there is one


def _read_header(fr: DocFrame, header: list[Line]) -> None:
    title_lines: list[Line] = []
    last_issuer = -2  # index of the header line that named the issuer
    for k, ln in enumerate(header):
        t = ln.text
        m = _INTERPRETER.match(t)
        if m:
            fr.issuer = m.group("issuer")
            continue
        if _number_line(t) or P.SITE_LABEL.match(t) or _glued_fields(t):
            continue
        if title_lines and not _TITLE_END.search(title_lines[-1].text.rstrip("》")):
            if _is_header_line(t) and not P.ADDRESSEE_LINE.match(t):
                title_lines.append(ln)
                continue
        if ("关于" in t or "解读" in t or _TITLE_END.search(t)) and "。" not in t and not t.endswith("：") \
                and len(t) <= _MAX_TITLE:
            if not _ISSUER.match(t) or "关于" in t:
                title_lines = [ln]
                _title_prefix(fr, t)
                continue
        im = _ISSUER.match(t)
        if im and fr.issuer is None:
            fr.issuer, last_issuer = im.group("issuer"), k
        elif im and last_issuer == k - 1 and im.group("issuer") not in fr.issuer and fr.issuer not in im.group("issuer"):
            fr.issuer += im.group("issuer")  # issued jointly (两办): 中共瑞金市委办公室 / 瑞金市人民政府办公室
    if title_lines:
        title = "".join(ln.text for ln in title_lines).rstrip("|｜ ")  # a web table's cell: "…的通知 |"
        fr.title_span = (title_lines[0].start, title_lines[-1].end)
        after = _NUMBER_AFTER.search(title)  # "…的通知（皖安〔2024〕1号）": the number printed after the title
        if after:
            if fr.number is None:
                fr.number = _norm_number(after)
            title = title[:after.start()]
        _title_prefix(fr, title)
        fr.title = title[_title_parts(title)[2]:]


def _read_closing(fr: DocFrame, body: list[Line]) -> None:
    sign_date = printed = None
    cc: list[str] = []
    last_body = None  # index in `body` of the first closing line
    for k, ln in enumerate(body):
        t = ln.text
        m = P.SIGNATURE_DATE.match(t) or (_DASHED_DATE.fullmatch(t) if k and _ISSUER.match(body[k - 1].text) else None)
        if m and sign_date is None:  # (a date printed 2017-7-6 under the issuer's name signs too)
            sign_date = m
            if k > 0 and fr.issuer is None:
                im = _ISSUER.match(body[k - 1].text)
                if im:
                    fr.issuer = im.group("issuer")
        pm = P.PRINTED_LINE.search(t) if "日印发" in t else None  # the search is slow; the words are rare
        if pm:
            printed = pm
        cm = P.CC_LINE.match(t)
        if cm:
            cc.append(cm.group("body"))
        elif cc and cc[-1].endswith(("，", "、", ",")) and not P.CLOSING_LINE.match(t) and len(t) < 40:
            cc.append(t)
    for k, ln in enumerate(body):
        if P.CLOSING_LINE.match(ln.text) or (
            k + 1 < len(body) and P.SIGNATURE_DATE.match(body[k + 1].text) and _ISSUER.match(ln.text)
        ):
            last_body = k
            break
    if last_body is not None and last_body + 1 < len(body) and P.SIGNATURE_DATE.match(body[last_body + 1].text):
        while last_body > 0 and _ISSUER.match(body[last_body - 1].text):
            last_body -= 1  # a joint notice signs with each issuer on a line of its own
    if last_body is not None:
        fr.body_end = body[last_body].start
        _read_attachment(fr, body, last_body)
    d = sign_date or printed
    if d:
        fr.date = P.date_iso(d)
    if cc:
        joined = "".join(cc).rstrip("。")
        fr.cc = split_list(joined)


_ATTACHMENT_END = re.compile(r"^(?:抄送[：:]|.{0,30}印发$|-{3,}$|校对[：:]|共印)")
_SIGNATURE_NOTE = re.compile(r"^（此件.{0,12}）$|^附件\s*\d*[：:]?$|^-{3,}$")  # …and a markdown rule before what it issues
_MIN_ATTACHMENT_ITEMS = 2  # numbered lines after the signature that make them a printed attachment
_NOTE = re.compile(r"^(?:注|备注)[：:]")  # …or a note after the signature: "注：各设区市安委会请于…前报送…"


def _read_attachment(fr: DocFrame, body: list[Line], k: int) -> None:
    """When numbered items (or a 注：note) follow the signature block that starts at body[k] (before 抄送/印发),
    they are the document it issues: the body goes on to them and the signature block is set apart."""
    j = k
    while j < len(body) and (P.SIGNATURE_DATE.match(body[j].text) or _SIGNATURE_NOTE.match(body[j].text)
                             or (j + 1 < len(body) and P.SIGNATURE_DATE.match(body[j + 1].text))
                             or (j == k and _ISSUER.match(body[j].text))):  # the first of two signing issuers
        j += 1
    if j >= len(body) or j == k:
        return
    end = next((m for m in range(j, len(body)) if _ATTACHMENT_END.match(body[m].text)), len(body))
    note = _NOTE.match(body[j].text) is not None
    titled = len(body[j].text) <= 60 and "。" not in body[j].text and _TITLE_END.search(body[j].text) is not None
    if not note and not titled \
            and sum(1 for ln in body[j:end] if P.LINE_START_MARKER.match(ln.text)) < _MIN_ATTACHMENT_ITEMS:
        return  # "…实施方案" right under the signature: what the notice issues, however few its items
    fr.signature = (body[k].start, body[j].start)
    fr.body_end = body[end].start if end < len(body) else body[-1].end


def unclosing_lines(text: str, start: int, end: int, trailer: re.Pattern) -> list[tuple[int, int]]:
    """The lines of text[start:end] after a document's body that do not close it, as clean spans: not a
    signature, date, 抄送 (nor its wrapped end), 印发, （此件…）, 附件 list, contact line (`trailer`) or label —
    text there that is still to be reported."""
    out: list[tuple[int, int]] = []
    cc_open = False  # the last line was a 抄送 list ending in a separator: the next short line goes on with it
    for ln in lines_of(text, start, end):
        t = ln.text
        if (P.CLOSING_LINE.match(t) or P.SIGNATURE_DATE.match(t) or _ISSUER.match(t) or _SIGNATURE_NOTE.match(t)
                or P.CC_LINE.match(t) or P.LABEL_LINE.match(t) or trailer.match(t) or _number_line(t)
                or (cc_open and len(t) < 40)):
            cc_open = (bool(P.CC_LINE.match(t)) or cc_open) and t.endswith(("，", "、", ","))
        else:
            out.append((ln.start, ln.end))
            cc_open = False
    return out


_TOWN = re.compile(r"(?P<town>[\u4e00-\u9fff]{1,6}?(?:镇|乡|街道办事处|街道))(?:人民政府|党委|政府|办事处|工委)")


def _innermost(who: str) -> str | None:
    """The innermost known area an issuer's name begins with: 苏州市吴中区安全生产委员会 -> 吴中区."""
    found, rest = None, who.removeprefix("中共")  # 中共瑞金市委办公室: 瑞金市
    while rest:
        hit = place_prefix(rest)
        if hit is None:
            break
        found, rest = hit, rest[len(hit):]
    return found


_PAGE_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[-年/.](?P<m>\d{1,2})[-月/.](?P<d>\d{1,2})"
                        r"(?:(?!\d)|(?=\d{1,2}[:：]\d{2}))")  # perhaps a time after it, the space lost: 2020-11-0617：23
_DASHED_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})")
_PAGE_DATE_LINE = 100  # characters: a longer line is text, not a page's information row
_PAGE_DATE_LINES = 25  # lines above a document's text that a page's information may take
_NOTIFIES = re.compile(r"通知如下|现通知|特通知")


def _derive(fr: DocFrame) -> None:
    title = fr.title or ""
    if "解读" in title:
        fr.kind = "interpretation"
    elif re.search(r"批复|复函", title):
        fr.kind = "reply"
    elif re.search(r"通知|通告|公告", title):  # an 意见, 通报, 方案 or 办法 issued on its own is another genre
        fr.kind = "notice"
    who = fr.issuer or ""
    if fr.kind == "interpretation":
        inner = re.match(r"《(.+?)(?:关于|》)", title)
        who = who or (inner.group(1) if inner else "")
    known = jurisdictions()
    name = _innermost(who)
    if name is None and fr.kind == "interpretation":
        name = next((n for n in by_length() if n in title), None)
    town = _TOWN.match(who[len(name):] if name and who.startswith(name) else who)
    if town:  # a town's government (杨柳镇人民政府): the schema has no level below county
        fr.jurisdiction, fr.level = town.group("town"), "county"
    elif name is not None:
        fr.jurisdiction, fr.level = name, known[name].level
    else:
        m = re.match(r"^(.{1,8}?(?:省|自治区|市|州(?!市)|盟|县|区|旗))", who)
        if m:
            fr.jurisdiction = m.group(1)
            last = fr.jurisdiction[-1]
            fr.level = {"省": "province", "区": "county", "县": "county", "旗": "county"}.get(last, "city")
            if fr.jurisdiction.endswith("自治区"):
                fr.level = "province"
