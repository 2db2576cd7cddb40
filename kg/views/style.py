"""Visual encoding shared by the views: colours of roles and task statuses, shapes of unit kinds.

Kept as plain tables so a legend and the drawing read from the same place.
"""

from __future__ import annotations

__all__ = [
    "ROLE_COLORS",
    "STATUS_COLORS",
    "STATUS_LABELS",
    "KIND_SHAPES",
    "UNIT_COLOR",
    "UNIT_BORDER",
    "VAGUE_COLOR",
    "VAGUE_BORDER",
    "DOCUMENT_COLOR",
    "MISSING_DOCUMENT_COLOR",
    "REGULATION_COLOR",
    "TOGETHER_COLOR",
    "PAIR_COLOR",
    "CENTRE_COLOR",
    "kind_shape",
]

# one colour per role (edges); inherited assignments are drawn dashed in the same colour
ROLE_COLORS = {
    "lead": "#1d4ed8",
    "responsible": "#0f766e",
    "shared": "#a16207",
    "support": "#64748b",
    "oversee": "#be185d",
}

# task status (see kg.view_data.task_status)
STATUS_COLORS = {
    "unowned": "#dc2626",
    "overlap": "#f59e0b",
    "multi_lead": "#7c3aed",
    "clear": "#16a34a",
}
STATUS_LABELS = {
    "unowned": "无明确责任单位 no concrete owner",
    "overlap": "多个单位、无牵头 several owners, no lead",
    "multi_lead": "多个牵头单位 more than one lead",
    "clear": "责任明确 clear lead",
}

# vis-network shapes whose label sits outside the shape, one per unit kind
KIND_SHAPES = {
    "department": "dot",
    "government": "square",
    "committee": "diamond",
    "party": "star",
    "enterprise": "triangle",
    "vague": "triangleDown",
    "other": "hexagon",
}
UNIT_COLOR = "#93c5fd"
UNIT_BORDER = "#1e3a8a"
VAGUE_COLOR = "#e5e7eb"
VAGUE_BORDER = "#6b7280"
DOCUMENT_COLOR = "#fde68a"
MISSING_DOCUMENT_COLOR = "#f3f4f6"
REGULATION_COLOR = "#c7d2fe"
TOGETHER_COLOR = "#dc2626"  # co-responsibility: two units that are only ever assigned together
PAIR_COLOR = "#94a3b8"
CENTRE_COLOR = "#f97316"  # unit view: the unit asked for


def kind_shape(kind: str) -> str:
    """The shape drawn for a unit kind (unknown kinds as `other`)."""
    return KIND_SHAPES.get(kind, KIND_SHAPES["other"])
