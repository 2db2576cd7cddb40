"""Traditional-script copies: read with the simplified word lists, reported as printed."""

import pytest

from loaders import load_text
from loaders.script import restore, simplified

TRADITIONAL = [
    ("各有關部門要確保重點物資、鮮活農產品運輸暢通，各鄉鎮人民政府要加強巡查。",
     "各有关部门要确保重点物资、鲜活农产品运输畅通，各乡镇人民政府要加强巡查。"),
    ("縣應急管理局負責監督檢查，縣公安局、縣交通運輸局配合。（縣應急局負責）",
     "县应急管理局负责监督检查，县公安局、县交通运输局配合。（县应急局负责）"),
]


@pytest.mark.parametrize("text,expected", TRADITIONAL)
def test_a_traditional_text_reads_simplified(text, expected):
    assert simplified(text) == expected


@pytest.mark.parametrize("text", [
    "各有关部门要确保重点物资运输畅通。",
    "乾县人民政府要加强巡查，严格执行《著作权法》。",  # a simplified text's own rare forms stay as printed
    "各部門要加強巡查。" + "各部门要加强巡查。" * 40,  # a few traditional characters in a simplified text
])
def test_a_simplified_text_is_left_as_printed(text):
    assert simplified(text) is text


def test_what_was_read_is_given_back_as_printed():
    printed = "各有關部門要確保運輸暢通，縣應急局負責。"
    read = simplified(printed)
    assert restore(("县应急局", "各有关部门", "role: responsible"), printed, read) == \
        ("縣應急局", "各有關部門", "role: responsible")


def test_a_traditional_notice_yields_its_units_as_printed():
    body = ("高平縣人民政府關於做好2024年安全生產工作的通知\n各鄉鎮人民政府，縣直各有關部門：\n"
            "一、壓實安全責任\n（一）加強隱患排查。各鄉鎮人民政府要加強巡查，及時消除隱患。\n"
            "（二）強化道路交通安全。開展專項整治行動。（縣公安局牽頭，縣交通運輸局配合）\n"
            "高平縣人民政府\n2024年1月5日\n")
    doc = load_text(body, "t.txt").documents[0]
    got = [(t.text, [(a.name, a.role) for a in t.assignments]) for t in doc.tasks]
    assert got == [
        ("加強隱患排查。各鄉鎮人民政府要加強巡查，及時消除隱患。", [("各鄉鎮人民政府", "responsible")]),
        ("強化道路交通安全。開展專項整治行動。（縣公安局牽頭，縣交通運輸局配合）",
         [("縣公安局", "lead"), ("縣交通運輸局", "support")]),
    ]
    assert (doc.issuer, doc.title) == ("高平縣人民政府", "關於做好2024年安全生產工作的通知")
    assert doc.date == "2024-01-05"
    assert all(t.quote == body[t.start:t.end] for t in doc.tasks)


def test_a_mirror_sites_pinyin_notes_are_read_past_and_reported_as_printed():
    body = ("高平縣人民政府辦公室關(guān)于做好安全生產(chǎn)工作的通知\n各鄉(xiāng)鎮(zhèn)人民政府：\n"
            "一、加強隱患排查\n（一）各鄉(xiāng)鎮(zhèn)要開展檢查。（縣安監(jiān)局負責）\n"
            "（二）嚴格落實《中華人民共和國安全生產(chǎn)法》。縣應急局要加強巡查。\n"
            "高平縣人民政府辦公室\n2024年1月5日\n")
    doc = load_text(body, "t.txt").documents[0]
    got = [(t.text, [(a.name, a.role) for a in t.assignments]) for t in doc.tasks]
    assert got == [
        ("各鄉(xiāng)鎮(zhèn)要開展檢查。（縣安監(jiān)局負責）", [("縣安監(jiān)局", "responsible")]),
        ("嚴格落實《中華人民共和國安全生產(chǎn)法》。縣應急局要加強巡查。", [("縣應急局", "responsible")]),
    ]
    assert doc.title == "關(guān)于做好安全生產(chǎn)工作的通知"
    assert doc.addressees == ("各鄉(xiāng)鎮(zhèn)人民政府",)
    assert doc.cited_regulations == ("中華人民共和國安全生產(chǎn)法",)
