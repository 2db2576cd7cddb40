"""Render a named view of a store into one standalone HTML page."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

from kg.errors import QueryError
from kg.view_data import ViewData, load_view_data
from kg.views.co_responsibility import co_responsibility_page
from kg.views.documents import documents_page
from kg.views.page import Page, render_page
from kg.views.responsibility import responsibility_page
from kg.views.scope import Scope
from kg.views.unit import unit_page

__all__ = ["VIEWS", "DEFAULT_LIMIT", "RenderedView", "build_page", "render_view"]

VIEWS = {
    "responsibility": responsibility_page,
    "co-responsibility": co_responsibility_page,
    "unit": unit_page,
    "documents": documents_page,
}
DEFAULT_LIMIT = 500  # node-per-item drawing up to this many tasks (unit pairs in co-responsibility)


@dataclass(frozen=True)
class RenderedView:
    """A rendered page and what it draws."""

    html: str
    page: Page

    @property
    def nodes(self) -> int:
        return len(self.page.nodes)

    @property
    def edges(self) -> int:
        return len(self.page.edges)


def build_page(view: str, data: ViewData, scope: Scope, limit: int = DEFAULT_LIMIT) -> Page:
    """The page of one view (without rendering it)."""
    if view not in VIEWS:
        raise QueryError(f"unknown view {view!r} (one of {', '.join(VIEWS)})")
    if limit < 1:
        raise QueryError(f"--limit must be at least 1, got {limit}")
    page = VIEWS[view](data, scope, limit)
    if not page.nodes:
        page = replace(page, notes=page.notes + ("没有可画的内容：筛选条件未选中任何任务 · nothing to draw: the filters "
                                                 "select no task.",))
    return page


def render_view(view: str, store_dir: str | os.PathLike[str], *, document: str | None = None,
                sector: str | None = None, unit: str | None = None, limit: int = DEFAULT_LIMIT) -> RenderedView:
    """Open the store, build the view's page and render it as standalone HTML."""
    from kg.store import open_store

    if view not in VIEWS:
        raise QueryError(f"unknown view {view!r} (one of {', '.join(VIEWS)})")
    data = load_view_data(open_store(store_dir))
    page = build_page(view, data, Scope(document, sector, unit), limit)
    return RenderedView(render_page(page), page)
