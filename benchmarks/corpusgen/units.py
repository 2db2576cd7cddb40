"""Units as printed in a given jurisdiction, and the attribution phrases that name them."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .vocab import Actor, Department, Jurisdiction, vocab

__all__ = ["Unit", "Attribution", "UnitPicker", "join_units", "SUBORDINATES"]

SUBORDINATES = {
    "province": ("各市人民政府",),
    "city": ("各县（市、区）人民政府", "各县（市、区）人民政府", "各县（市、区）政府"),
    "county": ("各乡（镇）人民政府", "各乡镇人民政府"),
}


@dataclass(frozen=True)
class Unit:
    name: str  # logical (full-width) surface form
    kind: str


@dataclass
class Attribution:
    """A planted attribution: the phrase and what it means."""

    phrase: str  # without brackets, e.g. 市应急局、市能源局等部门分工负责
    units: list[tuple[Unit, str]] = field(default_factory=list)  # (unit, role), in order
    open_list: bool = False


def join_units(units: list[Unit], rng: random.Random) -> str:
    names = [u.name for u in units]
    if len(names) >= 2 and rng.random() < 0.15:
        return "、".join(names[:-1]) + "和" + names[-1]
    return "、".join(names)


class UnitPicker:
    """Chooses units relevant to a sector, printed for one jurisdiction."""

    def __init__(self, j: Jurisdiction, rng: random.Random):
        self.j = j
        self.rng = rng
        v = vocab()
        self.province = v.jurisdiction(j.parent) if j.level == "city" else (
            v.jurisdiction(v.jurisdiction(j.parent).parent) if j.level == "county" else j)
        self.excluded: set[str] = set()  # names a blanket default already covers

    # -- single units -------------------------------------------------------------------------
    def department(self, dep: Department) -> Unit:
        forms = dep.forms(self.j.level)
        form = forms[0] if len(forms) == 1 or self.rng.random() < 0.5 else self.rng.choice(forms[1:])
        return Unit(self.j.prefix + form, "department")

    def actor(self, a: Actor) -> Unit | None:
        if "{zone}" in a.template and not self.j.zone:
            return None
        if a.template == "{sub}人民政府":
            return Unit(self.rng.choice(SUBORDINATES[self.j.level]), "government")
        return Unit(a.template.format(p=self.j.prefix, zone=self.j.zone), a.kind)

    def special(self, sector: str) -> Unit | None:
        if sector == "coal_mine" and self.province.name == "山西省":
            n = self.rng.choice("一二三四五六七八九十")
            return Unit(f"国家矿山安监局山西局执法{n}处", "department")
        return None

    # -- lists -------------------------------------------------------------------------------
    def departments(self, sector: str, k: int) -> list[Unit]:
        deps = [d for d in vocab().departments if "*" in d.sectors or sector in d.sectors]
        if len(deps) < k:
            deps += [d for d in vocab().departments if d not in deps and "general" in d.sectors]
        self.rng.shuffle(deps)
        out, seen = [], set()
        for d in deps:
            u = self.department(d)
            if u.name in seen or u.name in self.excluded:
                continue
            seen.add(u.name)
            out.append(u)
            if len(out) == k:
                break
        if out and self.rng.random() < 0.3:
            s = self.special(sector)
            if s:
                out.insert(min(len(out), 2), s)
        return out

    def actors(self, sector: str, use: str, kinds: tuple[str, ...] | None = None) -> list[Unit]:
        out = []
        for a in vocab().actors:
            if use not in (a.use, "any") and a.use != "both":
                continue
            if kinds and a.kind not in kinds:
                continue
            if "*" not in a.sectors and sector not in a.sectors:
                continue
            u = self.actor(a)
            if u and u.name not in self.excluded and not (self.excluded and u.kind == "government"):
                out.append(u)
        return out

    def one_actor(self, sector: str, use: str, kinds: tuple[str, ...] | None = None) -> Unit:
        return self.rng.choice(self.actors(sector, use, kinds))

    def mixed(self, sector: str, k: int) -> list[Unit]:
        """Mostly departments, sometimes a committee, vague or party unit among them."""
        units = self.departments(sector, k)
        if self.rng.random() < 0.25:
            extra = self.actors(sector, "list", ("committee", "vague", "party", "government"))
            if extra:
                u = self.rng.choice(extra)
                if u.name not in {x.name for x in units}:
                    units.insert(self.rng.randrange(len(units) + 1), u)
        return units

    # -- attribution phrases -----------------------------------------------------------------
    def _open(self) -> str:
        return self.rng.choice(["等部门", "等部门", "等有关部门", "等单位", "等相关部门"])

    def attribution(self, sector: str, colon: str = "：", semi: str = "；") -> Attribution:
        """One parenthetical attribution, in one of the role forms of the genre."""
        r, rng = self.rng.random(), self.rng
        is_open = rng.random() < 0.4
        opn = self._open() if is_open else ""
        if r < 0.28:  # A、B分工负责 -> shared
            units = self.mixed(sector, rng.randint(1, 5))
            cue = rng.choice(["分工负责", "分工负责", "按职责分工负责", "分别负责", "按照职责分工负责"])
            return Attribution(join_units(units, rng) + opn + cue, [(u, "shared") for u in units], is_open)
        if r < 0.46:  # X负责 -> responsible
            if rng.random() < 0.4:
                units = [self.one_actor(sector, "list", ("vague", "committee"))]
                opn, is_open = "", False
            else:
                units = self.mixed(sector, rng.randint(1, 4))
            return Attribution(join_units(units, rng) + opn + "负责", [(u, "responsible") for u in units], is_open)
        if r < 0.58:  # A牵头，B、C等部门分工负责 -> lead + shared
            lead, *rest = self.departments(sector, rng.randint(2, 5))
            if not rest:
                rest = [self.one_actor(sector, "list", ("vague",))]
            rest_phrase = join_units(rest, rng) + opn + rng.choice(["分工负责", "按职责分工负责"])
            if rng.random() < 0.3 and lead.name.startswith(self.j.prefix):
                rest_phrase = rng.choice([f"{self.j.prefix}{self._committee_of(sector)}各成员单位"]) + "分工负责"
                rest, is_open = [Unit(rest_phrase[:-4], "committee")], False
            return Attribution(f"{lead.name}牵头，{rest_phrase}",
                               [(lead, "lead")] + [(u, "shared") for u in rest], is_open)
        if r < 0.66:  # A牵头，B配合 -> lead + support
            lead, *rest = self.departments(sector, rng.randint(2, 4))
            if not rest:
                rest = [self.one_actor(sector, "list", ("vague",))]
            cue = rng.choice(["配合", "配合", "协助", "参与"])
            return Attribution(f"{lead.name}牵头，{join_units(rest, rng)}{opn}{cue}",
                               [(lead, "lead")] + [(u, "support") for u in rest], is_open)
        if r < 0.71:  # A会同B分工负责 -> lead + shared
            lead, *rest = self.departments(sector, rng.randint(2, 4))
            if not rest:
                rest = [self.one_actor(sector, "list", ("vague",))]
            return Attribution(f"{lead.name}会同{join_units(rest, rng)}{opn}分工负责",
                               [(lead, "lead")] + [(u, "shared") for u in rest], is_open)
        if r < 0.81:  # X督促企业落实 -> oversee + enterprise responsible
            units = ([self.one_actor(sector, "list", ("vague",))] if rng.random() < 0.5
                     else self.departments(sector, rng.randint(1, 3)))
            ent = rng.choice(["企业", "企业", "生产经营单位"])
            cue = rng.choice(["督促", "指导督促", "督促指导"]) + ent + "落实"
            return Attribution(join_units(units, rng) + cue,
                               [(u, "oversee") for u in units] + [(Unit(ent, "enterprise"), "responsible")])
        if r < 0.84:  # X督促落实 -> oversee
            units = self.departments(sector, rng.randint(1, 3))
            cue = rng.choice(["督促落实", "指导督促落实"])
            return Attribution(join_units(units, rng) + opn + cue, [(u, "oversee") for u in units], is_open)
        if r < 0.88:  # X负责并督促企业落实 -> responsible + oversee + enterprise
            units = [self.one_actor(sector, "list", ("vague", "committee"))]
            return Attribution(join_units(units, rng) + "负责并督促企业落实",
                               [(u, "responsible") for u in units] + [(u, "oversee") for u in units]
                               + [(Unit("企业", "enterprise"), "responsible")])
        if r < 0.91:  # A（牵头）、B、C负责 -> the marked unit leads, the others are responsible
            lead, *rest = self.departments(sector, rng.randint(2, 4))
            if not rest:
                rest = [self.one_actor(sector, "list", ("vague",))]
            mark = rng.choice(["（牵头）", "（牵头）", "（牵头单位）"])
            return Attribution(f"{lead.name}{mark}、{join_units(rest, rng)}负责",
                               [(lead, "lead")] + [(u, "responsible") for u in rest])
        # labelled forms
        r2 = rng.random()
        if r2 < 0.4:
            units = self.mixed(sector, rng.randint(1, 4))
            return Attribution(f"责任单位{colon}{join_units(units, rng)}{opn}",
                               [(u, "responsible") for u in units], is_open)
        lead, *rest = self.departments(sector, rng.randint(2, 4))
        if not rest:
            rest = [self.one_actor(sector, "list", ("vague",))]
        second, role = ("配合单位", "support") if r2 < 0.75 else ("责任单位", "responsible")
        return Attribution(f"牵头单位{colon}{lead.name}{semi}{second}{colon}{join_units(rest, rng)}{opn}",
                           [(lead, "lead")] + [(u, role) for u in rest], is_open)

    def opening_clause(self, sector: str) -> Attribution:
        """由X负责，Y配合。 at the start of a task."""
        lead, *rest = self.departments(sector, self.rng.randint(2, 3))
        if not rest:
            rest = [self.one_actor(sector, "list", ("vague",))]
        verb, role = self.rng.choice([("负责", "responsible"), ("牵头", "lead")])
        return Attribution(f"由{lead.name}{verb}，{join_units(rest, self.rng)}配合",
                           [(lead, role)] + [(u, "support") for u in rest])

    def table_cell(self, sector: str) -> Attribution:
        """The 责任单位 cell of a task-division table row."""
        rng = self.rng
        if rng.random() < 0.15:
            units = [self.one_actor(sector, "list", ("vague",))] if rng.random() < 0.6 else self.departments(sector, 2)
            return Attribution(join_units(units, rng) + "督促企业落实",
                               [(u, "oversee") for u in units] + [(Unit("企业", "enterprise"), "responsible")])
        govs: list[Unit] = []
        if rng.random() < 0.6:
            govs = [Unit(SUBORDINATES[self.j.level][-1], "government")]
            if self.j.zone:
                govs.append(Unit(self.j.zone + "管委会", "government"))
        if rng.random() < 0.2:
            units = [self.one_actor(sector, "list", ("vague", "committee"))]
            opn, is_open = "", False
        else:
            units = self.departments(sector, rng.randint(1, 5))
            is_open = rng.random() < 0.4
            opn = self._open() if is_open else ""
        units = [u for u in units if u.name not in {g.name for g in govs}]
        sep = "，" if govs and rng.random() < 0.6 else "、"
        text = ("、".join(g.name for g in govs) + sep if govs else "") + "、".join(u.name for u in units) + opn
        return Attribution(text, [(u, "responsible") for u in govs + units], is_open)

    def defaults(self) -> list[Unit]:
        """The units of a blanket default (以下均需X负责，不再一一列出)."""
        out = [Unit(SUBORDINATES[self.j.level][0], "government")]
        if self.j.zone:
            out.append(Unit(self.j.zone + "管委会", "government"))
        return out

    def _committee_of(self, sector: str) -> str:
        return {"self_built_housing": "自建房整治专班", "gas": "燃气安全专项整治专班"}.get(sector, "安委会")
