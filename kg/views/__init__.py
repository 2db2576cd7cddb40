"""Interactive network views: standalone offline HTML pages drawn with vis-network (via pyvis).

kg.views.page holds the page machinery, kg.views.render picks a view; one module per view builds its
page from the store's data (kg.view_data).
"""

from __future__ import annotations

from kg.views.render import DEFAULT_LIMIT, VIEWS, RenderedView, build_page, render_view

__all__ = ["VIEWS", "DEFAULT_LIMIT", "RenderedView", "build_page", "render_view"]
