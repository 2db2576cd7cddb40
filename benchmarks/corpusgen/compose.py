"""Compose documents as logical blocks (clean full-width text) plus the duties planted in them."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .text import Writer, cn_number
from .units import SUBORDINATES, Attribution, Unit, UnitPicker
from .vocab import Jurisdiction, vocab

__all__ = ["Block", "Duty", "Doc", "compose_notice", "compose_interpretation", "compose_reply"]


@dataclass
class Block:
    kind: str  # docno head title issuer_title addressees para h1 h2 item part sig_issuer sig_date publish cc print
    #            table_title table_header table_row interp_title interp_unit glossary
    text: str = ""
    prefix: str = ""  # numbering + short title of an item ("（一）强化理论学习。"), printed bold in markdown
    cells: tuple[str, ...] = ()  # table_row cells


@dataclass
class Duty:
    section: tuple[str, ...]
    section_title: str
    sector: str
    own_text: str  # the duty's own text from its first word (logical form)
    units: list[tuple[Unit, str]] = field(default_factory=list)
    source: str = "none"
    open_list: bool = False
    restated: bool = False  # restated verbatim in a task-division table of the same file
    declares: list[Unit] = field(default_factory=list)  # blanket-default units declared in this duty


@dataclass
class Doc:
    meta: dict
    blocks: list[Block] = field(default_factory=list)
    duties: list[Duty] = field(default_factory=list)


def _date(rng: random.Random, year: int, months=(1, 3)) -> tuple[int, int, int]:
    return year, rng.randint(*months), rng.randint(1, 28)


def _iso(d: tuple[int, int, int]) -> str:
    return f"{d[0]:04d}-{d[1]:02d}-{d[2]:02d}"


def _cn_date(d: tuple[int, int, int]) -> str:
    return f"{d[0]}年{d[1]}月{d[2]}日"


def _paren(n: int) -> tuple[str, str]:
    """Printed （一） and its section-path form (一)."""
    return f"（{cn_number(n)}）", f"({cn_number(n)})"


class NoticeComposer:
    """One notice: header, preamble, numbered sections with tasks, closing."""

    def __init__(self, rng: random.Random, j: Jurisdiction, year: int, style: str, layout: str, round_: int = 0):
        self.rng, self.j, self.year, self.style, self.layout = rng, j, year, style, layout
        self.round = round_  # 文号 of round r are r*30+1 … r*30+30: unique per jurisdiction and year
        self.L = j.level_word
        self.writer = Writer(rng, self.L)
        self.units = UnitPicker(j, rng)
        self.doc = Doc(meta={})
        self.table_rows: list[tuple[str, str, str, Attribution]] = []  # (h1, h2, text, cell)
        self.defaults_on = style == "paren" and rng.random() < 0.6
        self.defaults_declared = False
        self.l3 = rng.choice(["{n}.", "{n}.", "{n}、"])
        self.continuous_l2 = layout != "pdf"
        self.l2_counter = 0

    # -- building blocks ---------------------------------------------------------------------
    def add(self, kind: str, text: str = "", prefix: str = "", cells: tuple[str, ...] = ()) -> None:
        self.doc.blocks.append(Block(kind, text, prefix, cells))

    def body(self, sector: str, lo: int = 1, hi: int = 4) -> str:
        return self.writer.opening_sentence(sector) + self.writer.filler(sector, self.rng.randint(lo, hi))

    # -- tasks by style ----------------------------------------------------------------------
    def paren_tasks(self, path: tuple[str, ...], title: str, sector: str) -> str:
        """An item's text carrying one to three parenthetical attributions."""
        n = self.rng.choices([1, 2, 3], [85, 10, 5])[0]
        parts = []
        for i in range(n):
            r = self.rng.random()
            text = self.body(sector)
            duty = Duty(path, title, sector, text)
            # an item without a closing parenthetical has no boundary to the next task: only when it is alone
            if r < 0.04 and self.defaults_declared and n == 1:  # no attribution: only the defaults apply
                parts.append(text)
            elif r < 0.08 and n == 1:
                a = self.units.opening_clause(sector)
                duty.own_text = text = a.phrase + "。" + text
                duty.units, duty.source = list(a.units), "parenthetical"
                parts.append(text)
            else:
                a = self.units.attribution(sector)
                phrase = a.phrase
                if self.defaults_on and not self.defaults_declared:
                    phrase, duty = self.declare_defaults(a, duty)
                if not duty.declares:
                    duty.units, duty.open_list = list(a.units), a.open_list
                duty.source = "parenthetical"
                open_, close = self.rng.choice([("（", "）")] * 6 + [("[", "]"), ("【", "】")])
                parts.append(text + open_ + phrase + close + ("。" if i < n - 1 or self.rng.random() < 0.1 else ""))
            self.doc.duties.append(duty)
        return "".join(parts)

    def declare_defaults(self, a: Attribution, duty: Duty) -> tuple[str, Duty]:
        defaults = self.units.defaults()
        names = "和".join(u.name for u in defaults) if self.rng.random() < 0.5 else "、".join(u.name for u in defaults)
        units = [(u, "responsible") for u in defaults]
        explicit = self.units.one_actor("general", "list", ("committee",))
        if self.rng.random() < 0.5:  # the default units are named explicitly too (000, 002)
            phrase = f"{explicit.name}、{names}负责"
            duty.units = [(explicit, "responsible")] + units
        else:
            phrase = f"{explicit.name}负责"
            duty.units = [(explicit, "responsible")]
        duty.open_list = False
        duty.declares = defaults
        phrase += "。" + self.rng.choice(["以下均需", "以下均需", "以下均由"]) + names + "负责，" + self.rng.choice(
            ["不再一一列出", "不再一一列出", "不再逐一列出"])
        self.defaults_declared = True
        self.units.excluded = {u.name for u in defaults}
        return phrase, duty

    def sentence_tasks(self, path: tuple[str, ...], title: str, sector: str) -> str:
        """An item whose actors are named only in sentences (各级各部门要…, 企业要…)."""
        rng = self.rng
        if rng.random() < 0.25:  # nobody named
            text = self.body(sector, 1, 4)
            self.doc.duties.append(Duty(path, title, sector, text))
            return text
        first = self.units.one_actor(sector, "sentence")
        sentences = []
        if rng.random() < 0.7:
            sentences.append(self.writer.actor_sentence(first.name, sector))
        else:
            sentences.append(self.writer.opening_sentence(sector))
            sentences.append(self.writer.actor_sentence(first.name, sector))
        sentences.append(self.writer.filler(sector, rng.randint(0, 2)))
        own = "".join(sentences)
        units = [(first, "responsible")]
        if rng.random() < 0.3:
            second = self.units.one_actor(sector, "sentence")
            if second.name != first.name:  # a sentence naming another actor: one duty, both answer for it
                own += self.writer.actor_sentence(second.name, sector)
                units.append((second, "responsible"))
        self.doc.duties.append(Duty(path, title, sector, own, units, "in_sentence"))
        return own

    def table_tasks(self, path: tuple[str, ...], title: str, sector: str, h1: str, h2: str, lead: str) -> str:
        """Body text of an item whose attributions are given by task-division table rows."""
        parts = []
        for i in range(self.rng.choices([1, 2, 3], [70, 20, 10])[0]):
            if self.rng.random() < 0.15:
                actor = self.units.one_actor(sector, "sentence")
                text = self.writer.actor_sentence(actor.name, sector) + self.writer.filler(sector, self.rng.randint(0, 3))
            else:
                text = self.body(sector)
            cell = self.units.table_cell(sector)
            self.doc.duties.append(Duty(path, title, sector, text, list(cell.units), "table", cell.open_list, True))
            self.table_rows.append((h1, h2, (lead if i == 0 else "") + self.table_edit(text), cell))
            parts.append(text)
        if self.rng.random() < 0.06:  # a row with no counterpart in the body: one sentence of its own (001)
            text = self.writer.opening_sentence(sector)
            cell = self.units.table_cell(sector)
            self.doc.duties.append(Duty(path, title, sector, text, list(cell.units), "table", cell.open_list))
            self.table_rows.append((h1, h2, text, cell))
        return "".join(parts)

    def table_edit(self, text: str) -> str:
        """Tables restate the body with small edits, never in the first words."""
        if self.rng.random() < 0.2:
            cut = text.find("，", 24)
            if cut > 0:
                return text[: cut + 1] + "切实" + text[cut + 1:]
        return text

    def inline_enumeration(self, path: tuple[str, ...], title: str, sector: str) -> str:
        """一是…二是…三是… inside one paragraph, each its own task (004)."""
        parts = []
        for k in range(1, self.rng.randint(2, 5) + 1):
            num = cn_number(k) + "是"
            text = self.body(sector, 0, 2)
            self.doc.duties.append(Duty(path + (num,), title, sector, text))
            parts.append(num + text)
        return "".join(parts)

    # -- structure ---------------------------------------------------------------------------
    def item(self, path: tuple[str, ...], prefix: str, title: str, sector: str, h1: str, h2: str) -> None:
        if self.style == "paren":
            self.add("item", self.paren_tasks(path, title, sector), prefix)
        elif self.style == "table":
            lead = prefix if path[-1][0].isdigit() else ""
            self.add("item", self.table_tasks(path, title, sector, h1, h2, lead), prefix)
        else:
            if self.rng.random() < 0.15:
                self.add("item", self.inline_enumeration(path, title, sector), prefix)
            else:
                self.add("item", self.sentence_tasks(path, title, sector), prefix)

    def next_l2(self, local: int) -> tuple[str, str]:
        self.l2_counter += 1
        return _paren(self.l2_counter if self.continuous_l2 else local)

    def theme(self, number: int, theme: dict, budget: int) -> None:
        rng = self.rng
        h1_num = cn_number(number)
        heading = rng.choice(theme["headings"])
        h1_text = f"{h1_num}、{heading}"
        self.add("h1", h1_text)
        if self.style != "table" and (rng.random() < 0.25 or (self.defaults_on and not self.defaults_declared)):
            path = (h1_num,)
            text = (self.paren_tasks if self.style == "paren" else self.sentence_tasks)(path, heading, "general")
            self.add("para", text)
        if "items" in theme:
            items = rng.sample(theme["items"], rng.randint(2, len(theme["items"])))
        else:
            sectors = rng.sample(theme["sectors"], rng.randint(3, len(theme["sectors"])))
            items = [[rng.choice(vocab().content["sectors"][s]["titles"]), s] for s in sectors]
        nested = "sectors" in theme and self.layout == "pdf" and rng.random() < 0.6
        local = 0
        if nested:  # （一）heading, then 1. 2. 3. items (000)
            local += 1
            p2, n2 = self.next_l2(local)
            h2_title = "深入开展重点行业领域专项整治" if theme["name"] == "special" else "加强重点灾种防范"
            self.add("h2", p2 + h2_title)
            for k, (title, sector) in enumerate(items, 1):
                n3 = self.l3.format(n=k)
                self.item((h1_num, n2, n3.rstrip(".、")), n3 + title + "。", title, sector, h1_text, p2 + h2_title)
                if self.size() > budget:
                    break
            return
        for title, sector in items:
            local += 1
            p2, n2 = self.next_l2(local)
            self.item((h1_num, n2), p2 + title + "。", title, sector, h1_text, p2 + title)
            if self.size() > budget:
                break

    def size(self) -> int:
        return sum(len(b.text) + len(b.prefix) for b in self.doc.blocks) * (2 if self.style == "table" else 1)

    def compose(self, budget: int) -> Doc:
        rng, j, c = self.rng, self.j, vocab().content
        kind_office = rng.random() < 0.15
        issuer = j.name + "人民政府" + ("办公室" if kind_office else "")
        number = f"{j.docno}政{'办' if kind_office else ''}发〔{self.year}〕{self.round * 30 + rng.randint(1, 30)}号"
        title = rng.choice(c["titles_notice"]).format(Y=self.year, L=self.L)
        addressees = [SUBORDINATES[j.level][0]] + ([j.zone + "管委会"] if j.zone else []) + [
            rng.choice({"province": ["省人民政府各委、办、厅", "省直各有关单位"],
                        "city": ["市直各有关单位", "市人民政府各部门"],
                        "county": [f"{j.prefix}直各单位", f"{j.prefix}人民政府各部门"]}[j.level])]
        if j.prefix == "区":
            addressees = [("各街道办事处" if x.startswith("各乡") else x) for x in addressees]
        sig = _date(rng, self.year)
        printed = (sig[0], sig[1], min(28, sig[2] + rng.randint(1, 10)))
        head = rng.choice(["docno_first", "head_first", "title_first"]) if self.layout != "markdown" else "head_first"
        # a notice whose header does not name the issuer (000) always signs
        has_sig = self.layout == "pdf" or head == "title_first" or rng.random() < 0.3
        self.doc.meta = dict(number=number, issuer=issuer, title=title, date=_iso(sig if has_sig else printed),
                             jurisdiction=j.name, level=j.level, kind="notice", addressees=addressees,
                             cited_document_numbers=[])
        if head == "title_first":  # 000: title, 文号, addressees; the issuer only signs
            self.add("title", title)
            self.add("docno", number)
        elif head == "docno_first":  # 001
            self.add("docno", number)
            self.add("head", issuer)
            self.add("title", title)
        else:  # 002, 004
            self.add("head", issuer + "文件")
            self.add("docno", number)
            self.add("issuer_title", issuer + " " + title)
        self.add("addressees", "，".join(addressees) + "：")
        preamble = rng.choice(c["preambles"]).format(Y=self.year, L=self.L)
        if self.year <= 2022:
            preamble = preamble.replace("二十大", "十九大")
        if j.level != "province" and rng.random() < 0.3:
            parent = vocab().jurisdiction(j.parent)
            pno = f"{parent.docno}政发〔{self.year}〕{rng.randint(1, 9)}号"
            preamble += f"根据《{parent.name}人民政府{c['titles_notice'][0].format(Y=self.year, L='')}》（{pno}）部署，结合我{self.L}实际，提出如下要求。"
            self.doc.meta["cited_document_numbers"].append(pno)
        self.add("para", preamble)
        themes = list(c["themes"])
        first = [t for t in themes if t["name"] in ("education", "responsibility")]
        rest = [t for t in themes if t not in first]
        rng.shuffle(first)
        order = first[:1] + sorted(rng.sample(rest, len(rest)), key=lambda t: [x["name"] for x in themes].index(t["name"]))
        for k, theme in enumerate(order, 1):
            self.theme(k, theme, budget)
            if self.size() > budget and k >= 3:
                break
        if self.style == "table":
            self.table()
        if has_sig:
            self.add("sig_issuer", issuer)
            self.add("sig_date", _cn_date(sig))
        self.add("publish", "（此件公开发布）")
        self.add("cc", "抄送：" + rng.choice(c["closings_cc"]).format(L=self.L))
        self.add("print", f"{j.name}人民政府办公室\t{_cn_date(printed)}印发")
        return self.doc

    def table(self) -> None:
        """重点任务分工 (001): one cell per line, blank cells inherit, the heading cells repeat after a page break."""
        self.add("table_title", "重点任务分工")
        self.add("table_header", cells=("主要内容", "具体事项", "工作任务", "责任单位"))
        prev = ("", "")
        for k, (h1, h2, text, cell) in enumerate(self.table_rows):
            page_break = k > 0 and k % self.rng.randint(4, 7) == 0
            c1 = h1 if (h1 != prev[0] or page_break) else ""
            c2 = h2 if (h2 != prev[1] or page_break or c1) else ""
            self.add("table_row", cells=(c1, c2, text, cell.phrase))
            prev = (h1, h2)


