"""Task-division tables: flattened tab cells (with or without a title line) and markdown pipe tables."""

import pytest

from loaders import load_text
from loaders.tables import find_tables, restatements

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


def test_a_table_with_cells_between_tabs_and_category_rows():
    # Word's text: a row a line, category rows with the tabs of their empty cells or none, a blank cell inherits
    raw = BODY + "附件\n重点工作任务分解表\n序号\t工作任务\t责任单位\t完成时限\n一、重点工作\n" \
        "1\t开展瓦斯专项治理行动。\t市能源局牵头，市应急局配合\t2025年底\n二、专项整治\t\t\t\n" \
        "2\t开展危险化学品专项整治。\t\t长期\n"
    tables = find_tables(raw)
    assert [(r.task.text, [(role, c.text) for role, c in r.units]) for r in tables[0].rows] == [
        ("开展瓦斯专项治理行动。", [("responsible", "市能源局牵头，市应急局配合")]),
        ("开展危险化学品专项整治。", [("responsible", "市能源局牵头，市应急局配合")]),
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


def test_a_table_whose_unit_column_names_sections_of_a_bureau():
    raw = BODY + "\n| 序号 | 重点任务 | 责任科室 |\n|---|---|---|\n| 1 | 开展瓦斯专项治理行动。 | 质安科、建管科 |\n"
    d = load_text(raw, "x.md").documents[0]
    assert [(a.name, a.role, a.kind) for a in d.tasks[0].assignments] == [
        ("质安科", "responsible", "department"), ("建管科", "responsible", "department")]


@pytest.mark.parametrize("table", [
    # a web page glued the separator row and the next row to the row before ("|| --- |", "|| 2 |")
    "| 序号 | 重点任务 | 责任单位 || --- | --- | --- |\n| 1 | 开展瓦斯专项治理行动。 | 市能源局、市应急局 || 2 | "
    "开展危险化学品专项整治。 | 市应急局等部门 |\n",
    # a row whose task cell wrapped onto the next line (no bar at the end of the line, none at the start of the next)
    "| 序号 | 重点任务 | 责任单位 |\n|---|---|---|\n| 1 | 开展瓦斯专项治理行动。 | 市能源局、市应急局 |\n| 2 | 开展危险化学品\n"
    "专项整治。 | 市应急局等部门 |\n",
])
def test_a_pipe_table_with_glued_or_wrapped_rows(table):
    d = load_text(BODY + "\n" + table, "x.md").documents[0]
    assert [([(a.name, a.role) for a in t.assignments], t.open_list) for t in d.tasks] == [
        ([("市能源局", "responsible"), ("市应急局", "responsible")], False),
        ([("市应急局", "responsible")], True),
    ]


def test_a_role_marked_in_a_unit_cell():
    raw = BODY + "\n| 序号 | 重点任务 | 责任单位 |\n|---|---|---|\n| 1 | 开展瓦斯专项治理行动。 | 市能源局（牵头）、市应急局 |\n"
    d = load_text(raw, "x.md").documents[0]
    assert [[(a.name, a.role) for a in t.assignments] for t in d.tasks] == [
        [("市能源局", "lead"), ("市应急局", "responsible")], []]  # the second body task has no row


def test_table_with_cells_between_spaces():
    # as text extracted from a PDF table: one row a line; the table ends where a line has another number of cells
    raw = BODY + "二、重点任务分工表\n序号 工作任务 牵头单位 配合单位 完成时限\n" \
        "1 开展瓦斯专项治理行动 市能源局 市应急局 2025年底\n" \
        "2 开展危险化学品专项整治 市应急局 市公安局、市交通局 长期坚持\n" \
        "请各单位认真落实。\n"
    tables = find_tables(raw)
    assert [(r.task.text, [(role, c.text) for role, c in r.units]) for r in tables[0].rows] == [
        ("开展瓦斯专项治理行动", [("lead", "市能源局"), ("support", "市应急局")]),
        ("开展危险化学品专项整治", [("lead", "市应急局"), ("support", "市公安局、市交通局")]),
    ]
    assert raw[tables[0].end:].startswith("\n请各单位认真落实")
    assert find_tables("一、总体 要求 说明\n工作任务 很多\n") == []  # words that are not all column names


@pytest.mark.parametrize("cells,expected", [
    # one cell a line (text taken from a web page's table), numbered rows; a task cell wrapped over two lines
    ("序号\n工作任务\n牵头单位\n配合单位\n完成时限\n1\n开展瓦斯专项\n治理行动。\n市能源局\n市应急局\n2025年底\n"
     "2\n开展危险化学品专项整治。\n市应急局\n市公安局、市交通局\n长期坚持\n",
     [("开展瓦斯专项\n治理行动。", [("lead", "市能源局"), ("support", "市应急局")]),
      ("开展危险化学品专项整治。", [("lead", "市应急局"), ("support", "市公安局、市交通局")])]),
    # blank lines between the cells, no 序号: rows are as many lines as the header
    ("工作任务\n\n责任单位\n\n完成时限\n\n开展瓦斯专项治理行动。\n\n市能源局\n\n2025年底\n\n"
     "开展危险化学品专项整治。\n\n市应急局等部门\n\n长期\n",
     [("开展瓦斯专项治理行动。", [("responsible", "市能源局")]),
      ("开展危险化学品专项整治。", [("responsible", "市应急局等部门")])]),
])
def test_table_with_one_cell_a_line(cells, expected):
    raw = BODY + "附件\n2025年安全生产重点任务分工表\n" + cells + "请各单位认真落实。\n"
    tables = find_tables(raw)
    assert [(r.task.text, [(role, c.text) for role, c in r.units]) for r in tables[0].rows] == expected
    assert raw[tables[0].start:].startswith("附件\n")  # the title lines above belong to the table
    assert raw[tables[0].end:].startswith("\n请各单位认真落实")
    d = load_text(raw, "x.txt").documents[0]
    assert [t.text for t in d.tasks] == ["加强瓦斯治理。开展瓦斯专项治理行动。", "强化危化品监管。开展危险化学品专项整治。"]
    assert [t.source for t in d.tasks] == ["table", "table"]


def test_a_pdf_table_with_one_cell_a_line_and_every_cell_wrapped():
    # every cell wrapped at its column's width (unit names cut inside), a category row above the rows, a page
    # number and the header printed again between them, "/" for an empty cell
    raw = BODY + "附件\n2025年安全生产重点任务分工表\n" + (
        "序号\n工作任务\n牵头单位\n配合单位\n完成时限\n一、安全责任\n1\n开展瓦斯专项\n治理行动。\n市能源局、市\n应急局\n"
        "市公安局、市\n交通局\n2025年底\n— 3 —\n序号\n工作任务\n牵头单位\n配合单位\n完成时限\n二、专项整治\n2\n"
        "开展危险化学品\n专项整治。\n市消防救援支\n队\n/\n长期坚持\n")
    tables = find_tables(raw)
    assert [(r.task.text, [(role, c.text) for role, c in r.units]) for r in tables[0].rows] == [
        ("开展瓦斯专项\n治理行动。", [("lead", "市能源局、市\n应急局"), ("support", "市公安局、市\n交通局")]),
        ("开展危险化学品\n专项整治。", [("lead", "市消防救援支\n队")])]  # no one in the empty cell
    assert raw[tables[0].end:] == "\n"
    d = load_text(raw, "x.txt").documents[0]
    assert [[(a.name, a.role) for a in t.assignments] for t in d.tasks] == [
        [("市能源局", "lead"), ("市应急局", "lead"), ("市公安局", "support"), ("市交通局", "support")],
        [("市消防救援支队", "lead")]]


def _with_table(items: str, rows: list[tuple[str, str]]) -> str:
    """A notice whose body holds `items`, followed by a 重点任务分工 table of (工作任务, 责任单位) rows."""
    head = "关于印发安全生产工作要点的通知\n测政发〔2025〕9号\n各县人民政府：\n一、重点工作\n"
    table = "重点任务分工\n\t工作任务\n\t责任单位\n\n" + "".join(f"\t{t}\n\t{u}\n\n" for t, u in rows)
    return head + items + "\n测试市人民政府\n2025年3月1日\n" + table


FIRE = "森林草原防灭火。进一步加强野外用火管控，守牢安全底线。"
LIGHTNING = "严格完善重点林区雷击火预警，提升风险防控能力。推动建立重点林区雷击火预警系统。"
AUDIT = "加强矿山建设项目安全设施设计审查，确保年底前全面完成。"
LIST = "建立完善安全生产风险排查整治和责任倒查机制，修订完善安全生产责任清单，压实企业主体责任。"


@pytest.mark.parametrize("items,rows,expected", [
    # a row found nowhere in the body shares only a stock ending with a restated row: it cuts nothing
    (f"（一）{FIRE}{LIGHTNING}",
     [(FIRE[8:], "市应急局"), (LIGHTNING, "市气象局"), ("积极开展防汛抗旱准备，提升风险防控能力。", "市水利局")],
     [(FIRE, ["市应急局"]), (LIGHTNING, ["市气象局"]), ("积极开展防汛抗旱准备，提升风险防控能力。", ["市水利局"])]),
    (f"（一）矿山。{AUDIT}\n（二）应急。开展应急演练。",
     [(AUDIT, "市应急局"), ("全面做好应急救援队伍建设，确保年底前全面完成。", "市消防救援支队")],
     [("矿山。" + AUDIT, ["市应急局"]), ("应急。开展应急演练。", []),
      ("全面做好应急救援队伍建设，确保年底前全面完成。", ["市消防救援支队"])]),
    # a row restated with an edit (切实) keeps its body task whole, next to a row that only ends alike
    (f"（一）责任清单。{LIST}",
     [(LIST.replace("，修订", "，切实修订"), "市应急局"), ("依法落实安全生产责任清单，压实企业主体责任。", "市安委办")],
     [("责任清单。" + LIST, ["市应急局"]), ("依法落实安全生产责任清单，压实企业主体责任。", ["市安委办"])]),
    # a row with a lead the body lacks ("雷击火预警：") begins where the body's sentence begins
    (f"（一）{FIRE}{LIGHTNING}",
     [(FIRE[8:], "市应急局"), ("雷击火预警：" + LIGHTNING, "市气象局")],
     [(FIRE, ["市应急局"]), (LIGHTNING, ["市气象局"])]),
    # a row's task ends where its restated text ends: the rest of the item is a task of its own
    ("（一）瓦斯治理。开展瓦斯专项治理行动。对全市煤矿逐矿排查。",
     [("开展瓦斯专项治理行动。", "市能源局")],
     [("瓦斯治理。开展瓦斯专项治理行动。", ["市能源局"]), ("对全市煤矿逐矿排查。", [])]),
], ids=["stock-ending", "stock-ending-earlier-item", "edited-row", "lead-in-table", "text-after-row"])
def test_each_row_gets_the_span_of_its_own_restated_text(items, rows, expected):
    d = load_text(_with_table(items, rows), "x.txt").documents[0]
    assert [(t.text, [a.name for a in t.assignments]) for t in d.tasks] == expected


@pytest.mark.parametrize("body,keys,expected", [
    ("开展瓦斯专项治理行动。开展危险化学品专项整治。", ["开展危险化学品专项整治。", "开展非煤矿山专项整治。"], [(11, 23), None]),
    (FIRE + LIGHTNING, [LIGHTNING, "积极开展防汛抗旱准备，提升风险防控能力。"], [(len(FIRE), len(FIRE + LIGHTNING)), None]),
    (LIST, [LIST.replace("，修订", "，切实修订")], [(0, len(LIST))]),
    (FIRE + LIGHTNING, ["雷击火预警：" + LIGHTNING], [(len(FIRE), len(FIRE + LIGHTNING))]),
    # two rows never share body text: the longer verbatim restatement is placed first
    (AUDIT, [AUDIT[:17], AUDIT], [None, (0, len(AUDIT))]),
], ids=["verbatim", "stock-ending", "edited", "lead-in-table", "no-shared-text"])
def test_restatements(body, keys, expected):
    assert restatements(body, keys) == expected


def test_the_body_goes_on_after_a_table_inside_it():
    raw = ("测试市人民政府\n关于做好2025年安全生产工作的通知\n测政发〔2025〕1号\n各县人民政府：\n一、重点工作\n"
           "（一）加强瓦斯治理。开展瓦斯专项治理行动。\n\n| 序号 | 重点任务 | 责任单位 |\n|---|---|---|\n"
           "| 1 | 开展瓦斯专项治理行动。 | 市能源局 |\n\n请各单位对照表格抓好落实。\n"
           "二、工作要求\n（二）加强组织领导。各县人民政府要切实加强组织领导。\n\n测试市人民政府\n2025年3月1日\n")
    d = load_text(raw, "x.md").documents[0]
    assert [(t.text, [(a.name, a.source) for a in t.assignments]) for t in d.tasks] == [
        ("加强瓦斯治理。开展瓦斯专项治理行动。", [("市能源局", "table")]),
        ("请各单位对照表格抓好落实。", [("各单位", "in_sentence")]),  # text after the table goes on in the section before it
        ("加强组织领导。各县人民政府要切实加强组织领导。", [("各县人民政府", "in_sentence")]),
    ]
    assert [s.path for s in d.sections] == [("一",), ("一", "(一)"), ("二",), ("二", "(二)")]
    assert d.unplaced == ()


@pytest.mark.parametrize("task_col,unit_col,role", [
    ("工作任务", "责任单位", "responsible"),
    ("活动内容", "牵头单位", "lead"),
    ("具体措施", "主责部门", "responsible"),
    ("整治内容", "协办单位", "support"),
])
def test_column_names_of_a_tab_table(task_col, unit_col, role):
    raw = BODY + f"\t序号\n\t{task_col}\n\t{unit_col}\n\t时间\n\n\t1\n\t开展瓦斯专项治理行动。\n\t市能源局\n\t6月\n"
    (table,) = find_tables(raw)
    assert [(r.task.text, [(rl, c.text) for rl, c in r.units]) for r in table.rows] == [
        ("开展瓦斯专项治理行动。", [(role, "市能源局")])]


@pytest.mark.parametrize("header,expected_task", [
    # of several task columns the rightmost is the duty, the one before it its category
    (("重点任务", "具体内容"), "开展瓦斯专项治理行动。"),
    (("工作任务", "具体措施"), "开展瓦斯专项治理行动。"),
])
def test_the_rightmost_task_column_is_the_duty(header, expected_task):
    raw = BODY + f"\t序号\n\t{header[0]}\n\t{header[1]}\n\t牵头单位\n\t责任单位\n\n" \
        "\t1\n\t煤矿\n\t开展瓦斯专项治理行动。\n\t市能源局\n\t市应急局 市发展改革委\n"
    (table,) = find_tables(raw)
    assert [r.task.text for r in table.rows] == [expected_task]
    d = load_text(raw, "x.txt").documents[0]
    # unit names separated by spaces only in a cell are names of their own
    assert [[(a.name, a.role) for a in t.assignments] for t in d.tasks if t.source == "table"] == [
        [("市能源局", "lead"), ("市应急局", "responsible"), ("市发展改革委", "responsible")]]


def test_table_with_cells_between_tabs_and_a_merged_owner_cell():
    # Word's "save as text": one row a line, cells between tabs; a blank 牵头单位 was merged with the row above,
    # a blank 配合单位 names no one
    raw = BODY + "重点任务分工\n序号\t工作任务\t牵头单位\t配合单位\n" \
        "1\t开展瓦斯专项治理行动。\t市能源局\t市应急局\n" \
        "2\t开展危险化学品专项整治。\t\t\n" \
        "请各单位认真落实。\n"
    (table,) = find_tables(raw)
    assert [(r.task.text, [(role, c.text) for role, c in r.units]) for r in table.rows] == [
        ("开展瓦斯专项治理行动。", [("lead", "市能源局"), ("support", "市应急局")]),
        ("开展危险化学品专项整治。", [("lead", "市能源局")]),
    ]
    assert raw[table.end:].startswith("\n请各单位认真落实")
    d = load_text(raw, "x.txt").documents[0]
    assert [[(a.name, a.role, a.source) for a in t.assignments] for t in d.tasks] == [
        [("市能源局", "lead", "table"), ("市应急局", "support", "table")], [("市能源局", "lead", "table")]]


def test_a_page_number_inside_a_unit_name_and_br_in_a_pipe_cell():
    raw = ("测试市人民政府\n关于做好安全生产工作的通知\n测政发〔2025〕1号\n各县人民政府：\n一、重点工作\n"
           "（一）开展检查。（市应急局牵头，市公安\n- 3 -\n局、市商务局配合）\n\n"
           "| 序号 | 重点任务 | 责任单位 |\n|---|---|---|\n| 1 | 开展执法 | 市经信局<br>市交通运输局 |\n")
    d = load_text(raw, "t.md").documents[0]
    assert [[(a.name, a.role) for a in t.assignments] for t in d.tasks] == [
        [("市应急局", "lead"), ("市公安局", "support"), ("市商务局", "support")],
        [("市经信局", "responsible"), ("市交通运输局", "responsible")]]


def test_a_pdf_table_row_whose_cells_wrap_onto_the_next_line():
    raw = BODY + "二、重点任务分工表\n序号 工作任务 牵头单位 配合单位 完成时限\n" \
        "1 开展瓦斯专项治理行动 市能源局 市住房城乡建设局、市 2025年12月\n\n应急局、市商务局 底前\n\n" \
        "- 9 -\n" \
        "2 开展危险化学品专项整治 市应急局 市委宣传部、市教育局、 长期坚持\n\n市人力资源社会保障局\n" \
        "抄送：市委各部门。\n"
    (table,) = find_tables(raw)
    assert [(r.task.text, [(role, c.text.replace("\n", "")) for role, c in r.units]) for r in table.rows] == [
        ("开展瓦斯专项治理行动", [("lead", "市能源局"), ("support", "市住房城乡建设局、市应急局、市商务局")]),
        ("开展危险化学品专项整治", [("lead", "市应急局"), ("support", "市委宣传部、市教育局、市人力资源社会保障局")]),
    ]
    assert raw[table.end:].startswith("\n抄送")


@pytest.mark.parametrize("rows,expected", [
    # the wrapped pieces go to the cells they complete, whichever columns those are
    ("1 强化道路交通综合治理 县公安局交通警察 县交通运输局、县农 长期坚持\n大队 业农村局\n",
     [("lead", "县公安局交通警察大队"), ("support", "县交通运输局、县农业农村局")]),
    ("1 深化隐患排查整治，确保重大隐患动态 县应急管理局 县安委会有关成员单 2025年12月底\n清零 位 前\n",
     [("lead", "县应急管理局"), ("support", "县安委会有关成员单位")]),
    ("1 推进燃气安全专项整治 县住房和城乡建设 县市场监管局、县公 2025年12月底\n局 安局、县消防救援大 前\n队\n",
     [("lead", "县住房和城乡建设局"), ("support", "县市场监管局、县公安局、县消防救援大队")]),
])
def test_wrapped_pdf_cells_go_back_to_their_columns(rows, expected):
    raw = BODY + "二、重点任务分工表\n序号 工作任务 牵头单位 配合单位 完成时限\n" + rows + "测试市人民政府\n2025年1月1日\n"
    (table,) = find_tables(raw)
    assert [[(role, c.text.replace("\n", "")) for role, c in r.units] for r in table.rows] == [expected]
    assert "人民政府" not in table.rows[0].task.text  # the signature below is not a wrapped piece


def test_a_row_that_paraphrases_a_body_task_gives_it_its_units():
    raw = BODY.replace("（二）强化危化品监管。开展危险化学品专项整治。",
                       "（二）强化露天矿山监管。开展露天矿山边坡稳定性和排土场安全专项治理。") + \
        "\n| 序号 | 重点任务 | 牵头单位 | 配合单位 |\n|---|---|---|---|\n" \
        "| 1 | 露天矿山边坡和排土场专项治理 | 市应急管理局 | 市自然资源局 |\n" \
        "| 2 | 建立森林防火联防机制 | 市林业局 | |\n"
    d = load_text(raw, "x.md").documents[0]
    assert [(t.text[:8], t.source, [(a.name, a.role) for a in t.assignments]) for t in d.tasks] == [
        ("加强瓦斯治理。开", "none", []),
        ("强化露天矿山监管", "table", [("市应急管理局", "lead"), ("市自然资源局", "support")]),
        ("建立森林防火联防", "table", [("市林业局", "lead")]),  # no counterpart: a task of its own
    ]


@pytest.mark.parametrize("table,expected", [
    # one unit's list of duties: the heading above names the unit (tab cells, pipe, one cell a line)
    ("\t序号\n\t类别\n\t具体内容\n\n\t1\n\t综合监管\n\t组织协调全市安全生产工作。\n\n"
     "\t2\n\t房屋安全\n\t牵头开展自建房排查整治，会同市市场监管局建立联动机制。\n",
     [[("市应急管理局", "responsible")], [("市应急管理局", "lead"), ("市市场监管局", "support")]]),
    ("| 序号 | 类别 | 具体内容 |\n|---|---|---|\n| 1 | 综合监管 | 组织协调全市安全生产工作。 |\n",
     [[("市应急管理局", "responsible")]]),
    ("序号\n职责事项\n具体内容\n责任单位\n1\n打非治违\n依法查处非法违法生产经营行为。\n市公安局\n",
     [[("市公安局", "responsible")]]),
])
def test_a_list_of_one_units_duties(table, expected):
    raw = ("昆安委〔2024〕6号\n关于印发职责清单的通知\n市安委会各成员单位：\n一、市应急管理局\n" + table +
           "\n昆山市安全生产委员会\n2024年5月20日\n")
    d = load_text(raw, "t.txt").documents[0]
    assert [[(a.name, a.role) for a in t.assignments] for t in d.tasks] == expected
    assert d.unplaced == ()


def test_a_row_that_leaves_out_the_first_word_of_its_body_task_does_not_cut_it():
    body = "1．持续开展“两客一危”重点车辆违法整治，严查超速超载等交通违法行为。"
    row = "| 1 | 开展“两客一危”重点车辆违法整治 | 县公安局 | 县交通运输局 |"
    head = BODY.split("（一）")[0]  # title, 文号, addressees, 一、
    d = load_text(head + body + "\n| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n|---|---|---|---|\n" + row + "\n", "t.md").documents[0]
    by_task = {t.text[:6]: [(a.name, a.role) for a in t.assignments] for t in d.tasks}
    assert by_task == {"持续开展“两": [("县公安局", "lead"), ("县交通运输局", "support")]}


def test_a_numbered_title_row_inside_a_table_heads_the_rows_below_it():
    raw = ("盘安委〔2024〕4号\n关于印发重点任务分工的通知\n各县区人民政府：\n现将重点任务分工印发给你们。\n"
           "盘锦市安全生产委员会\n2024年3月20日\n附件\n重点任务分工表\n"
           "| 序号 | 重点任务 | 牵头单位 | 配合单位 |\n| --- | --- | --- | --- |\n| 一、城镇燃气 | | | |\n"
           "| 1 | 开展餐饮场所安全检查。 | 市市场监督管理局 | 市商务局 |\n| 二、消防安全 | | | |\n"
           "| 2 | 开展大型商业场所专项治理。 | 市消防救援支队 | 市公安局 |\n")
    (table,) = find_tables(raw)
    assert [(r.context, r.task.text) for r in table.rows] == [
        (("一、城镇燃气",), "开展餐饮场所安全检查。"), (("二、消防安全",), "开展大型商业场所专项治理。")]
    d = load_text(raw, "t.md").documents[0]
    assert [t.sector for t in d.tasks if t.source == "table"] == ["gas", "fire"]


def test_a_table_copied_from_a_web_page_with_a_bar_after_each_cell():
    # no bar before the first cell; no task column name: the column before the units is the task; a one-line
    # row that restates no body task reads as the whole row; names between spaces in a cell are separate
    raw = BODY + "三、专项整治安排表\n专项整治行业名称 | 时间安排 | 责任单位 |\n烟花爆竹 | 1月份 | 安监站 派出所 |\n" \
        "电力设施 | 3月份 | 电管所 |\n四、工作要求\n"
    d = load_text(raw, "x.txt").documents[0]
    rows = [(t.text, [(a.name, a.role, a.source) for a in t.assignments]) for t in d.tasks if t.source == "table"]
    assert rows == [("烟花爆竹|1月份|安监站派出所|", [("安监站", "responsible", "table"), ("派出所", "responsible", "table")]),
                    ("电力设施|3月份|电管所|", [("电管所", "responsible", "table")])]


def test_a_table_copied_one_cell_a_line_with_a_bar_before_each_cell_but_the_first():
    # a unit column known by its ending (督查组牵头单位: lead); spaces inside a column name; the bar after the last
    # cell closes the row; the row reads as a whole
    raw = BODY + "附件：督查组分组表\n分 组\n| 督查组牵头单位\n| 督查单位\n| 备 注\n|\n" \
        "第一组\n| 市安监局\n| 雁塔区\n|\n|\n第二组\n| 市规划局\n| 灞桥区\n|\n|\n"
    tables = find_tables(raw)
    assert [(r.task.text, [(role, c.text) for role, c in r.units]) for r in tables[0].rows] == [
        ("第一组", [("lead", "市安监局")]), ("第二组", [("lead", "市规划局")])]
    d = load_text(raw, "x.txt").documents[0]
    assert [(t.text, [(a.name, a.role) for a in t.assignments]) for t in d.tasks if t.source == "table"] == [
        ("第一组|市安监局|雁塔区|", [("市安监局", "lead")]), ("第二组|市规划局|灞桥区|", [("市规划局", "lead")])]


def test_a_table_copied_one_cell_a_line_with_a_bar_after_each_cell():
    # an empty cell is a bar alone (or a bar a web copy's head blanked); a row numbered (一) with no owner heads the
    # rows below it, and the rows after the next such row do not inherit its owners; the last cell was cut
    raw = ("附件\n主要任务分工\n序号 |\n工作内容 |\n牵头部门 |\n完成时间 |\n(一) |\n构建更加严密的责任体系 |\n|\n|\n"
           "1 |\n完善企业安全生产责任和目标评估考核体系。 |\n省安全监管局 |\n2018年 |\n"
           "(二) |\n增强依法治理能力 |\n |\n|\n1 |\n完善安全监管执法检查制度。 |\n省安全监管局、省财政厅 |\n2017年 |\n"
           "2 |\n健全行政执法与刑事司法衔接制度。 |\n |\n2017年 |\n3 |\n完善各级安全监管部门执法工作条件")
    (table,) = find_tables(raw)
    assert table.header == ("序号", "工作内容", "牵头部门", "完成时间")
    assert [(r.context, r.task.text, [(role, c.text) for role, c in r.units]) for r in table.rows] == [
        (("构建更加严密的责任体系",), "完善企业安全生产责任和目标评估考核体系。", [("lead", "省安全监管局")]),
        (("增强依法治理能力",), "完善安全监管执法检查制度。", [("lead", "省安全监管局、省财政厅")]),
        (("增强依法治理能力",), "健全行政执法与刑事司法衔接制度。", [("lead", "省安全监管局、省财政厅")]),
        (("增强依法治理能力",), "完善各级安全监管部门执法工作条件", [("lead", "省安全监管局、省财政厅")])]


@pytest.mark.parametrize("item,expected", [
    # a row a copy ran into its item's paragraph, cells behind bars: the first cell after the task's naming units
    ("1.制定全市专项整治工作任务清单，分解落实到县区、部门。|市安委办|1月20日前||", [("市安委办", "responsible", "table")]),
    ("1.制定行业领域工作任务清单。|市级各专委会办公室、市生态环境局|2月10日前|",
     [("市级各专委会办公室", "responsible", "table"), ("市生态环境局", "responsible", "table")]),
    ("1.开展联合检查。|2月10日前|市应急局牵头，市公安局配合|", [("市应急局", "lead", "table"), ("市公安局", "support", "table")]),
    ("1.开展联合检查。|按月调度|市应急局|", []),  # the first cell after the task's names no unit: no row
])
def test_a_row_run_into_its_items_paragraph(item, expected):
    d = load_text(BODY + "三、任务清单\n" + item + "\n", "x.txt").documents[0]
    got = [[(a.name, a.role, a.source) for a in t.assignments] for t in d.tasks if t.section_id.endswith(item[0])]
    assert got == [expected]


def test_a_space_separated_table_with_the_unit_column_first_and_no_addressee_above():
    # a page that starts with the table: the body holds it whole; 涉及部门 / 职责分工 columns; …等有关市直部门
    raw = ("烟花爆竹安全监管\n序号 涉及部门 职责分工\n1 市公安局 负责烟花爆竹运输通行证发放和运输路线确定工作。\n"
           "2 市应急管理局 负责烟花爆竹生产、经营、储存单位的安全生产监督管理。\n"
           "3 市交通运输局等有关市直部门 按照职责分工，组织查处非法运输烟花爆竹的违法行为。\n")
    d = load_text(raw, "x.txt").documents[0]
    assert [(t.text[:8], [a.name for a in t.assignments], t.open_list) for t in d.tasks] == [
        ("负责烟花爆竹运输", ["市公安局"], False), ("负责烟花爆竹生产", ["市应急管理局"], False),
        ("按照职责分工，组", ["市交通运输局"], True)]
