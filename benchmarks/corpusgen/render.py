"""Print composed documents in the messy shapes of real input: PDF text, clean text, markdown."""

from __future__ import annotations

import random
import re

from .compose import Block, Doc

__all__ = ["LAYOUTS", "punct", "render"]

LAYOUTS = ("pdf", "clean", "spaced", "markdown")
_HALF = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")"})
_CJK_DIGIT = re.compile(r"(?<=[\u4e00-\u9fff])(?=\d)|(?<=\d)(?=[\u4e00-\u9fff])")


def punct(text: str, layout: str) -> str:
    """Punctuation as the layout prints it (PDF extraction gives half-width , : ; ( ))."""
    return text.translate(_HALF) if layout == "pdf" else text


class _Printer:
    def __init__(self, rng: random.Random, layout: str):
        self.rng, self.layout = rng, layout
        self.digit_spaces = layout in ("pdf", "spaced") or rng.random() < 0.3
        self.sentence_spaces = layout == "pdf" and rng.random() < 0.8
        self.width = rng.choice([20, 21, 22])
        self.lines_on_page = 0
        self.page_len = rng.randint(34, 44)

    def messy(self, text: str) -> str:
        text = punct(text, self.layout)
        if self.digit_spaces:
            text = _CJK_DIGIT.sub(lambda m: " " if self.rng.random() < 0.8 else "", text)
        if self.sentence_spaces:
            text = re.sub("。(?=.)", lambda m: "。 " if self.rng.random() < 0.6 else "。", text)
        return text

    # -- PDF ---------------------------------------------------------------------------------
    def wrap(self, text: str) -> str:
        """Break a paragraph every ~20 characters, blank lines between, a page break now and then."""
        lines, cur, w = [], "", 0.0
        for ch in text:
            cur += ch
            w += 0.5 if ord(ch) < 128 else 1.0
            if w >= self.width + self.rng.choice((-1, 0, 0, 0, 1)):
                lines.append(cur)
                cur, w = "", 0.0
        if cur:
            lines.append(cur)
        out = ""
        for k, line in enumerate(lines):
            if k:
                self.lines_on_page += 1
                if self.lines_on_page >= self.page_len:
                    self.lines_on_page = 0
                    out += "\n "
                else:
                    out += "\n\n"
            out += line
        return out

    def pdf(self, b: Block) -> str:
        if b.kind == "page_header":
            return "\n \n".join(b.text)
        if b.kind == "title":
            return " " + self.messy(b.text) if self.rng.random() < 0.5 else self.messy(b.text)
        if b.kind in ("h1", "h2"):
            return self.wrap(self.messy(b.text)) + "\n    "
        if b.kind == "item":
            sep = " " if self.rng.random() < 0.7 else ""
            tail = "\n    " if self.rng.random() < 0.5 else ""
            return self.wrap(self.messy(b.prefix) + sep + self.messy(b.text)) + tail
        if b.kind == "print":
            return self.messy(b.text.replace("\t", " " * self.rng.randint(2, 8)))
        if b.kind in ("docno", "head", "issuer_title", "sig_issuer", "sig_date", "publish", "cc"):
            return self.messy(b.text)
        return self.wrap(self.messy(b.text))

    # -- clean text (001) and spaced text (003) ---------------------------------------------
    def clean(self, b: Block) -> str:
        if b.kind == "table_row" or b.kind == "table_header":
            return "\n".join("\t" + c for c in b.cells)
        if b.kind == "table_title":
            return " " + b.text
        if b.kind == "print":
            return b.text.replace("\t", " " * self.rng.randint(5, 21)) + "  \n "
        if b.kind == "cc":
            return " " + b.text
        return self.messy(b.prefix + b.text)

    # -- markdown (002) ----------------------------------------------------------------------
    def markdown(self, b: Block) -> str:
        if b.kind == "head":
            return "# " + b.text
        if b.kind == "issuer_title":
            return "## " + b.text
        if b.kind == "h1":
            return "## " + b.text if self.rng.random() < 0.8 else f"### **{b.text}**"
        if b.kind == "item":
            return f"**{b.prefix}**" + self.split_paragraph(self.messy(b.text))
        if b.kind == "publish":
            return b.text + "\n\n\n\n---"
        if b.kind == "cc":
            text = b.text
            cut = text.find("，", len(text) // 2)
            return (text[: cut + 1] + "  \n" + text[cut + 1:] if cut > 0 else text) + "\n\n---"
        if b.kind == "print":
            office, date = b.text.split("\t")
            return f"{office}\n\n{date}\n\n---"
        return self.split_paragraph(self.messy(b.text))

    def split_paragraph(self, text: str) -> str:
        """A blank line in the middle of a long paragraph (002 has them), never inside brackets."""
        if len(text) < 200 or self.rng.random() > 0.12:
            return text
        for p in range(int(len(text) * 0.55), int(len(text) * 0.8)):
            head = text[:p]
            if all(head.count(a) == head.count(z) for a, z in ("（）", "《》", "[]", "【】", "“”")) and text[p] not in "，。、":
                return head + "\n\n" + text[p:]
        return text


def render(docs: list[Doc], layout: str, rng: random.Random) -> str:
    """The raw file text for the documents of one file."""
    pr = _Printer(rng, layout)
    if layout == "pdf":
        return "\n\n".join(pr.pdf(b) for d in docs for b in d.blocks) + "\n "
    if layout == "markdown":
        return "\n\n" + "\n\n".join(pr.markdown(b) for d in docs for b in d.blocks) + "\n"
    if layout == "spaced":
        return "\n\n" + "\n\n".join(pr.clean(b) for d in docs for b in d.blocks) + "\n"
    out = []
    for d in docs:
        for b in d.blocks:
            text = pr.clean(b)
            if b.kind in ("h1", "head", "addressees", "para", "title", "table_title", "table_row", "table_header"):
                out.append(text + "\n\n")
            else:
                out.append(text + "\n")
    return "".join(out).rstrip("\n") + "\n"
