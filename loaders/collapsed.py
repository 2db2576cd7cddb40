"""Paragraphs that a copy of a web page collapsed onto one line, found again.

A page copied as text may put a whole notice on one line: "市各有关单位： 根据…通知如下： 一、加强领导。各级各部门
要… 二、合理安排。… 宜兴市人民政府办公室 二〇〇九年一月十日". `paragraphs(line)` says where its paragraphs
begin (loaders.normalize cleans each as a line of its own); an ordinary line is one paragraph.
"""

from __future__ import annotations

import re

from loaders import patterns as P

__all__ = ["paragraphs"]

# Where they begin: a numbered item or a label after a sentence end and a space; on a very long line, any numbered
# item after a space; the body after the addressee list that opens the line ("市各有关单位： 根据…", even with no
# space); the addressees after a title ("…的通知 各市、县人民政府…："); a signature and its date.
_COLLAPSED_LINE = 120  # a shorter line opens with no heading whose text a copy glued to it
_VERY_LONG = 300
_GAP = re.compile(f"{P.PAGE_SPACE}+")
_ISSUER_END = r"[\u4e00-\u9fff（）]{2,30}(?:政府|办公室|办公厅|委员会|管委会|指挥部|局|厅|委|办|部|中心)"
_DATED = re.compile(rf"{P.DATE_TEXT}(?:{P.PAGE_SPACE}*{P.PUBLISH_NOTE})?")
_SIGNED = re.compile(rf"{_ISSUER_END}{P.PAGE_SPACE}+{_DATED.pattern}")
# where a shorter line may be cut: a space after a sentence end or a title, or before a date
_SHORT_CUT = re.compile(rf"[。；！？：]{P.PAGE_SPACE}+(?:{P.LINE_START_MARKER.pattern}|{P.LABEL.pattern})"
                        rf"|(?:通知|意见|方案|要点|批复|函|决定){P.PAGE_SPACE}+[各市县区省]"
                        rf"|^{P.PAGE_SPACE}*[各市县区省驻有相][^。！？：]{{1,200}}?：{P.PAGE_SPACE}+\S"
                        rf"|{P.PAGE_SPACE}+{P.DATE_TEXT}")
_OPENING = re.compile(r"[^。！？：\n]{2,200}?：")  # the addressee list that opens a collapsed line


def paragraphs(line: str) -> list[tuple[int, str]]:
    """(offset, text) of the paragraphs in one raw (widened) line: the line itself unless a copy collapsed
    several onto it."""
    if len(line) < _COLLAPSED_LINE and not _SHORT_CUT.search(line):
        return [(0, line)]  # most lines: no space where a short line can be cut
    gaps = _gaps(line)
    if not gaps:
        cuts = _unspaced(line)  # "…通知如下：一、统一思想…。二、突出重点…": no space at all
        return [(a, line[a:b]) for a, b in zip([0] + cuts, cuts + [len(line)])] if cuts else [(0, line)]
    cuts = [(a, b) for a, b in gaps if _cut(line, a, b)]
    bounds = [(0, a) for a, _ in sorted(cuts)[:1]] + [(b, c) for (_, b), (c, _) in zip(sorted(cuts), sorted(cuts)[1:])]
    bounds.append((max((b for _, b in cuts), default=0), len(line)))
    for start, end in bounds:  # a piece that opens with the addressees or a heading's short title
        head = _piece_head(line, start, end)
        if head is not None:
            cuts.append(head)
    if not cuts:
        return [(0, line)]
    out, pos = [], 0
    for end, nxt in sorted(set(cuts)):
        if end > pos:
            out.append((pos, line[pos:end]))
        pos = max(pos, nxt)
    out.append((pos, line[pos:]))
    return out


