"""Property tests: random and mutated notice text never breaks the loaders' promises.

No exception escapes except kg.errors.InputError; every offset lies inside the text; every task's
quote is exactly text[start:end]. Hypothesis runs derandomized (same examples every run) with a
bounded number of examples so the file stays well under a minute.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from loaders import load_text
from loaders.formats import read_text

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
TEXTS = {p.stem: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}
LINES = sorted({ln for t in TEXTS.values() for ln in t.splitlines() if ln.strip()})

FUZZ = settings(derandomize=True, deadline=None, max_examples=60, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

NUMBERS = ["一、", "二、", "十一、", "（一）", "(二)", "（十）", "1.", "2、", "3．", "（1）", "(2)", "一是", "二是",
           "第一部分", "第二部分", "## ", "# ", "**", "### 三、"]
UNITS = ["市应急局", "市委宣传部、市委组织部", "各县（市、区）人民政府", "市安委会各成员单位", "县直有关部门", "发展改革、行政审批等部门"]
ROLES = ["牵头", "负责", "配合", "分工负责", "按职责分工负责", "督促落实", "参与", "牵头，", "等部门"]
MARKS = ["（", "）", "(", ")", "[", "]", "【", "】", "〔", "〕", "《", "》", "“", "”", "，", "。", "；", "：", "、",
         "以下均需", "不再一一列出", "临政发〔2024〕1号", "临汾市人民政府", "关于做好2024年安全生产工作的通知",
         "2024年1月29日", "主送：", "抄送：", "专业术语注释", "批复如下：", "\t", "\t责任单位"]
SPACES = ["\n", "\n\n", " ", "\u3000", "\r\n", "\t", "\n\t\n"]

piece = st.one_of(
    st.sampled_from(LINES),
    st.sampled_from(NUMBERS),
    st.sampled_from(UNITS),
    st.sampled_from(ROLES),
    st.sampled_from(MARKS),
    st.sampled_from(SPACES),
    st.text(alphabet="安全生产责任落实各级部门要（）()、，。；：\n 1一", max_size=12),
)
notice_like = st.lists(piece, min_size=5, max_size=150).map("".join)


@st.composite
def mutated_corpus(draw) -> str:
    """A window of a corpus file with a few deletions, duplications, insertions and bracket swaps."""
    text = TEXTS[draw(st.sampled_from(sorted(TEXTS)))]
    size = draw(st.integers(1000, 8000))
    start = draw(st.integers(0, max(0, len(text) - size)))
    text = text[start:start + size]
    for _ in range(draw(st.integers(1, 6))):
        if not text:
            break
        kind = draw(st.sampled_from(["delete", "duplicate", "insert", "swap", "truncate"]))
        a = draw(st.integers(0, len(text)))
        b = min(len(text), a + draw(st.integers(0, 200)))
        if kind == "delete":
            text = text[:a] + text[b:]
        elif kind == "duplicate":
            text = text[:b] + text[a:b] + text[b:]
        elif kind == "insert":
            text = text[:a] + draw(piece) + text[a:]
        elif kind == "swap":
            pairs = str.maketrans("（）()[]【】〔〕《》", "）（)(][】【〕〔》《")
            text = text[:a] + text[a:b].translate(pairs) + text[b:]
        else:
            text = text[:a]
    return text


def _inside(start: int, end: int, n: int) -> bool:
    return 0 <= start <= end <= n


def check_invariants(text: str, source_file: str = "fuzz.txt") -> None:
    """Load `text`; an InputError is allowed, anything else must keep every offset promise."""
    try:
        sf = load_text(text, source_file)
    except InputError:
        return
    n = len(text)
    assert sf.length == n
    for span in sf.unplaced:
        assert _inside(span.start, span.end, n) and span.text == text[span.start:span.end]
    for d in sf.documents:
        assert _inside(d.start, d.end, n)
        for s in d.sections:
            assert _inside(s.start, s.end, n), s
        for span in d.unplaced:
            assert _inside(span.start, span.end, n) and span.text == text[span.start:span.end]
        for c in d.defaults:
            assert _inside(c.start, c.end, n)
        for g in d.glossary:
            assert _inside(g.start, g.end, n)
        section_ids = {s.id for s in d.sections}
        for t in d.tasks:
            assert _inside(t.start, t.end, n), t
            assert t.quote == text[t.start:t.end]
            assert t.section_id in section_ids or not d.sections
            for a in t.assignments:
                assert (a.start, a.end) == (-1, -1) or _inside(a.start, a.end, n), a
            for c in t.citations:
                assert _inside(c.start, c.end, n), c


@FUZZ
@given(notice_like)
def test_random_notice_like_text(text):
    check_invariants(text)


@settings(FUZZ, max_examples=100)
@given(mutated_corpus())
def test_mutated_corpus_text(text):
    check_invariants(text)


@settings(FUZZ, max_examples=40)
@given(st.text(max_size=400))
def test_arbitrary_unicode(text):
    check_invariants(text)


UNBALANCED = [
    "一、总体要求\n（一）强化理论学习。将党的二十大报告纳入学习内容（市委宣传部、市委组织部分工负责\n（二）集中培训。",
    "一、总体要求\n（一）强化理论学习。将党的二十大报告纳入学习内容）市应急局负责）。\n",
    "一、总体要求\n1.煤矿。严格落实责任。[市应急局、市能源局按职责分工负责\n2.非煤矿山。加强监管。】市应急局负责】\n",
    "二、【重点任务\n（一）〔2024〕1号文件要求《安全生产法\n",
    "（（（（（（（（（（（（（（（（（（（（",
    "）））））））））））））））））））））",
    "一、\n二、\n三、\n（一）\n（二）\n1.\n2.\n",
    "\t主要内容\n\t责任单位\n\n\t一、压实责任\n\t市应急局",
]


@pytest.mark.parametrize("text", UNBALANCED)
def test_unbalanced_brackets_and_bare_numbering(text):
    check_invariants(text)


@pytest.mark.parametrize("stem", sorted(TEXTS))
def test_every_corpus_file_keeps_the_promises(stem):
    check_invariants(TEXTS[stem], f"{stem}.txt")


# --- read_text on hostile bytes: a string or an InputError, never anything else ---

SUFFIXES = [".txt", ".md", ".html", ".docx", ".pdf"]


@settings(FUZZ, max_examples=60)
@given(st.sampled_from(SUFFIXES), st.binary(max_size=3000))
def test_random_bytes_in_any_format(tmp_path_factory, suffix, data):
    path = tmp_path_factory.mktemp("fuzz-bytes") / f"f{suffix}"
    path.write_bytes(data)
    try:
        text = read_text(path)
    except InputError as e:
        assert str(e).startswith(str(path)) and "\n" not in str(e)
        return
    assert isinstance(text, str) and "\r" not in text and text.strip()


@pytest.fixture(scope="module")
def office_files(tmp_path_factory, fixture_maker) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("fuzz-office")
    text = TEXTS["002_2c59d4dd41e2de7b"][:3000]
    return {".docx": fixture_maker.write_docx(text, folder / "n.docx").read_bytes(),
            ".pdf": fixture_maker.write_pdf(text, folder / "n.pdf").read_bytes(),
            ".html": fixture_maker.write_html(text, folder / "n.html").read_bytes()}


MARKUP = ["<", ">", "</div>", "<div class='nav'>", "<table>", "<tr>", "<td rowspan='99999'>", "<td colspan=-3>",
          "</table>", "<br>", "<!--", "-->", "<script>", "&nbsp;", "&#0;", "&#xD800;", "<p>一、总体要求</p>",
          "<meta charset='gbk'>", "<pre>", "\u00a0", "<a href='x'>首页</a>", "<footer>", "\x00"]


@st.composite
def damage(draw, junk) -> list[tuple[float, bytes]]:
    """A few (position as a share of the file, bytes to write there)."""
    return draw(st.lists(st.tuples(st.floats(0, 1, exclude_max=True), junk), min_size=1, max_size=4))


def _apply(data: bytes, hits: list[tuple[float, bytes]], overwrite: bool = True) -> bytes:
    out = bytearray(data)
    for where, junk in hits:
        at = int(where * len(out))
        out[at:at + (len(junk) if overwrite else 0)] = junk
    return bytes(out)


def _read_or_refuse(path: Path) -> None:
    try:
        text = read_text(path)
    except InputError as e:
        assert str(e).startswith(str(path)) and "\n" not in str(e)
        return
    check_invariants(text, path.name)


@settings(FUZZ, max_examples=30)
@given(st.sampled_from([".docx", ".pdf"]), damage(st.binary(min_size=1, max_size=8)))
def test_damaged_office_files(tmp_path_factory, office_files, suffix, hits):
    path = tmp_path_factory.mktemp("fuzz-damaged") / f"damaged{suffix}"
    path.write_bytes(_apply(office_files[suffix], hits))
    _read_or_refuse(path)


@settings(FUZZ, max_examples=30)
@given(damage(st.sampled_from(MARKUP).map(lambda m: m.encode("utf-8"))))
def test_damaged_html(tmp_path_factory, office_files, hits):
    path = tmp_path_factory.mktemp("fuzz-html") / "damaged.html"
    path.write_bytes(_apply(office_files[".html"], hits, overwrite=False))
    _read_or_refuse(path)


@settings(FUZZ, max_examples=30)
@given(damage(st.sampled_from(["<", ">", "</w:p>", "<w:tbl>", "<w:tc>", "</w:tr>", "<w:vMerge/>", "&", "\"",
                               "<w:t>", "<w:sdt><w:sdtContent>", "</w:body>"]).map(lambda m: m.encode("utf-8"))))
def test_docx_with_damaged_xml_in_a_sound_zip(tmp_path_factory, office_files, hits):
    import io
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(office_files[".docx"]))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for item in src.infolist():
            data = src.read(item)
            z.writestr(item, _apply(data, hits, overwrite=False) if item.filename == "word/document.xml" else data)
    path = tmp_path_factory.mktemp("fuzz-docx-xml") / "damaged.docx"
    path.write_bytes(buf.getvalue())
    _read_or_refuse(path)
