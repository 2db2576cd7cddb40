"""From raw notice text to kg.model objects: documents, sections, tasks, assignments."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from functools import cached_property
from pathlib import Path

from kg.model import Assignment, Citation, DefaultClause, Document, Section, SourceFile, Span, Task, Term
from loaders import patterns as P
from loaders.actors import actor_cuts, may_act, overseen, sentence_actors
from loaders.attribution import Attribution, Role, parse_attribution
from loaders.citations import find_citations, number_after
from loaders.defaults import (backward_paragraph, default_line, default_paragraph, preamble_defaults,
                              sentence_default, split_before_backward)
from loaders.documents import DocFrame, frame_documents, unclosing_lines
from loaders.glossary import find_terms, terms_used
from loaders.lexicon import cues
from loaders.normalize import CleanText, clean, squash
from loaders.pdf_text import is_page_number
from loaders.sections import Heading, find_headings
from loaders.script import restore, simplified
from loaders.sectors import GENERAL, classify, title_sector
from loaders.table_tasks import inline_row, match_rows, paraphrased_rows, row_for, row_units, table_only_tasks
from loaders.tables import Table, TableRow, find_tables
from loaders.tasks import Piece, bracket_groups, deadline_only, segment, skip_space
from loaders.units import area_of, canonical_name, is_unit_like, split_units, unit_kind
from loaders.web_text import web_text

__all__ = ["load_text", "doc_id_for"]


_TEXT_CHAR = P.TEXT_CHAR


def doc_id_for(frame: DocFrame, stem: str, k: int) -> str:
    """A stable document id: the 文号, else file stem + position."""
    return frame.number or f"{stem}#{k + 1}"


def load_text(raw: str, source_file: str, path: str = "") -> SourceFile:
    """Parse one decoded file into documents (see kg.model)."""
    digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()
    printed, read = raw, simplified(raw)  # a traditional-script copy read in simplified characters
    raw = web_text(read)  # both the same length: offsets into it are offsets into the file
    ct = clean(raw)
    text = ct.text
    frames = frame_documents(text)
    tables = find_tables(raw)
    stem = Path(source_file).stem
    docs = []
    for k, fr in enumerate(frames):
        if fr.end <= fr.start:
            continue
        docs.append(_document(raw, ct, fr, doc_id_for(fr, stem, k), source_file, tables))
    covered = [(d.start, d.end) for d in docs]
    unplaced = _gaps(raw, covered, 0, len(raw))
    return SourceFile(
        source_file=source_file,
        path=path or source_file,
        sha256=digest,
        length=len(raw),
        documents=restore(tuple(docs), printed, read),  # a traditional-script copy's names as printed
        unplaced=restore(tuple(unplaced), printed, read),
        warnings=tuple(_warnings(text, docs)),
    )


NOT_A_NOTICE = "not a notice: no 文号, title, addressees or tasks"


_HALF_MARKER = re.compile(r"(?:^|(?<=[\n。；：]))\d{1,2}）")  # the 1） numbering style, no bracket opened


def _warnings(text: str, docs: list[Document]) -> list[str]:
    """What a reader of the build report should know about this file."""
    out = []
    if not any(d.tasks or d.number or d.title or d.addressees for d in docs):
        out.append(NOT_A_NOTICE)
    opened = sum(text.count(c) for c in "（［【〔《")
    closed = sum(text.count(c) for c in "）］】〕》") - len(_HALF_MARKER.findall(text))  # "1）" numbers an item
    if opened != closed:
        out.append(f"unbalanced brackets: {opened} opening, {closed} closing")
    return out


def _gaps(raw: str, covered: list[tuple[int, int]], start: int, end: int) -> list[Span]:
    """Raw spans in [start, end) outside `covered` that hold more than whitespace and punctuation."""
    out, pos = [], start
    for a, b in sorted(covered) + [(end, end)]:
        if a > pos:
            chunk = raw[pos:a]
            lines = [ln.strip() for ln in chunk.split("\n") if ln.strip()]
            furniture = all(is_page_number(ln) for ln in lines) or (len(lines) >= 3 and all(len(ln) == 1 for ln in lines))
            if _TEXT_CHAR.search(chunk) and not furniture:  # a page number, a page header printed a character a line
                s = pos + (len(chunk) - len(chunk.lstrip()))
                e = a - (len(chunk) - len(chunk.rstrip()))
                out.append(Span(s, e, raw[s:e]))
        pos = max(pos, b)
    return out


_WRAPPED_LINE = 15  # characters: the lines that tell a PDF's text (wrapped at a width) from paragraphs a line


class _Doc:
    """Working state while one document is assembled."""

    def __init__(self, raw: str, ct: CleanText, fr: DocFrame, doc_id: str):
        self.raw, self.ct, self.fr, self.id = raw, ct, fr, doc_id
        self.text = ct.text
        # a notice about one sector ("关于印发工贸行业安全生产十条措施的通知"): its tasks default to that sector
        self.topic = title_sector(fr.title) if fr.kind in ("notice", "reply", "other") and fr.title else None
        self.addressees = [(self.printed(a, b), rs, re_) for _, a, b in fr.addressees
                           for rs, re_ in [ct.raw_span(a, b)]]

    def raw_span(self, a: int, b: int) -> tuple[int, int]:
        return self.ct.raw_span(a, b)

    def _addressee_area(self) -> str | None:
        """The area the first addressee's name begins with, as printed ("平遠(yuǎn)縣"), or None."""
        name, a, _ = self.fr.addressees[0]
        area = area_of(name)
        return self.printed(a, a + len(area)) if area else None

    @cached_property
    def wrapped(self) -> bool:
        """Whether the document is printed as a PDF's text: its lines cut at a page's width, not one paragraph a
        line (most of its longer lines end inside a sentence)."""
        rs, re_ = self.raw_span(self.fr.start, self.fr.end)
        ends = [ln.rstrip()[-1] in P.SENTENCE_END_CHARS + ";:)" for ln in self.raw[rs:re_].split("\n")
                if len(ln.strip()) >= _WRAPPED_LINE]
        return bool(ends) and sum(ends) < len(ends) / 2

    def sectors(self, titles: list[str], text: str) -> tuple[str, ...]:
        """classify(titles, text), with the notice's topic for a task that names no sector of its own."""
        found = classify(titles, text)
        if found[0] == GENERAL and self.topic:
            return tuple(dict.fromkeys((self.topic,) + found[1:]))
        return found

    def printed(self, a: int, b: int) -> str:
        """The raw text of clean [a, b) as printed, whitespace removed (and a page number a name runs across)."""
        rs, re_ = self.raw_span(a, b)
        raw = self.raw[rs:re_]
        if "\n" in raw or self.notes:  # a name cut by a page break: only the characters the clean text kept (no
            raw = "".join(self.raw[o] + self._note_after(o) for o in self.ct.offsets[a:b])  # page number, no running
        return squash(raw)                                                                # header), notes as printed

    @cached_property
    def one_body(self) -> bool:
        """Whether the document is addressed to one body by name ("县应急局：", not "各乡镇人民政府：")."""
        if len(self.addressees) != 1:
            return False
        name = self.addressees[0][0]
        return not name.startswith(_MANY) and unit_kind(name) != "vague" and is_unit_like(name)

    @cached_property
    def notes(self) -> bool:
        """Whether the file prints a mirror site's pinyin notes (調(diào)查), which the clean text leaves out."""
        return P.PINYIN_NOTE.search(self.raw) is not None

    def _note_after(self, o: int) -> str:
        """The pinyin note printed right after raw character o, if any."""
        if not self.notes or self.raw[o + 1:o + 2] not in ("(", "（"):
            return ""
        m = P.PINYIN_NOTE.match(self.raw, o + 1)
        return m.group(0) if m else ""

    def noted(self, a: int, b: int) -> str:
        """Clean text [a, b), with the pinyin notes the file prints after its characters given back."""
        if not self.notes:
            return self.text[a:b]
        offsets = self.ct.offsets
        return "".join(self.text[k] + (self._note_after(offsets[k]) if self.text[k] != "\n" else "") for k in range(a, b))

    def assignments(self, roles, base: int, source: str, inherited: bool = False) -> list[Assignment]:
        """The units of `roles` (offsets relative to clean offset `base`); a pronoun stands for the addressee
        (你局, 你单位) or for every addressee (你们)."""
        out = []
        for r in roles:
            a, b = base + r.start, base + r.end
            named = [(self.printed(a, b) if r.start >= 0 else r.name, *(self.raw_span(a, b) if r.start >= 0 else (-1, -1)),
                      source)]
            if r.name in P.SELF_PRONOUNS and self.fr.issuer:  # "我局将…": the issuer
                named = [(self.fr.issuer, *named[0][1:3], source)]
            elif P.PRONOUN.fullmatch(r.name) and self.addressees:
                who = self.addressees if r.name in P.PLURAL_PRONOUNS else self.addressees[:1]
                named = [(*x, "addressee") for x in who]
            elif (pro := P.PRONOUN.match(r.name)) and self.addressees and (area := self._addressee_area()):
                named = [(area + r.name[pro.end():], *named[0][1:3], "addressee")]  # 你市安委会 -> 英德市安委会
            elif P.PRONOUN.fullmatch(r.name) and r.start >= 0 and self.text[a:b] != r.name:
                named = []  # a bare 请 (whom the letter addresses) in a document with no addressee line
            for name, rs, re_, src in named:
                if any((x.name, x.role, x.start, x.end) == (name, r.role, rs, re_) for x in out):
                    continue  # an addressee both a pronoun and a bare 请 name ("同意你局…，请依法办理")
                canonical, function = canonical_name(name, self.fr.jurisdiction)
                out.append(Assignment(name=name, canonical=canonical, role=r.role, kind=unit_kind(name),
                                      function=function, inherited=inherited, source=src, start=rs, end=re_))
        return out

    def default_clause(self, p: Piece, task_id: str, whole: bool = False) -> DefaultClause:
        """The blanket default in the attribution of `p` (a task's bracket or a heading's), declared by `task_id`;
        its span runs from the first default unit (with `whole`, from the start of `p`) to the end of `p`."""
        roles = p.attribution.defaults
        new = tuple(self.assignments(roles, p.attr_start, "parenthetical", inherited=True))
        start = p.start if whole else min(r.start for r in roles) + p.attr_start
        return DefaultClause(new, task_id, *self.raw_span(start, p.end))


