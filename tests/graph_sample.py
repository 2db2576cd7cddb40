"""A small hand-made SourceFile (kg.model) for graph tests: one notice, two sections, three tasks."""

from __future__ import annotations

from kg.model import Assignment, Citation, DefaultClause, Document, Section, SourceFile, Span, Task, Term

RAW = (
    "测试市人民政府关于做好安全生产工作的通知\n测政发〔2024〕9号\n"
    "一、强化责任\n(一)压实责任。各级各部门要落实责任(市应急局牵头，市公安局配合)。\n"
    "(二)隐患排查。开展排查(市住建局、市交通局等部门分工负责)。\n"
    "二、其他\n落实《安全生产法》。(有关部门负责)\n"
)


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def sample_source(name: str = "sample.txt", doc_id: str = "测政发〔2024〕9号") -> SourceFile:
    """The sample notice as the loaders would return it."""
    raw = RAW
    s1 = _span(raw, "一、强化责任")[0], _span(raw, "分工负责)。")[1]
    s11 = _span(raw, "(一)压实责任")[0], _span(raw, "配合)。")[1]
    s12 = _span(raw, "(二)隐患排查")[0], s1[1]
    s2 = _span(raw, "二、其他")[0], len(raw) - 1
    t1 = _span(raw, "压实责任。各级各部门要落实责任(市应急局牵头，市公安局配合)。")
    t2 = _span(raw, "隐患排查。开展排查(市住建局、市交通局等部门分工负责)。")
    t3 = _span(raw, "落实《安全生产法》。(有关部门负责)")
    sec = [
        Section(f"{doc_id}/一", "一", ("一",), "强化责任", None, 1, *s1),
        Section(f"{doc_id}/一/(一)", "(一)", ("一", "(一)"), "压实责任", f"{doc_id}/一", 2, *s11),
        Section(f"{doc_id}/一/(二)", "(二)", ("一", "(二)"), "隐患排查", f"{doc_id}/一", 2, *s12),
        Section(f"{doc_id}/二", "二", ("二",), "其他", None, 1, *s2),
    ]
    a = Assignment
    tasks = (
        Task(f"{doc_id}/一/(一)/t1", sec[1].id, 1, raw[t1[0]:t1[1]], *t1, raw[t1[0]:t1[1]],
             (a("市应急局", "测试市应急管理局", "lead", "department", "emergency_management", start=t1[0] + 16, end=t1[0] + 20),
              a("市公安局", "测试市公安局", "support", "department", "public_security", start=t1[0] + 22, end=t1[0] + 26)),
             "parenthetical", False, "general", ("general",)),
        Task(f"{doc_id}/一/(二)/t1", sec[2].id, 1, raw[t2[0]:t2[1]], *t2, raw[t2[0]:t2[1]],
             (a("市住建局", "测试市住房和城乡建设局", "shared", "department"),
              a("市交通局", "测试市交通运输局", "shared", "department"),
              a("市应急局", "测试市应急管理局", "responsible", "department", inherited=True)),
             "parenthetical", True, "construction", ("construction", "road_transport")),
        Task(f"{doc_id}/二/t1", sec[3].id, 1, raw[t3[0]:t3[1]], *t3, raw[t3[0]:t3[1]],
             (a("有关部门", "测试市有关部门", "responsible", "vague"),),
             "parenthetical", False, "general", ("general",),
             (Citation("安全生产法", t3[0] + 2, t3[0] + 9),), ("隐患排查",)),
    )
    doc = Document(
        doc_id, name, "测政发〔2024〕9号", "测试市人民政府", "关于做好安全生产工作的通知", "2024-03-01", "测试市", "city",
        "notice", 0, len(raw), ("各县(市、区)人民政府", "市直各部门"), ("市委",), ("安全生产法",), ("晋政发〔2024〕1号",),
        tuple(sec), tasks,
        (DefaultClause((a("市应急局", "测试市应急管理局", "responsible", "department", inherited=True),),
                       tasks[0].id, t1[0], t1[1]),),
        (Term("隐患排查", "查找事故隐患", s12[0], s12[1]),),
    )
    return SourceFile(name, name, "0" * 64, len(raw), (doc,), (Span(0, 3, "测试市"),), ("sample warning",))
