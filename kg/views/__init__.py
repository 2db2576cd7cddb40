"""Interactive network views: standalone offline HTML pages drawn with vis-network (via pyvis).

kg.views.page holds the page machinery; one module per view builds its page from the store.
"""

from __future__ import annotations

__all__: list[str] = []