def _document(raw: str, ct: CleanText, fr: DocFrame, doc_id: str, source_file: str,
              tables: list[Table]) -> Document:
    d = _Doc(raw, ct, fr, doc_id)
    text = ct.text
    body_start, body_end = fr.body_start, fr.body_end
    doc_tables = []
    for t in tables:
        ts = ct.clean_index(t.start)
        if fr.start <= ts < fr.end:
            doc_tables.append((ts, min(ct.clean_index(t.end), fr.end), t))
    # the parts of the body: text between the task-division tables and the signature block printed inside it
    # (a letter, then what it issues); text after a table goes on with the heading before the table
    holes = [(max(ts, body_start), te) for ts, te, _ in doc_tables if ts < body_end and te > body_start]  # (a table
    # may begin above where the body was taken to begin: a text with no addressee line nor numbered item before it)
    if fr.signature and body_start <= fr.signature[0] < body_end:
        holes.append(fr.signature)
    holes += [m.span() for m in _TRAILER_LINE.finditer(text, body_start, body_end)]  # 联系人：…, 出席：…
    parts = _parts(text, body_start, body_end, holes)
    sec_end = parts[-1][1] if parts else body_start  # where the body proper ends
    headings, ends, regions = [], [], []
    going_on: list[tuple[int, tuple[int, int]]] = []  # (heading index, span) of text after a table
    letters: list[tuple[int, int]] = []  # parts with no heading of their own: letters
    runs = [(body_start, fr.signature[0]), (fr.signature[1], body_end)] if fr.signature in holes else [
        (body_start, body_end)]  # numbering starts again after a signature
    for ra, rb in runs:
        run_parts = [(pa, pb) for pa, pb in parts if ra <= pa < rb]
        found = [h for h in find_headings(text, ra, rb) if any(pa <= h.start < pb for pa, pb in run_parts)]
        ends += _section_ends(found, min(rb, sec_end))
        for k, (pa, pb) in enumerate(run_parts):
            hs = [h for h in found if pa <= h.start < pb]
            for hi, r in _regions(hs, pa, pb):
                if hi is None and k and headings:
                    going_on.append((len(headings) - 1, r))
                else:
                    regions.append((None if hi is None else hi + len(headings), r))
            if not hs and not (k and headings):
                letters.append((pa, pb))
            headings += hs
    # glossary sections (专业术语注释) hold terms, not tasks
    glossary_ranges = []
    for i, h in enumerate(headings):
        if P.GLOSSARY_TITLE.search(h.title):
            glossary_ranges.append((h.start, ends[i]))
    sections, sec_of = _sections(d, headings, ends)
    heading_attr = _heading_attributions(text, headings, sec_of)
    sections = [replace(sec, title=_title_without(sec.title)) if sec.id in heading_attr else sec for sec in sections]
    row_cuts, row_ends = {}, []
    for pa, pb in parts:
        cuts_, ends_ = match_rows(d, doc_tables, pa, pb)
        placed = {id(r) for r in row_cuts.values()}  # a row restated in an earlier part keeps that place
        row_cuts.update({k: v for k, v in cuts_.items() if id(v) not in placed})
        row_ends += ends_
    bold = [b for b in ct.bold_starts if body_start <= b < sec_end]
    drafts: list[tuple[str, tuple[str, ...], Piece]] = []  # (section id, heading titles, piece)
    own_titles: set[str] = set()  # sections whose heading's attribution is a task's own, not the section's
    titles_of: dict[int, tuple[str, ...]] = {}
    for hi, (a, b) in regions:
        if any(ga <= a < gb for ga, gb in glossary_ranges):
            continue
        h = headings[hi] if hi is not None else None
        if h is None:
            continue  # preamble: kept in the document, not a task
        title_only = not _TEXT_CHAR.search(text, h.title_end, b)
        if title_only and not _title_is_task(text, headings, hi, b, _bracketed(heading_attr.get(sec_of[hi]), h)):
            continue  # a heading with only its title
        first = skip_space(text, h.title_end, b)
        after_default = default_line(text, first, b, sec_of[hi], heading_attr) if not title_only else None
        if after_default is not None:  # "一、压实责任\n（以下任务均需X负责，不再一一列出）": the heading's default
            if not _TEXT_CHAR.search(text, after_default, b):
                continue
            first = skip_space(text, after_default, b)  # …and the section's unnumbered paragraphs after it
        cuts = [x for x in bold if x > first + 1 and x < b] + [x for x in [*row_cuts, *row_ends] if first < x < b]
        cuts += _sector_label_cuts(text, first, b)
        # the title carries the attribution of what follows — unless it is itself the task: it is all there is
        # (2.加强消防安全管理（市消防救援支队负责）。), or what follows names its own units
        # ((一)开展煤矿安全检查（省能源局负责）。开展非煤矿山检查（省应急厅负责）。)
        pieces = segment(text, first, b, cuts) if sec_of[hi] in heading_attr and not title_only else None
        if after_default is None and (pieces is None or all(p.attribution is not None for p in pieces)):
            pieces = segment(text, a, b, cuts)
            if sec_of[hi] in heading_attr:
                own_titles.add(sec_of[hi])  # the title's bracket is its first task's own
        for p in pieces:
            if hi not in titles_of:
                titles_of[hi] = _titles(headings, hi)
            drafts.append((sec_of[hi], titles_of[hi], p))
    for hi, (a, b) in going_on:
        cuts = [x for x in [*row_cuts, *row_ends] if a < x < b]
        drafts += [(sec_of[hi], _titles(headings, hi), p) for p in segment(text, a, b, cuts)]
    for pa, pb in letters:
        drafts += _letter_tasks(d, pa, pb)
    drafts.sort(key=lambda x: x[2].start)  # a letter before what it issues
    drafts = _closing_apart(text, drafts)
    parents = {sec.id: sec.parent_id for sec in sections}
    leading = preamble_defaults(text, [r for hi, r in regions if hi is None])
    owners = {k: v for k, v in (_title_owners(text, headings, sec_of) | _lead_in_owners(text, headings, regions, sec_of)).items()
              if k not in heading_attr}  # (a lead-in names the units more fully than a title: 各街道办事处 over 街道办事处)
    tasks, defaults, attributing = _tasks(d, drafts, row_cuts, heading_attr, parents, leading, own_titles, owners)
    tasks, paraphrased = paraphrased_rows(d, doc_tables, row_cuts, tasks)
    extra = table_only_tasks(d, doc_tables, row_cuts, sections, paraphrased)
    if extra:
        t0 = doc_tables[0][2]
        sections.append(Section(f"{d.id}/table", "表", ("表",), squash(raw[t0.start:t0.end].split("\n", 1)[0]),
                                None, 1, t0.start, doc_tables[-1][2].end))
        tasks += extra
    cites = [Citation(title, *ct.raw_span(a, b), number_after(text, b))
             for title, a, b in find_citations(text[fr.start:fr.end]) for a, b in [(fr.start + a, fr.start + b)]]
    reg_titles = list(dict.fromkeys(c.title for c in cites))
    glossary = []
    for ga, gb in glossary_ranges:
        for label, definition, a, b in find_terms(text[ga:gb]):
            rs, re_ = ct.raw_span(ga + a, ga + b)
            glossary.append(Term(label, definition, rs, re_))
    if glossary:
        labels = [g.label for g in glossary]
        tasks = [_with_terms(t, terms_used(t.text, labels)) for t in tasks]
    ds, de = ct.raw_span(fr.start, fr.end)
    covered = [(t.start, t.end) for t in tasks]
    covered.append((ds, ct.raw_span(body_start, body_start + 1)[0]))
    covered += [ct.raw_span(ts, te) for ts, te, _ in doc_tables]  # a table's title, header and empty cells
    # after the body only what closes it (signature, dates, 抄送, 印发 …; furniture the clean text dropped):
    # other text there is reported
    pos = ct.raw_span(sec_end, sec_end + 1)[0] if sec_end < len(ct.offsets) else de
    for a, b in unclosing_lines(text, sec_end, fr.end, _TRAILER_LINE):
        rs, re_ = ct.raw_span(a, b)
        covered.append((pos, rs))
        pos = re_
    covered.append((pos, de))
    for hi, r in regions:
        if hi is None:
            covered.append(ct.raw_span(*r))  # preamble
    for r in letters:
        covered.append(ct.raw_span(*r))  # letters: framing sentences stay with the document
    for ha, hb in holes:
        covered.append(ct.raw_span(ha, hb))
    for h in headings:
        covered.append(ct.raw_span(h.start, h.title_end))
    for piece in heading_attr.values():  # a heading's attribution, in its title or on the line below it
        covered.append(ct.raw_span(piece.start, piece.end))
    for ga, gb in glossary_ranges:
        covered.append(ct.raw_span(ga, gb))
    covered += [(c.start, c.end) for c in defaults]  # a default printed as a paragraph of its own
    covered += [ct.raw_span(a, b) for a, b in attributing]  # "以上工作均需X负责…" after the tasks it covers
    unplaced = _gaps(raw, covered, ds, de)
    return Document(
        id=doc_id, source_file=source_file, number=fr.number, issuer=fr.issuer,
        title=squash(fr.title) if fr.title else None, date=fr.date, jurisdiction=fr.jurisdiction,
        level=fr.level, kind=fr.kind, start=ds, end=de,
        addressees=tuple(d.printed(a, b) for _, a, b in fr.addressees),
        cc=tuple(fr.cc), cited_regulations=tuple(reg_titles),
        cited_document_numbers=tuple(fr.cited_numbers),
        printed_number=_printed_number(d, fr),
        sections=tuple(sections), tasks=tuple(tasks), defaults=tuple(defaults),
        glossary=tuple(glossary), unplaced=tuple(unplaced),
    )