def compose_notice(rng: random.Random, j: Jurisdiction, year: int, style: str, layout: str, budget: int,
                   round_: int = 0) -> Doc:
    return NoticeComposer(rng, j, year, style, layout, round_).compose(budget)


def compose_interpretation(rng: random.Random, j: Jurisdiction, year: int, budget: int) -> Doc:
    """A policy interpretation (003): 第X部分 and 一是/二是 items, actors only in sentences, a glossary."""
    c = vocab().content
    nc = NoticeComposer(rng, j, year, "sentence", "clean")
    doc = nc.doc
    parent = vocab().jurisdiction(j.parent)
    grand = vocab().jurisdiction(parent.parent) if parent.parent else parent
    notice = c["titles_notice"][0].format(Y=year, L="")
    numbers = [f"{grand.docno}政发〔{year}〕1号", f"{parent.docno}政发〔{year}〕{rng.randint(1, 5)}号"]
    title = f"《{j.name}人民政府{notice}》政策解读"
    doc.meta = dict(number=None, issuer=j.name + "应急管理局", title=title, date=None, jurisdiction=j.name,
                    level=j.level, kind="interpretation", addressees=[], cited_document_numbers=numbers)
    nc.add("interp_title", title)
    nc.add("interp_unit", f"解读单位：{j.name}应急管理局")
    nc.add("h1", "一、背景依据")
    nc.add("para", f"{year}年，做好全年安全生产工作，营造安全稳定的发展环境，意义重大。为进一步巩固安全生产工作成果，持续提升全{nc.L}本质安全水平，"
                   f"依据《{grand.name}人民政府{notice}》（{numbers[0]}）和《{parent.name}人民政府{notice}》（{numbers[1]}）的文件精神和工作任务，"
                   f"紧密围绕我{nc.L}安全生产实际，制定了《{j.name}人民政府{notice}》。")
    parts = rng.sample(c["interpretation"]["parts"], rng.randint(4, len(c["interpretation"]["parts"])))
    nc.add("h1", "二、主要任务")
    nc.add("para", "严格执行各项工作机制和工作标准：" + "；".join(parts) + "，以高水平安全服务高质量发展。")
    nc.add("h1", "三、主要内容")
    sectors = ["general", "general", "education_training", "emergency_rescue", "coal_mine", "hazardous_chemicals", "fire",
               "road_transport", "flood_drought", "gas"]
    for k, part in enumerate(parts, 1):
        pnum = f"第{cn_number(k)}部分"
        nc.add("part", f"{pnum}：{part}。")
        sector = rng.choice(sectors)
        for m in range(1, rng.randint(3, 6) + 1):
            num = cn_number(m) + "是"
            path = ("三", pnum, num)
            if rng.random() < 0.25:  # 一是**务实推进工作**，要以…为抓手 (no named actor)
                topic = rng.choice(vocab().content["sectors"][sector if sector in c["sectors"] else "general"]["objects"])
                text = f"要以{nc.writer.opener(sector)}为抓手，{nc.writer.purpose()}。" + nc.writer.filler(sector, rng.randint(0, 2))
                nc.add("item", text, prefix=f"{num}**{topic}**，")
                doc.duties.append(Duty(path, topic, sector, text))
            else:
                text = nc.sentence_tasks(path, part, sector)
                nc.add("item", text, prefix=num)
        if nc.size() > budget:
            break
    nc.add("h1", "四、专业术语注释")
    for k, (label, definition) in enumerate(rng.sample(c["interpretation"]["glossary"], rng.randint(3, len(c["interpretation"]["glossary"]))), 1):
        nc.add("glossary", f"{k}. {label}：{definition}")
    return doc


