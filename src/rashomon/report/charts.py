"""Pictures of a dossier, drawn with matplotlib (networkx for the layout) as self-contained SVG.

Each chart is returned as a ``data:image/svg+xml`` URI for an ``<img>`` tag:
an image loaded that way can never run script, so names from articles that end
up as chart labels stay inert even before matplotlib escapes them.
"""

from __future__ import annotations

import base64
import io
import textwrap

from matplotlib import rcParams
from matplotlib.colors import ListedColormap
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from rashomon.report.view import DossierView

rcParams["svg.hashsalt"] = "rashomon"
rcParams["svg.fonttype"] = "none"
rcParams["font.size"] = 9
CELL_COLOURS = {"silent": "#eeeeee", "supports": "#3b8f5a", "disputes": "#c8553d", "both": "#e0a030"}
CELL_LABELS = {"silent": "silent", "supports": "supports", "disputes": "disputes", "both": "both sides"}
MAX_LABEL = 60


def label(text: str, width: int = MAX_LABEL) -> str:
    """One-line label, shortened; dollar signs escaped so matplotlib does not read them as math."""
    text = " ".join(text.split())
    text = text if len(text) <= width else text[: width - 1] + "\u2026"
    return text.replace("$", r"\$")


def wrapped(text: str, width: int, lines: int = 2) -> str:
    """A label on at most ``lines`` lines of ``width`` characters (the last one shortened with "…"), so that a long
    finding or outlet name stays readable instead of being cut at one line or drawn past the figure."""
    parts = textwrap.wrap(" ".join(text.split()), width) or [""]
    if len(parts) > lines:
        parts = [*parts[: lines - 1], " ".join(parts[lines - 1 :])]
    return "\n".join(label(part, width) for part in parts)


def to_data_uri(figure: Figure) -> str:
    """The figure as an SVG data URI, without a creation date so that output is reproducible."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def agreement_matrix(view: DossierView) -> str | None:
    """Findings x outlets coloured by supports / disputes / silent."""
    rows, outlets, matrix = view.agreement
    if not rows or not outlets:
        return None
    states = list(CELL_COLOURS)
    # two-line labels: rows 0.5 in high (one line of 9 pt text is about 0.17 in), outlet names under their columns
    figure = Figure(figsize=(min(2.2 + 1.0 * len(outlets), 14), 1.2 + 0.5 * len(rows)))
    axes = figure.subplots()
    axes.imshow(
        [[states.index(c) for c in row] for row in matrix],
        cmap=ListedColormap(list(CELL_COLOURS.values())),
        vmin=0,
        vmax=len(states) - 1,
        aspect="auto",
    )
    axes.set_xticks(range(len(outlets)), [wrapped(o, 16) for o in outlets], rotation=30, ha="right", rotation_mode="anchor")
    axes.set_yticks(range(len(rows)), [wrapped(f"{f.id} {f.summary}", 48) for f in rows])
    axes.tick_params(length=0)
    axes.set_xticks([x - 0.5 for x in range(1, len(outlets))], minor=True)
    axes.set_yticks([y - 0.5 for y in range(1, len(rows))], minor=True)
    axes.grid(which="minor", color="white", linewidth=2)
    for spine in axes.spines.values():
        spine.set_visible(False)
    present = dict.fromkeys(c for row in matrix for c in row)
    axes.legend(
        handles=[Patch(color=CELL_COLOURS[s], label=CELL_LABELS[s]) for s in states if s in present],
        loc="upper left",
        bbox_to_anchor=(1.01, 1),
        frameon=False,
    )
    return to_data_uri(figure)


def timeline_chart(view: DossierView) -> str | None:
    """Dated statements and publication times on a time axis, one row per outlet."""
    rows = view.timeline
    if not rows:
        return None
    outlets = list(dict.fromkeys(row["outlet"] for row in rows))
    figure = Figure(figsize=(9, 1.2 + 0.4 * len(outlets)))
    axes = figure.subplots()
    for kind, marker, colour, name in (("statement", "o", "#2f6690", "date in a statement"), ("published", "|", "#999999", "publication")):
        points = [(row["when"], outlets.index(row["outlet"])) for row in rows if ("published" in row) == (kind == "published")]
        if points:
            axes.scatter(
                [p[0] for p in points],
                [p[1] for p in points],
                marker=marker,
                s=60 if marker == "o" else 300,
                color=colour,
                label=name,
                zorder=3,
            )
    axes.set_yticks(range(len(outlets)), [label(o, 28) for o in outlets])
    axes.set_ylim(-0.7, len(outlets) - 0.3)
    locator = AutoDateLocator()
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    axes.grid(axis="x", color="#dddddd")
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    return to_data_uri(figure)


def co_mention_network(view: DossierView) -> str | None:
    """Actors as nodes sized by mentions, linked when named in the same claim."""
    import networkx as nx

    actors, pairs = view.co_mentions
    if len(pairs) == 0:
        return None
    graph = nx.Graph()
    for actor in actors:
        graph.add_node(actor.id, name=actor.name, mentions=actor.mentions, type=actor.type)
    for (first, second), weight in pairs.items():
        graph.add_edge(first, second, weight=weight)
    graph.remove_nodes_from([n for n in list(graph.nodes) if graph.degree(n) == 0])
    positions = nx.spring_layout(graph, seed=7, weight="weight", k=1.6 / max(1, graph.number_of_nodes()) ** 0.5)
    figure = Figure(figsize=(9, 6.5))
    axes = figure.subplots()
    axes.set_axis_off()
    heaviest = max(pairs.values())
    type_colours = {"PERSON": "#2f6690", "ORG": "#3b8f5a", "GPE": "#c8553d", "LOC": "#c8553d", "NORP": "#8f5fb0"}
    for first, second, data in graph.edges(data=True):
        (x1, y1), (x2, y2) = positions[first], positions[second]
        axes.plot([x1, x2], [y1, y2], color="#888888", linewidth=0.6 + 3.0 * data["weight"] / heaviest, alpha=0.55, zorder=1)
    most = max(graph.nodes[n]["mentions"] for n in graph.nodes) or 1
    for node, data in graph.nodes(data=True):
        x, y = positions[node]
        axes.scatter(
            [x],
            [y],
            s=80 + 900 * data["mentions"] / most,
            color=type_colours.get(data["type"], "#777777"),
            alpha=0.85,
            zorder=2,
            linewidths=0,
        )
        axes.annotate("\n".join(textwrap.wrap(label(data["name"], 40), 18)), (x, y), ha="center", va="center", fontsize=8, zorder=3)
    used = dict.fromkeys(type_colours.get(graph.nodes[n]["type"], "#777777") for n in graph.nodes)
    names = {"#2f6690": "person", "#3b8f5a": "organisation", "#c8553d": "place", "#8f5fb0": "group", "#777777": "other"}
    axes.legend(handles=[Patch(color=c, label=names[c]) for c in used], loc="upper left", bbox_to_anchor=(1.0, 1), frameon=False)
    return to_data_uri(figure)


def all_charts(view: DossierView) -> dict[str, str | None]:
    return {"agreement": agreement_matrix(view), "timeline": timeline_chart(view), "network": co_mention_network(view)}