_TASK_LABEL = re.compile(r"([\u4e00-\u9fff]{2,8})：")  # "水旱灾害：…" at the start of a task
# …and the line that lists the attachments ("附件：重大事故隐患挂牌督办清单", "附件1：…"), no sentence
_TRAILER_LINE = re.compile(rf"(?m)^(?:(?:{P.alt(cues()['documents']['trailer_labels'])})[：:][^\n]*"
                           r"|附件\d*(?:[：:][^\n。；]{0,60})?(?:\n\d{1,2}[．.、][^\n。；]{0,60}(?=\n|$))*$)")
_SHORT_TITLE = re.compile(r"([\u4e00-\u9fff“”、]{2,15})[。：]")  # "强化运输管理。…": a task's short title
_INLINE_LABEL = re.compile(r"(?<=[。；，\n])(?P<label>[\u4e00-\u9fff]{2,8})：")


def _printed_number(d: _Doc, fr) -> str | None:
    """The 文号 as printed ("杨政发[2024]12号", "衡政函〔2024〕第12号") when that is not `fr.number`."""
    printed = d.printed(*fr.number_span) if fr.number_span else fr.printed_number
    return printed if printed and printed != fr.number else None


def _parts(text: str, start: int, end: int, holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """[start, end) without the `holes`, as the stretches that hold text."""
    out, pos = [], start
    for a, b in sorted(holes) + [(end, end)]:
        if a > pos and _TEXT_CHAR.search(text, pos, min(a, end)):
            out.append((pos, min(a, end)))
        pos = max(pos, b)
    return out


def _sector_label_cuts(text: str, start: int, end: int) -> list[int]:
    """Positions of inline sector labels ("。水旱灾害：…。地震灾害：…"): each starts a task of its own."""
    out = []
    for m in _INLINE_LABEL.finditer(text, start, end):
        if classify([m.group("label")], "")[0] != "general":
            out.append(m.start())
    return out if len(out) >= 2 else []


def _with_terms(t: Task, terms: list[str]) -> Task:
    return replace(t, terms=tuple(terms)) if terms else t


def _titles(headings: list[Heading], hi: int) -> tuple[str, ...]:
    """Titles of heading hi and its ancestors, top first."""
    chain = [headings[hi]]
    for h in reversed(headings[:hi]):
        if h.depth < chain[-1].depth:
            chain.append(h)
    return tuple(h.title for h in reversed(chain))


def _section_ends(headings: list[Heading], sec_end: int) -> list[int]:
    """Where each heading's section ends: the start of the next heading at the same or a higher
    level (depth <= its own), else sec_end. One pass with a stack of the sections still open."""
    ends = [sec_end] * len(headings)
    open_: list[int] = []  # indices, depths rising
    for j, g in enumerate(headings):
        while open_ and headings[open_[-1]].depth >= g.depth:
            ends[open_.pop()] = g.start
        open_.append(j)
    return ends


def _sections(d: _Doc, headings: list[Heading], ends: list[int]) -> tuple[list[Section], dict[int, str]]:
    out, ids = [], {}
    stack: list[tuple[Heading, str, tuple[str, ...]]] = []
    used: set[str] = set()
    for i, h in enumerate(headings):
        while stack and stack[-1][0].depth >= h.depth:
            stack.pop()
        parent = stack[-1][1] if stack else None
        path = (stack[-1][2] if stack else ()) + (h.number,)
        sid = f"{d.id}/{'/'.join(path)}"
        while sid in used:
            sid += "'"
        used.add(sid)
        rs, re_ = d.raw_span(h.start, ends[i])
        out.append(Section(sid, h.number, path, h.title.rstrip("。"), parent, h.depth, rs, re_))
        ids[i] = sid
        stack.append((h, sid, path))
    return out, ids


_DUTY_END = re.compile(r"[。；;！!]\s*$")  # a title printed as a sentence: 一是全面排查重大危险源企业；


def _bracketed(piece: Piece | None, h: Heading) -> bool:
    """Whether a heading's attribution is a bracket on it (not its whole title: "（一）市应急局", "X应当履行下列职责：")."""
    return piece is not None and piece.start != h.body_start


def _title_is_task(text: str, headings: list[Heading], hi: int, end: int, attributed: bool) -> bool:
    """A numbered item that is only its title is a task when nothing is numbered under it and the title is a
    sentence (ends in 。/；) or names who answers for it: 一是全面排查…；二是…, 2.加强消防安全管理（市消防救援支队负责）,
    四、有关单位要认真落实… (a copy cut before the 。) — not a heading label such as 二、重点任务分工."""
    h = headings[hi]
    nxt = headings[hi + 1] if hi + 1 < len(headings) else None
    if nxt is not None and nxt.start == end and nxt.depth > h.depth:
        return False
    if not _TEXT_CHAR.search(text, h.body_start, h.title_end):
        return False
    return attributed or bool(_DUTY_END.search(text, h.body_start, h.title_end)) \
        or bool(sentence_actors(text[h.body_start:h.title_end]))


def _regions(headings: list[Heading], start: int, end: int) -> list[tuple[int | None, tuple[int, int]]]:
    """(heading index or None for the preamble, (start, end)) of each heading's own text."""
    out = []
    first = headings[0].start if headings else end
    if first > start:
        out.append((None, (start, first)))
    for i, h in enumerate(headings):
        nxt = headings[i + 1].start if i + 1 < len(headings) else end
        out.append((i, (h.body_start, nxt)))
    return out


_DUTY_OPENER = re.compile(P.alt(cues()["in_sentence"]["duty_openers"]))


_ASKS = re.compile(r"，请(?!示)")
_EVENT = re.compile(P.alt(cues()["in_sentence"]["events"]))
_ASKING = re.compile(r"请|要|须|应")  # a letter's request after the sentence's reasons


def _letter_tasks(d: _Doc, start: int, end: int) -> list[tuple[str, tuple[str, ...], Piece]]:
    """A document without numbered items (a reply letter): each sentence that tasks someone."""
    out = []
    text = d.text
    for m in re.finditer(r"(?:[^。！？：]|：(?!\n))+(?:[。！？]|：(?=\n))?", text[start:end]):
        a, b = start + m.start(), start + m.end()
        while a < b and text[a] in "\n ":
            a += 1
        sent = text[a:b]
        if re.search(r"收悉|批复如下|通知如下|函复如下", sent):
            continue
        actors = sentence_actors(sent)
        if P.PRONOUN.search(sent) and all(P.PRONOUN.fullmatch(r.name) for r in actors) and _EVENT.search(sent) \
                and not _ASKING.search(sent):
            continue  # "2023年8月30日，你区…发生一起…事故。": what happened, no task
        if P.PRONOUN.search(sent) or actors or _DUTY_OPENER.match(sent) \
                or _ASKS.search(sent):  # "各牵头单位要…", "…，请根据…认真布置…",
            out.append((f"{d.id}/_", (), Piece(a, b)))  # "市安委办将…", "市应急局负责汇总", "要加强值班值守…"
    return out




def _title_without(title: str) -> str:
    """'煤矿领域（牵头单位：市能源局）' -> '煤矿领域'."""
    return re.sub(r"[（［【].*[）］】]$", "", title)


# a heading whose title introduces a list of the actor's duties: "X应当履行下列职责：", "X的主要任务如下："
_LIST_LEAD = re.compile(rf"(?:{P.alt(cues()['in_sentence']['list_leads'])})[^，。；：\n]{{0,12}}[：:]\s*$")
_UNIT_TITLE_KINDS = frozenset(cues()["in_sentence"]["unit_title_kinds"])
_DUTY_TOPIC = 8  # characters at most between the unit's name and its 职责: 消防安全工作
_DUTY_TITLE_END = re.compile(rf"(?:{P.alt(cues()['in_sentence']['duty_title_ends'])})[。：:]?$")
_UNIT_TITLE_NOT_END = re.compile(rf"(?:{P.alt(cues()['in_sentence']['unit_title_not_ends'])})$")


_LEVEL_PREFIX = tuple("省市州盟县区旗团") + ("国网", "中国")  # a body named with its level: 区总工会, 团区委, 国网…公司


def _unit_title(title: str) -> tuple[Role, ...]:
    """The units a heading's whole title names ("（四）市安全生产综合监管部门"), each responsible; else ().
    A title printed as a sentence (…县安委办。) is a duty, not a name."""
    name = title.strip().rstrip("：:")
    duties = _DUTY_TITLE_END.search(name)
    if duties:  # "（二）社区（村）安全生产监管职责。": the unit's duties follow, whatever its kind; the longest run
        for cut in range(duties.start(), max(1, duties.start() - _DUTY_TOPIC), -1):  # of unit names it opens with
            mentions, open_list = split_units(name[:cut])  # ("…街道办事处|消防安全工作职责"), a short topic between
            if "，" in name[:duties.start()]:
                break
            if mentions and not open_list and may_act(name) and all(
                    P.UNIT_SUFFIX.search(_title_without(m.name)) and is_unit_like(_title_without(m.name))
                    for m in mentions):
                return tuple(Role(m.name, "responsible", m.start, m.end) for m in mentions)
        return ()
    if not name or _DUTY_END.search(name) or _UNIT_TITLE_NOT_END.search(name) or not is_unit_like(name) or P.SECTOR_WORD.fullmatch(name):
        return ()
    mentions, open_list = split_units(name)
    if open_list or not mentions or any((unit_kind(m.name) not in _UNIT_TITLE_KINDS and not m.name.startswith(_LEVEL_PREFIX))
                                       or not P.UNIT_SUFFIX.search(_title_without(m.name)) for m in mentions):
        return ()
    return tuple(Role(m.name, "responsible", m.start, m.end) for m in mentions)


def _title_owners(text: str, headings: list[Heading], sec_of: dict[int, str]) -> dict[str, Piece]:
    """Headings whose title is a unit's name ("（二）县（市）区政府", "（一）街道办事处（乡镇政府）安全生产监管职责。"):
    that unit answers for each task under it that names no actor of its own."""
    out = {}
    for i, h in enumerate(headings):
        if (named := _unit_title(text[h.body_start:h.title_end])):
            out[sec_of[i]] = Piece(h.body_start, h.title_end, Attribution(named, False), h.body_start)
    return out


_OPENING_ROLE = re.compile(r"(?:\d{1,2}[.．、]\s*)?(?:负责)?(?P<role>牵头|配合|协助|参与)")  # an owner's duty it leads or helps with
_DIRECTIVE = re.compile(P.alt(cues()["in_sentence"]["directive_words"]))
_MANY = ("各", "全市", "全县", "全区", "全省", "有关", "相关")  # an addressee that names many bodies
_CLOSING = re.compile(P.alt(cues()["documents"]["closing_words"]))


def _closing_apart(text: str, drafts: list) -> list:
    """The last item with the paragraphs that close the document after it ("各地贯彻落实本通报情况，请于5月10日前报
    省安委办。") as a task of its own: what they ask of the addressees is not the item's."""
    if not drafts:
        return drafts
    sid, titles, p = drafts[-1]
    breaks = [k + 1 for k in range(p.start, p.end) if text[k] == "\n" and text[k + 1:p.end].strip()]
    for cut in breaks:
        paragraphs = [x for x in text[cut:p.end].split("\n") if x.strip()]
        ends_sentence = text[p.start:cut - 1].rstrip()[-1:] in "。！？；"  # (not a sentence the page cut: "…事故结案后10个\n月至1年内…")
        if ends_sentence and all(_CLOSING.search(x) for x in paragraphs) and (p.attribution is None or p.attr_start < cut):
            end = cut - 1
            return drafts[:-1] + [(sid, titles, replace(p, end=end)), (sid, titles, Piece(cut, p.end))]
    return drafts


def _lead_in_owners(text: str, headings: list[Heading], regions, sec_of: dict[int, str]) -> dict[str, Piece]:
    """Headings whose own text ends in a sentence that hands the items under it to its actors ("（五）普通货运
    安全。各县（市、区）交通运输主管部门要重点抓好以下工作：" over 一是…二是…): those actors answer for each item
    under it that names no actor of its own."""
    out: dict[str, Piece] = {}
    for hi, (a, b) in regions:
        if hi is None:  # "…，请你街道按以下要求抓好落实。" before the first item: the items' owner
            if headings and (piece := _lead_in(text, a, b, _PREAMBLE_LEAD)) is not None:
                top = min(h.depth for h in headings)
                for k, h in enumerate(headings):
                    if h.depth == top and h.start >= b:
                        out.setdefault(sec_of[k], piece)
            continue
        if (piece := _lead_in(text, headings[hi].title_end, b, _COLON_LEAD)) is not None:
            out[sec_of[hi]] = piece  # "各工贸企业要切实履行…主体责任：一要…；二要…"
        elif _PERSON_LEAD.match(text, headings[hi].body_start, b) and _COLON_LEAD.search(text, headings[hi].body_start, b):
            out[sec_of[hi]] = Piece(headings[hi].body_start, b, Attribution((), False), headings[hi].body_start)
            # "第五条 县长是全县安全生产第一责任人，…履行以下职责：": a person's duties, no unit's (not the chapter's)
    return out


# the last sentence before the items asks someone to carry them out: "请你街道按以下要求抓好落实。"
_PREAMBLE_LEAD = re.compile(rf"(?:{P.alt(cues()['in_sentence']['list_leads'])})[^，。；：\n]{{0,12}}[：:。]\s*$")


_PERSON_LEAD = re.compile(rf"\s*(?:分管[^，。；]{{0,12}}的)?(?:{P.alt(cues()['units']['persons'])})")
_COLON_LEAD = re.compile(r"[：:]\s*$")  # a heading's own text that ends in a colon hands over to the items under it


def _lead_in(text: str, a: int, b: int, lead: re.Pattern) -> Piece | None:
    """The last sentence of text[a:b] when it ends in a list lead and names actors, as their attribution."""
    end = a + len(text[a:b].rstrip())
    if a >= end or not lead.search(text, a, end):
        return None
    s = max([k + 1 for k in (text.rfind(c, a, end - 1) for c in "。；！\n") if k >= 0] or [a])
    clause = max(s, text.rfind("，", s, end - 1) + 1)  # "现对上述隐患予以督办，请你街道按以下要求…": the last clause's
    actors = sentence_actors(text[clause:end]) if clause > s else ()
    if actors:
        s = clause
    else:
        actors = sentence_actors(text[s:end])
    return Piece(s, end, Attribution(actors, False), s) if actors else None


def _heading_attributions(text: str, headings: list[Heading], sec_of: dict[int, str]) -> dict[str, Piece]:
    """Attributions printed on a heading ("1.煤矿领域（牵头单位：市能源局）"): they cover the section."""
    out = {}
    for i, h in enumerate(headings):
        lead = _LIST_LEAD.search(text, h.body_start, h.title_end)
        actors = sentence_actors(text[h.body_start:h.title_end]) if lead else ()
        if actors:  # "第四条 市消防安全委员会应当履行下列职责：" over (一)…(四): the actor answers for each item
            out[sec_of[i]] = Piece(h.body_start, h.title_end, Attribution(actors, False), h.body_start)
            continue
        groups = bracket_groups(text, h.body_start, h.title_end)
        deadlines = []  # "1.开展危化品检查（省应急厅负责）（长期坚持）": the attribution is the bracket before
        while groups and deadline_only(text[groups[-1][0] + 1:groups[-1][1]]):
            deadlines.append(groups.pop())
        if not groups:
            continue
        o, c = groups[-1]
        rest = text[c + 1:h.title_end]
        for do, dc in deadlines:
            rest = rest.replace(text[do:dc + 1], "", 1)
        if rest.strip("。：； \n"):
            continue
        a = parse_attribution(text[o + 1:c])
        if a is not None:
            out[sec_of[i]] = Piece(o, c + 1, a, o + 1)
    return out


def _tasks(d: _Doc, drafts, row_cuts: dict[int, TableRow], heading_attr: dict[str, Piece],
           parents: dict[str, str | None], leading: list[Piece] = (), own_titles: set[str] = frozenset(),
           owners: dict[str, Piece] | None = None):
    tasks: list[Task] = []
    defaults: list[DefaultClause] = []
    inherited: list[Assignment] = []
    ordinals: dict[str, int] = {}
    opened: set[str] = set()  # sections whose heading's blanket default is in force
    same_below: Piece | None = None  # the last task whose attribution ends in 下同
    covered_extra: list[tuple[int, int]] = []  # clean spans of text that attributes without being a task
    # cn_shi siblings share a trailing attribution printed once after the last of them
    drafts = _bracket_then_text(d.text, drafts)
    drafts = _share_trailing(d, drafts)
    drafts = [x for draft in drafts for x in _split_by_actors(d, draft, row_cuts, heading_attr, parents)]
    drafts = [x for draft in drafts for x in split_before_backward(d.text, draft)]
    for sid, titles, p in drafts:
        back = backward_paragraph(d.text, p) if tasks else None
        if back is not None:  # "以上工作均需X负责，不再一一列出。": X answers for the tasks above it in this section
            top = _ancestors(sid, parents)[-1]
            add = d.assignments(back.attribution.units, back.attr_start, "parenthetical")
            for k, t in enumerate(tasks):
                if t.section_id == top or t.section_id.startswith(top + "/"):
                    own = tuple(u for u in t.assignments if not u.inherited)
                    new = tuple(u for u in add if u.name not in {o.name for o in own})
                    tasks[k] = replace(t, assignments=own + new + t.assignments[len(own):],
                                       source=t.source if t.source != "none" else "parenthetical")
            covered_extra.append((back.start, back.end))
            continue
        dp = default_paragraph(d.text, p) if tasks else None
        if dp is not None:  # "注：以下各项任务均需X负责落实，不再一一列出。" after a task: a default from here on
            defaults.append(d.default_clause(dp, tasks[-1].id, whole=True))
            inherited += defaults[-1].units
            continue
        text = d.text
        units: list[Assignment] = []
        source = "none"
        open_list = False
        row = row_for(p, row_cuts, text)
        from_heading = False
        # the attributions of the headings above, nearest first: "（一）…（牵头单位：市应急局）" over "2．…（责任单位：…）"
        # (a heading whose bracket holds only a blanket default names no one for its tasks)
        ups = [up for up in _ancestors(sid, parents) if up in heading_attr and heading_attr[up].attribution.units]
        above = [heading_attr[up] for up in ups]
        extra: list[Assignment] = []  # owners named by further headings (after the task's) or by the headings
        owners_first = False           # (before the task's own helpers)
        if p.attribution is None and row is None:
            if above:
                p = Piece(p.start, p.end, above[0].attribution, above[0].attr_start)
                extra = [u for h in above[1:] for u in d.assignments(h.attribution.units, h.attr_start, "parenthetical")]
                from_heading = True
            elif same_below is not None:  # an earlier "（…，下同）" names who answers for this one too
                p = Piece(p.start, p.end, same_below.attribution, same_below.attr_start)
                from_heading = True
        elif p.attribution is not None and p.attribution.same_below:
            same_below = p
        elif p.attribution is not None and not any(r.role in _OWNER_ROLES for r in p.attribution.units):
            # a task's own bracket names only helpers ("（市公安局配合）"): the owners are the headings' (not a
            # heading whose bracket is its first task's own); a bracket that names an owner stands alone
            extra = [u for up in ups if up not in own_titles
                     for u in d.assignments(heading_attr[up].attribution.units, heading_attr[up].attr_start,
                                            "parenthetical")]
            owners_first = True
        if p.attribution is not None:
            units = d.assignments(p.attribution.units, p.attr_start, "parenthetical")
            named = {u.name for u in units}
            more = [u for u in extra if u.name not in named and not named.add(u.name)]
            units = more + units if owners_first else units + more
            if not from_heading and not any(u.role in _DOER_ROLES for u in units):  # "…各乡（镇）人民政府要加强…
                doers = [u for u in d.assignments(sentence_actors(text[p.start:p.end]), p.start, "in_sentence")
                         if u.name not in named and u.role in _DOER_ROLES]  # (县林业局负责指导)": who the sentence
                units = doers + units                                     # names does it, the bracket's units help
            source, open_list = ("parenthetical" if units else "none"), p.attribution.open_list
        elif row is not None:
            units, open_list = row_units(d, row)
            source = "table"
        elif (inline := inline_row(text, p.start, p.end)) is not None:  # "…清单。|市安委办|1月20日前||"
            units, source = d.assignments(inline[0].units, inline[1], "table"), "table"
            open_list = inline[0].open_list
        else:
            actors = sentence_actors(text[p.start:p.end])
            units = d.assignments(actors, p.start, "in_sentence")
            owner = next((owners[up] for up in _ancestors(sid, parents) if up in owners), None) if owners else None
            if not units and owner is not None:  # "（一）街道办事处（乡镇政府）安全生产监管职责。\n1.以…为指导，…"
                bodies = overseen(text[p.start:p.end])  # "5.督促内设机构…履行…": the owner oversees them
                roles = owner.attribution.units if bodies is None else \
                    tuple(replace(r, role="oversee") for r in owner.attribution.units)
                if bodies is None and (opens := _OPENING_ROLE.match(text, p.start, p.end)):  # "3. 牵头开展…" (lead),
                    role = P.role_of(opens.group("role"))  # "2. 配合做好…" (support)
                    roles = tuple(replace(r, role=role) for r in roles)
                units = d.assignments(roles, owner.attr_start, "in_sentence") \
                    + d.assignments(bodies or (), p.start, "in_sentence")
            if not units and d.one_body and _DIRECTIVE.search(text, p.start, p.end):  # a letter to one body: what it
                # asks without naming anyone is that body's (not a finding: 事故调查工作符合…规定)
                units = d.assignments((Role(P.EVERY_ADDRESSEE, "responsible", -1, -1),), p.start, "addressee")
            if units:
                source = units[0].source if all(u.source == units[0].source for u in units) else "in_sentence"
                open_list = any("等" in u.name for u in units) or any(
                    r.end > 0 and P.OPEN_LIST_AFTER.match(text, p.start + r.end) for r in actors)
        ordinals[sid] = ordinals.get(sid, 0) + 1
        tid = f"{sid}/t{ordinals[sid]}"
        if not tasks:  # defaults printed before the first item start at it
            for lp in leading:
                defaults.append(d.default_clause(lp, tid))
                inherited += defaults[-1].units
        rs, re_ = d.raw_span(p.start, p.end)
        body = d.noted(p.start, p.end).replace("\n", "")
        label = _TASK_LABEL.match(body)
        sectors = d.sectors(list(titles) + ([label.group(1)] if label else []), body)
        cites = tuple(Citation(t, *d.raw_span(p.start + a, p.start + b), number_after(text, p.start + b))
                      for t, a, b in find_citations(text[p.start:p.end]))
        # a blanket default on a heading ("一、压实责任（以下均需X负责，不再一一列出）") starts at its first task
        up = sid
        while up is not None:
            h = heading_attr.get(up)
            if h is not None and h.attribution.defaults and up not in opened:
                opened.add(up)
                defaults.append(d.default_clause(h, tid))
                inherited += defaults[-1].units
            up = parents.get(up)
        all_units = units + [u for u in inherited]
        tasks.append(Task(
            id=tid, section_id=sid, ordinal=ordinals[sid], text=body, start=rs, end=re_,
            quote=d.raw[rs:re_], assignments=tuple(all_units), source=source, open_list=open_list,
            sector=sectors[0] if sectors else None, sectors=tuple(sectors), citations=cites,
        ))
        if p.attribution is not None and p.attribution.defaults and not from_heading:
            defaults.append(d.default_clause(p, tid))
            inherited += defaults[-1].units
        elif p.attribution is None and row is None and (sd := sentence_default(text, p)) is not None:
            # "…。各乡镇人民政府对本辖区…负总责，以下不再列出。" inside the task: a default for the tasks after it
            dc = d.default_clause(sd, tid)
            defaults.append(dc)
            inherited += dc.units
            named = {u.name for u in dc.units}
            at = dc.start  # the units named from the default on are the default's, those before it the task's own
            t = tasks[-1]
            tasks[-1] = replace(t, assignments=tuple(u for u in t.assignments
                                                     if u.inherited or u.name not in named or u.start < at))
            if not any(not u.inherited for u in tasks[-1].assignments):
                tasks[-1] = replace(tasks[-1], source="none")
    return tasks, defaults, covered_extra


_OWNER_ROLES = ("lead", "responsible", "shared", "oversee")  # a bracket of only support units names no owner
_DOER_ROLES = ("lead", "responsible", "shared")  # a bracket of only support or oversee units leaves the doing open


def _ancestors(sid: str | None, parents: dict[str, str | None]) -> list[str]:
    """sid and the sections above it, nearest first."""
    out = []
    while sid is not None:
        out.append(sid)
        sid = parents.get(sid)
    return out


def _split_by_actors(d: _Doc, draft, row_cuts, heading_attr, parents) -> list:
    """A piece with no bracket, row or heading attribution that lists units' duties under their names is as many
    tasks ("市经济信息委：负责…。市住房城乡建委：负责…"); the first keeps the title sentence."""
    sid, titles, p = draft
    if p.attribution is not None or row_for(p, row_cuts, d.text) is not None \
            or any(up in heading_attr and heading_attr[up].attribution.units for up in _ancestors(sid, parents)):
        return [draft]
    cuts = actor_cuts(d.text[p.start:p.end])
    if not cuts:
        return [draft]
    bounds = [p.start] + [p.start + c for c in cuts] + [p.end]
    label = _SHORT_TITLE.match(d.text[p.start:p.end].replace("\n", ""))
    out = []
    for a, b in zip(bounds, bounds[1:]):
        while a < b and d.text[a] in " \n":
            a += 1
        while b > a and d.text[b - 1] in " \n":
            b -= 1
        if a < b:  # the later pieces keep the first one's short title for their sector ("强化运输管理。…")
            out.append((sid, titles if not out or label is None else (*titles, label.group(1)), Piece(a, b)))
    return out


_LEADING_BRACKET = re.compile(r"(?:[\u4e00-\u9fff“”、]{2,15}[。：])?[【（(\[][^】）)\]]*[】）)\]]")


def _bracket_then_text(text: str, drafts):
    """A piece that is only an item's short title and the bracket naming its owners ("危险化学品。【牵头单位：…】", the
    line ending there) is one task with the paragraph after it, which that bracket attributes."""
    out = []
    for sid, titles, p in drafts:
        if out and out[-1][0] == sid and p.attribution is None and out[-1][2].attribution is not None \
                and _LEADING_BRACKET.fullmatch(text[out[-1][2].start:out[-1][2].end].replace("\n", "").strip()):
            q = out[-1][2]
            out[-1] = (sid, out[-1][1], replace(q, end=p.end))
            continue
        out.append((sid, titles, p))
    return out


def _share_trailing(d: _Doc, drafts):
    out = list(drafts)
    groups: dict[str, list[int]] = {}
    for k, (sid, _, p) in enumerate(out):
        parent = sid.rsplit("/", 1)[0]
        if re.fullmatch(f"{P.CN_NUM}(?:{P.ENUMERATOR})", sid.rsplit("/", 1)[-1]):  # 一是, 一要
            groups.setdefault(parent, []).append(k)
    for parent, ks in groups.items():
        last = out[ks[-1]][2]
        if last.attribution is None or len(ks) < 2 or any(out[k][2].attribution is not None for k in ks[:-1]):
            continue  # (siblings with brackets of their own: the last bracket is the last item's)
        for k in ks[:-1]:
            sid, titles, p = out[k]
            if p.attribution is None and not sentence_actors(d.text[p.start:p.end]):
                out[k] = (sid, titles, Piece(p.start, p.end, last.attribution, last.attr_start))
    # "1．落实护林员巡山制度；\n2．加强野外用火管理。（县林业局负责）": items ending in ； go on into the sentence
    # the next sibling's bracket closes
    carry = None  # (parent, the piece whose attribution the items before it share)
    for k in range(len(out) - 1, -1, -1):
        sid, titles, p = out[k]
        parent = sid.rsplit("/", 1)[0]
        if p.attribution is not None:
            carry = (parent, p) if not p.attribution.defaults else None
        elif carry is not None and carry[0] == parent and d.text[p.start:p.end].rstrip().endswith("；"):
            out[k] = (sid, titles, Piece(p.start, p.end, carry[1].attribution, carry[1].attr_start))
        else:
            carry = None
    # "(1)…。(2)…。(3)…。\n（责任单位：市直各有关单位、各县（市、区）人民政府）": a bracket printed as a paragraph of
    # its own after the last of several items answers for those before it that name no one
    for k in range(len(out) - 1, 0, -1):
        sid, _, p = out[k]
        if p.attribution is None or p.attribution.defaults or not _own_paragraph(d, p):
            continue
        parent = sid.rsplit("/", 1)[0]
        j = k - 1
        while j >= 0 and out[j][0].rsplit("/", 1)[0] == parent and out[j][0] != sid and out[j][2].attribution is None \
                and not sentence_actors(d.text[out[j][2].start:out[j][2].end]):  # (an item naming its own actors)
            sid_j, titles_j, q = out[j]
            out[j] = (sid_j, titles_j, Piece(q.start, q.end, p.attribution, p.attr_start))
            j -= 1
    return out


def _own_paragraph(d: _Doc, p: Piece) -> bool:
    """Whether the piece's attribution is a bracket printed on a line of its own at the piece's end, in a
    document printed one paragraph a line (in a PDF's text a bracket may begin a wrapped line anywhere)."""
    text = d.text
    line = text.rfind("\n", p.start, p.attr_start) + 1
    return line > p.start and text[line] in P.OPEN and p.attr_start - line <= 1 \
        and text.find("\n", p.attr_start, p.end) < 0 and not d.wrapped