def _piece_head(line: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the addressee list ("各市、县人民政府，…：") or a heading's short title ("一、加强领导 ") that opens
    line[start:end] ends, with the text going on after it."""
    start += len(line[start:end]) - len(line[start:end].lstrip())
    opening = _OPENING.match(line, start, end)
    if opening and opening.end() < end and line[start] in P.ADDRESSEE_STARTS + ("驻", "有", "相"):
        gap = _GAP.match(line, opening.end())
        if gap or len(line) >= _COLLAPSED_LINE:  # "…各单位： 根据…" (the space is the paragraph break)
            return opening.end(), gap.end() if gap else opening.end()
    if len(line) < _COLLAPSED_LINE:
        return None
    marker = P.LINE_START_MARKER.match(line, start, end)
    gap = _GAP.search(line, marker.end() + 2, min(end, start + 40)) if marker else None
    if gap and not re.search(r"[。；：]", line[start:gap.start()]) and line[marker.end():gap.start()].strip():
        return gap.span()
    return None


_UNSPACED = re.compile(r"(?<=[。；：！？])(?:(?P<top>[一二三四五六七八九十]{1,3})、|（(?P<sub>[一二三四五六七八九十]{1,3})）)")


# a head a copy glued together: "…办公厅文件渝办发[2012]238号各区县（自治县）人民政府，…：当前，…"
_GLUED_NUMBER = re.compile(rf"(?:^|(?<=文件)){P.DOC_NUMBER.pattern}")
_HEAD_REACH = 80  # where the 文号 of a glued head may begin


def _unspaced(line: str) -> list[int]:
    """Where the numbered items of a long line with no space in it begin, right after a sentence end: each
    style counting 一, 二, 三… ((一) again from 一 under each item), two items at least, or one announced
    ("通知如下：一、…"); [] for none. A head glued before them is cut too: its 文号 and addressee list."""
    if len(line) < _COLLAPSED_LINE:
        return []
    cuts = _glued_head(line)
    last = {"top": 0, "sub": 0}
    for m in _UNSPACED.finditer(line):
        style = "top" if m.group("top") else "sub"
        n = P.cn_to_int(m.group(style))
        if n == last[style] + 1 or (style == "sub" and n == 1):
            cuts.append(m.start())
            last[style] = n
            if style == "top":
                last["sub"] = 0
    items = len(cuts) - len(_glued_head(line))
    if last["top"] >= 2 or items >= 2 or (items == 1 and line.endswith("如下：", 0, cuts[-1])):
        return cuts
    return _glued_head(line)


def _glued_head(line: str) -> list[int]:
    """Where a head glued onto the line is cut: around its 文号, after the addressee list that follows it."""
    number = _GLUED_NUMBER.search(line, 0, _HEAD_REACH)
    if number is None or number.start() > _HEAD_REACH - 20:
        return []
    cuts = [number.start(), number.end()] if number.start() else [number.end()]
    opening = _OPENING.match(line, number.end())
    if line.startswith(P.ADDRESSEE_STARTS, number.end()) and opening and opening.end() < len(line):
        cuts.append(opening.end())  # "各区县（自治县）人民政府，市政府有关部门：|当前，…"
    return cuts


def _gaps(line: str) -> list[tuple[int, int]]:
    """The runs of spaces inside a line (not at its ends)."""
    return [g.span() for g in _GAP.finditer(line) if g.start() > 0 and g.end() < len(line)]


def _cut(line: str, a: int, b: int) -> bool:
    """Whether the spaces line[a:b] separate two paragraphs a copy collapsed onto one line."""
    before, after = line[:a], line[b:]
    if _DATED.fullmatch(after.rstrip()):  # "…办公室 2020年2月20日（此件公开发布）": the date under its signature
        return re.search(_ISSUER_END + "$", before) is not None
    if before[-1] in "。；！？：":
        return bool(P.LINE_START_MARKER.match(after) or P.LABEL.match(after) or _SIGNED.fullmatch(after.rstrip()))
    if "关于" in before and P.TITLE_END.search(before):  # "…的通知 各市、县人民政府，…："
        return after[0] in P.ADDRESSEE_STARTS
    return len(line) >= _VERY_LONG and P.LINE_START_MARKER.match(after) is not None \
        and P.NUMBER_LINE.match(after) is None
