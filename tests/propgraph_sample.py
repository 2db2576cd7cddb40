"""A small hand-made property graph shared by the property-graph tests (two documents, one
sector, one regulation, jurisdictions; roles lead/support/responsible, one inherited duty)."""

from __future__ import annotations

from kg.propgraph import PropertyGraph, make_graph

D1, D2 = "doc:临政发〔2024〕1号", "doc:襄政发〔2025〕1号"
QUOTE = "严格落实企业安全生产主体责任（市应急局牵头，市住建局、市交通局配合）"


def small_graph(*, drop_task: bool = False, second_doc: bool = True) -> PropertyGraph:
    """Two documents, sections, tasks, units, one sector, one regulation, jurisdictions."""
    nodes = [
        ("Jurisdiction", "j:山西省", {"name": "山西省", "level": "province"}),
        ("Jurisdiction", "j:临汾市", {"name": "临汾市", "level": "city"}),
        ("Document", D1, {"number": "临政发〔2024〕1号", "identifier": "临政发〔2024〕1号", "title": "关于做好2024年安全生产工作的通知", "doc": D1}),
        ("Section", f"{D1}/s/一", {"number": "一", "title": "总体要求", "depth": 1, "doc": D1}),
        ("Task", f"{D1}/t/一/1", {"ordinal": 1, "quote": QUOTE, "start": 120, "end": 155, "doc": D1, "open_list": False}),
        ("Task", f"{D1}/t/一/2", {"ordinal": 2, "quote": "加强隐患排查", "start": 156, "end": 170, "doc": D1}),
        ("Unit", "u:临汾市应急管理局", {"name": "临汾市应急管理局", "kind": "department"}),
        ("Unit", "u:临汾市住房和城乡建设局", {"name": "临汾市住房和城乡建设局", "kind": "department"}),
        ("Unit", "u:临汾市交通运输局", {"name": "临汾市交通运输局", "kind": "department"}),
        ("Sector", "sector:construction", {"name": "建筑施工"}),
        ("Regulation", "reg:安全生产法", {"title": "中华人民共和国安全生产法"}),
    ]
    rels = [
        ("PART_OF", "j:临汾市", "j:山西省", "", {}),
        ("ISSUED_BY", D1, "u:临汾市应急管理局", "", {}),
        ("HAS_SECTION", D1, f"{D1}/s/一", "", {}),
        ("HAS_TASK", f"{D1}/s/一", f"{D1}/t/一/1", "", {}),
        ("HAS_TASK", f"{D1}/s/一", f"{D1}/t/一/2", "", {}),
        ("ASSIGNED", f"{D1}/t/一/1", "u:临汾市应急管理局", "a1", {"role": "lead", "inherited": False, "name": "市应急局"}),
        ("ASSIGNED", f"{D1}/t/一/1", "u:临汾市住房和城乡建设局", "a2", {"role": "support", "inherited": False}),
        ("ASSIGNED", f"{D1}/t/一/1", "u:临汾市交通运输局", "a3", {"role": "support", "inherited": False}),
        ("ASSIGNED", f"{D1}/t/一/2", "u:临汾市应急管理局", "a4", {"role": "responsible", "inherited": True}),
        ("IN_SECTOR", f"{D1}/t/一/1", "sector:construction", "", {"primary": True}),
        ("CITES", f"{D1}/t/一/1", "reg:安全生产法", "", {}),
        ("PART_OF", "u:临汾市应急管理局", "j:临汾市", "", {}),
    ]
    if drop_task:  # the second version of D1: task 2 gone, 交通局 no longer named
        nodes = [n for n in nodes if n[1] not in (f"{D1}/t/一/2", "u:临汾市交通运输局")]
        rels = [r for r in rels if f"{D1}/t/一/2" not in r[1:3] and "u:临汾市交通运输局" not in r[1:3]]
    if second_doc:
        nodes += [
            ("Document", D2, {"number": "襄政发〔2025〕1号", "identifier": "襄政发〔2025〕1号", "doc": D2}),
            ("Section", f"{D2}/s/一", {"number": "一", "depth": 1, "doc": D2}),
            ("Task", f"{D2}/t/一/1", {"ordinal": 1, "quote": "开展专项整治", "start": 10, "end": 16, "doc": D2}),
            ("Unit", "u:襄汾县应急管理局", {"name": "襄汾县应急管理局", "kind": "department"}),
        ]
        rels += [
            ("HAS_SECTION", D2, f"{D2}/s/一", "", {}),
            ("HAS_TASK", f"{D2}/s/一", f"{D2}/t/一/1", "", {}),
            ("ASSIGNED", f"{D2}/t/一/1", "u:襄汾县应急管理局", "b1", {"role": "lead", "inherited": False}),
            ("CITES", f"{D2}/t/一/1", "reg:安全生产法", "", {}),
        ]
    return make_graph(nodes, rels)
