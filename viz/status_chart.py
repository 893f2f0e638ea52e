"""Draw status tallies (:mod:`graph.tallies`) as stacked horizontal bar charts, PNG or SVG, with matplotlib."""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no display: files only

import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator
from tiltaksgraf.graph.serialize import write_atomic
from tiltaksgraf.graph.tallies import StatusTally
from tiltaksgraf.viz.style import style

FORMATS = ("png", "svg")


def _order(tally: StatusTally) -> list[str]:
    """Statuses in the style file's order (completed first), then any the style does not name."""
    known = list(style()["status_colours"])
    return [s for s in known if s in tally.statuses] + [s for s in tally.statuses if s not in known]


def _panel(ax, tally: StatusTally) -> None:
    colours = style()["status_colours"]
    labels = [textwrap.shorten(label, 48, placeholder="…") for _, label in tally.groups]
    left = [0] * len(tally.groups)
    for status in _order(tally):
        values = [tally.count(key, status) for key, _ in tally.groups]
        bars = ax.barh(labels, values, left=left, color=colours.get(status, "#999999"), label=status.replace("_", " "))
        ax.bar_label(bars, labels=[str(v) if v else "" for v in values], label_type="center", fontsize=8)
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.invert_yaxis()
    ax.set_title(tally.title, loc="left", fontsize=11)
    ax.set_xlabel("measures")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.spines[["top", "right"]].set_visible(False)


def status_chart(tallies: list[StatusTally], fmt: str = "png") -> bytes:
    """One figure with a panel per tally, as PNG or SVG bytes (the SVG has no date: reruns are identical)."""
    if fmt not in FORMATS:
        raise ValueError(f"status charts are written as {' or '.join(FORMATS)}, not {fmt!r}")
    plt.rcParams["svg.hashsalt"] = "tiltaksgraf"
    heights = [max(2.0, 0.38 * len(t.groups) + 1.2) for t in tallies]
    fig, axes = plt.subplots(len(tallies), 1, figsize=(10, sum(heights)), height_ratios=heights, squeeze=False)
    try:
        for ax, tally in zip(axes[:, 0], tallies, strict=True):
            _panel(ax, tally)
        handles, names = axes[0, 0].get_legend_handles_labels()
        for ax in axes[1:, 0]:  # one legend for every status in any panel
            for h, n in zip(*ax.get_legend_handles_labels(), strict=True):
                if n not in names:
                    handles.append(h)
                    names.append(n)
        fig.legend(handles, names, loc="lower center", ncols=min(len(names), 7), frameon=False, fontsize=9)
        fig.tight_layout(rect=(0, 0.05, 1, 1))
        out = io.BytesIO()
        metadata = {"Date": None} if fmt == "svg" else {"Software": None}
        fig.savefig(out, format=fmt, dpi=110, metadata=metadata)
    finally:
        plt.close(fig)
    return out.getvalue()


def write_status_chart(tallies: list[StatusTally], path: Path) -> Path:
    """Write the chart to ``path`` (the suffix .png or .svg chooses the format), atomically."""
    write_atomic(path, status_chart(tallies, path.suffix.lower().lstrip(".")))
    return path
