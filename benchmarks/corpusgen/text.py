"""Sentences for task bodies: unique openers, filler from the corpus, cited regulations."""

from __future__ import annotations

import random

from .vocab import vocab

__all__ = ["Writer", "cn_number"]

_DIGITS = "零一二三四五六七八九"


def cn_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 21 -> 二十一 (up to 99)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


class Writer:
    """Writes the body sentences of one document; never repeats an opener within it."""

    def __init__(self, rng: random.Random, level_word: str):
        self.rng = rng
        self.L = level_word
        self.used_openers: set[str] = set()
        self.pools: dict[str, list[str]] = {}
        self.regulations: list[str] = []  # cited, in order

    def opener(self, sector: str) -> str:
        """<adverb><verb><object>: the first words of a task, unique in the document."""
        c = vocab().content
        objects = c["sectors"].get(sector, c["sectors"]["general"])["objects"]
        for _ in range(200):
            words = self.rng.choice(c["adverbs"]) + self.rng.choice(c["verbs"]) + self.rng.choice(objects)
            if words[:12] not in self.used_openers:
                self.used_openers.add(words[:12])
                return words
        raise RuntimeError("no unique opener left")  # pragma: no cover

    def purpose(self) -> str:
        return self.rng.choice(vocab().content["purposes"])

    def opening_sentence(self, sector: str) -> str:
        return f"{self.opener(sector)}，{self.purpose()}。"

    def actor_sentence(self, actor: str, sector: str) -> str:
        modal = self.rng.choice(["要", "要", "要", "要", "要", "必须", "应当", "年内都要", "负责"])  # 负责: a role verb
        return f"{actor}{modal}{self.opener(sector)}，{self.purpose()}。"

    def filler(self, sector: str, n: int) -> str:
        out = []
        for _ in range(n):
            r = self.rng.random()
            if r < 0.08:
                out.append(self.regulation_sentence(sector))
                continue
            pool_sector = sector if sector in vocab().sentences and r < 0.7 else "general"
            out.append(self._draw(pool_sector).replace("{L}", self.L))
        return "".join(out)

    def regulation_sentence(self, sector: str) -> str:
        regs = vocab().content["regulations"]
        title = self.rng.choice(regs.get(sector, []) + regs["general"])
        self.regulations.append(title)
        return self.rng.choice([f"严格落实《{title}》，{self.purpose()}。", f"认真贯彻实施《{title}》及我{self.L}实施细则。",
                                f"宣传贯彻实施好《{title}》，{self.purpose()}。"])

    def _draw(self, sector: str) -> str:
        pool = self.pools.get(sector)
        if not pool:
            pool = list(vocab().sentences[sector])
            self.rng.shuffle(pool)
            self.pools[sector] = pool
        return pool.pop()
