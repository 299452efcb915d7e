"""The party network as an SVG drawn on the server: parties on a circle, events as arrows.

Every text in it (names, goods, instruments) is escaped here; the result is
safe to place in a page as it is.
"""

from __future__ import annotations

import math
from typing import Any
from urllib.parse import quote

from markupsafe import Markup, escape

WIDTH = HEIGHT = 720
_RADIUS = 270
_NODE = 9
#: Colours by kind of party; an edge with a finding is drawn red.
_KIND_COLOURS = {"state": "#4c72b0", "person": "#55a868", "organization": "#8172b3"}
_PLAIN, _FINDING = "#999999", "#c44e52"


def _positions(nodes: list[dict[str, Any]]) -> dict[str, tuple[float, float]]:
    count = max(len(nodes), 1)
    return {
        node["id"]: (
            WIDTH / 2 + _RADIUS * math.cos(2 * math.pi * n / count - math.pi / 2),
            HEIGHT / 2 + _RADIUS * math.sin(2 * math.pi * n / count - math.pi / 2),
        )
        for n, node in enumerate(nodes)
    }


def _edge(edge: dict[str, Any], start: tuple[float, float], end: tuple[float, float]) -> str:
    (x1, y1), (x2, y2) = start, end
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    # Stop short of the node, so the arrowhead shows.
    x2, y2 = x2 - (x2 - x1) * (_NODE + 3) / length, y2 - (y2 - y1) * (_NODE + 3) / length
    colour = _FINDING if edge["findings"] else _PLAIN
    marker = "finding" if edge["findings"] else "plain"
    goods = ", ".join(edge["tags"]) or "unspecified goods"
    bases = "; ".join(f"{f['instrument']} {f['provision']}" for f in edge["findings"])
    title = f"{goods} ({edge['date_start'] or 'undated'}, {edge['certainty']})"
    if bases:
        title += f" — {bases}"
    label_x, label_y = (x1 + x2) / 2, (y1 + y2) / 2
    flag = f" ⚠ {len(edge['findings'])}" if edge["findings"] else ""
    return (
        f'<g class="edge" data-event="{escape(edge["event"])}"><title>{escape(title)}</title>'
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
        f'stroke-width="{2.5 if edge["findings"] else 1.5}" marker-end="url(#{marker})"/>'
        f'<text x="{label_x:.1f}" y="{label_y:.1f}" class="goods">{escape(goods)}{flag}</text></g>'
    )


def render_svg(graph: dict[str, Any]) -> Markup:
    """The network of `store.views.network` as one escaped SVG element."""
    nodes, edges = graph["nodes"], graph["edges"]
    where = _positions(nodes)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'class="network" role="img" aria-label="Network of parties and transfers">',
        "<defs>",
        *(
            f'<marker id="{name}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
            f'markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/>'
            "</marker>"
            for name, colour in (("plain", _PLAIN), ("finding", _FINDING))
        ),
        "</defs>",
    ]
    if not nodes:
        parts.append('<text x="20" y="40">No transfer with both a giver and a recipient.</text>')
    parts += [_edge(edge, where[edge["giver"]], where[edge["recipient"]]) for edge in edges]
    for node in nodes:
        x, y = where[node["id"]]
        colour = _KIND_COLOURS.get(node.get("kind", ""), "#937860")
        anchor = "start" if x >= WIDTH / 2 else "end"
        offset = _NODE + 4 if anchor == "start" else -(_NODE + 4)
        parts.append(
            f'<a href="/parties/{quote(node["id"], safe="")}" class="node">'
            f"<title>{escape(node['name'])} ({escape(node.get('kind', 'unknown'))})</title>"
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{_NODE}" fill="{colour}"/>'
            f'<text x="{x + offset:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}">'
            f"{escape(node['name'])}</text></a>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
