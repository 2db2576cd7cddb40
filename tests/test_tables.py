"""Task-division tables: flattened tab cells (with or without a title line) and markdown pipe tables."""

from loaders import load_text
from loaders.tables import find_tables

BODY = """关于印发安全生产工作要点的通知
测政发〔2025〕9号
各县人民政府：
一、重点工作
（一）加强瓦斯治理。开展瓦斯专项治理行动。
（二）强化危化品监管。开展危险化学品专项整治。
测试市人民政府
2025年3月1日
"""


def test_tab_table_without_a_title_line_and_with_a_deadline_column():
    raw = BODY + "\t序号\n\t工作任务\n\t牵头单位\n\t配合单位\n\t完成时限\n\n" \
        "\t1\n\t开展瓦斯专项治理行动。\n\t市能源局\n\t市应急局\n\t2025年底\n\n" \
        "\t2\n\t开展危险化学品专项整治。\n\t市应急局\n\t\n\t长期\n"
    tables = find_tables(raw)
    assert [(r.task.text, [(role, c.text) for role, c in r.units]) for r in tables[0].rows] == [
        ("开展瓦斯专项治理行动。", [("lead", "市能源局"), ("support", "市应急局")]),
        ("开展危险化学品专项整治。", [("lead", "市应急局")]),
    ]
    d = load_text(raw, "x.txt").documents[0]
    assert [[(a.name, a.role, a.source) for a in t.assignments] for t in d.tasks] == [
        [("市能源局", "lead", "table"), ("市应急局", "support", "table")],
        [("市应急局", "lead", "table")],
    ]


def test_markdown_pipe_table():
    raw = BODY + "\n| 序号 | 重点任务 | 责任单位 |\n|---|---|---|\n| 1 | 开展瓦斯专项治理行动。 | 市能源局、市应急局 |\n" \
        "| 2 | 开展危险化学品专项整治。 | 市应急局等部门 |\n"
    d = load_text(raw, "x.md").documents[0]
    assert [([(a.name, a.role) for a in t.assignments], t.open_list) for t in d.tasks] == [
        ([("市能源局", "responsible"), ("市应急局", "responsible")], False),
        ([("市应急局", "responsible")], True),
    ]
    assert d.unplaced == ()