def compose_reply(rng: random.Random, j: Jurisdiction, year: int, month: int, seq: int) -> Doc:
    """A reply letter (批复) of a city government, as in 000 after the notice; 你局 stands for the addressee."""
    c = vocab().content["replies"]
    doc = Doc(meta={})
    issuer = j.name + "人民政府"
    number = f"{j.docno}政函〔{year}〕{seq}号"
    date = (year, month, rng.randint(1, 28))
    a, b = rng.sample(c["places"], 2)
    kind = rng.choice(["authorize", "accident", "accident", "approve"])
    if kind == "authorize" and rng.random() < 0.4:
        addressee, pronoun = f"{vocab().jurisdiction(j.parent).name}公路局{j.short}分局", "你单位"
    else:
        addressee, pronoun = j.prefix + rng.choice(c["authorities"]), "你局"
    if kind == "accident":
        addressee, pronoun = j.prefix + "应急管理局", "你局"
    blocks: list[Block] = []
    duties: list[Duty] = []
    cited: list[str] = []
    path_title = ""
    if kind == "authorize":
        project = rng.choice(c["projects"]).format(a=a, b=b, n=rng.randint(101, 340))
        title = f"关于授权{addressee.replace(j.prefix, j.name, 1) if addressee.startswith(j.prefix) else addressee}为{project}实施机构的批复"
        cited.append(f"国办函〔{year - 1}〕{rng.randint(100, 130)}号")
        text = (f"现授权{pronoun}为{project}实施机构，负责特许经营方案编制、特许经营者选择、特许经营协议签订、项目实施监管、合作期满移交接收等工作。")
        blocks.append(Block("para", f"根据《国务院办公厅转发国家发展改革委、财政部<关于规范实施政府和社会资本合作新机制的指导意见>的通知》（{cited[0]}）精神，" + text))
        duties.append(Duty((), path_title, "general", text, [(Unit(addressee, "department"), "responsible")], "addressee"))
    elif kind == "accident":
        company = f"{j.short}{a}{rng.choice(c['companies'])}有限公司"
        accident = f"{company}“{rng.randint(1, 12)}·{rng.randint(1, 28)}”{rng.choice(c['accidents'])}事故"
        req = f"{j.docno}应急字〔{year}〕{rng.randint(10, 60)}号"
        cited.append(req)
        title = f"关于{accident}调查报告的批复"
        blocks.append(Block("para", f"{pronoun}《关于上报<{accident}调查报告>的请示》（{req}）收悉。经研究，现批复如下："))
        blocks.append(Block("item", "事故调查工作符合《中华人民共和国安全生产法》和《生产安全事故报告和调查处理条例》等有关法律法规规定。", "一、"))
        t2 = f"有关单位要严格落实对{company}相关责任单位和责任人员的处理决定。"
        blocks.append(Block("item", f"同意事故调查组对{accident}的原因分析、性质和责任认定，以及对事故责任单位和人员的处理建议。" + t2, "二、"))
        duties.append(Duty(("二",), "", "general", t2, [(Unit("有关单位", "vague"), "responsible")], "in_sentence"))
        blocks.append(Block("item", "同意事故调查报告中提出的事故防范和整改措施建议。", "三、"))
        t4 = f"{pronoun}要按照规定向社会公布{company}事故调查报告（依法应当保密的除外），同时将相关资料及时归档。"
        blocks.append(Block("item", t4, "四、"))
        duties.append(Duty(("四",), "", "general", t4, [(Unit(addressee, "department"), "responsible")], "addressee"))
        t5 = f"{company}事故结案后10个月至1年内，由{pronoun}牵头组织对事故防范和整改措施落实情况进行评估。"
        blocks.append(Block("item", t5, "五、"))
        duties.append(Duty(("五",), "", "general", t5, [(Unit(addressee, "department"), "lead")], "addressee"))
    else:
        subject = rng.choice(c["subjects"]).format(a=a, b=b)
        req = f"{j.docno}{rng.choice(['自然资', '住建', '交通', '城管'])}字〔{year}〕{rng.randint(10, 90)}号"
        cited.append(req)
        title = f"关于{subject}的批复"
        blocks.append(Block("para", f"{pronoun}《关于{subject}的请示》（{req}）收悉。经研究，现批复如下："))
        blocks.append(Block("para", f"同意{pronoun}关于{subject}的请示，请依法依规按程序办理。"))
    doc.meta = dict(number=number, issuer=issuer, title=title, date=_iso(date), jurisdiction=j.name, level=j.level,
                    kind="reply", addressees=[addressee], cited_document_numbers=cited)
    doc.blocks = ([Block("page_header", issuer), Block("title", title), Block("docno", number),
                   Block("addressees", addressee + "：")] + blocks +
                  [Block("sig_issuer", issuer), Block("sig_date", _cn_date(date)), Block("publish", "（此件公开发布）")])
    doc.duties = duties
    return doc
