"""The explorer: an anywidget that lets a reader walk through a report pair by pair.

The front end is two plain files, ``static/explorer.js`` (an ES module, no build step, no CDN) and
``static/explorer.css``. The report travels once, as its ``drift-report/1`` JSON in the synced
``report_data`` traitlet, so a saved notebook with widget state rebuilds the view without Python;
``rewrite`` and ``selected`` sync back, so code can read what the reader is looking at.

Where no widget can run (nbviewer, GitHub, an nbconvert export) the same output carries the static
HTML report as ``text/html``, so the reader still sees the drift map and the ranked pairs.

    >>> explorer = drift.Explorer(report)      # or report.explore()
    >>> explorer                               # displays in Jupyter
    >>> explorer.save_html("report.html")      # a page to send to someone without Python
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import anywidget
import traitlets

from drift import vocabulary
from drift.html import render_report
from drift.report import Report

STATIC = Path(__file__).parent / "static"


def _as_report(report: Report | dict[str, Any] | str | Path) -> Report:
    if isinstance(report, Report):
        return report
    if isinstance(report, dict):
        return Report.from_dict(report)
    return Report.from_json(report)


class Explorer(anywidget.AnyWidget):
    """Interactive view of a :class:`~drift.report.Report`: drift map, ranked pairs, word diffs,
    shifts with explanations; ``j``/``k`` step through shifts.

    ``report`` may be a Report, its dict, or JSON text / a path to a JSON file. ``rewrite`` picks
    the rewrite shown first (default: the most drifted); ``height`` is the CSS height of the
    scrolling list of pairs.
    """

    _esm = STATIC / "explorer.js"
    _css = STATIC / "explorer.css"

    report_data = traitlets.Dict().tag(sync=True)
    #: shift types, severities, diff operations, word relations: the JavaScript reads them from here
    vocabulary = traitlets.Dict(vocabulary.as_json()).tag(sync=True)
    rewrite = traitlets.Unicode("").tag(sync=True)
    selected = traitlets.Int(-1).tag(sync=True)  # index of the selected link in its comparison
    height = traitlets.Unicode("600px").tag(sync=True)

    def __init__(self, report: Report | dict[str, Any] | str | Path, *, rewrite: str | None = None,
                 height: str = "600px", **kwargs: Any):
        report = _as_report(report)
        if rewrite is None and report.comparisons:
            rewrite = max(report.comparisons, key=lambda c: c.drift).rewrite
        elif rewrite is not None:
            report.comparison(rewrite)  # KeyError now rather than a blank view later
        self._report = report
        super().__init__(report_data=report.to_dict(), rewrite=rewrite or "", height=height, **kwargs)

    @property
    def report(self) -> Report:
        return self._report

    @property
    def selected_link(self):
        """The :class:`~drift.report.Link` the reader selected last, or None."""
        if self.selected < 0 or not self.rewrite:
            return None
        links = self._report.comparison(self.rewrite).links
        return links[self.selected] if self.selected < len(links) else None

    def to_html(self, standalone: bool = True) -> str:
        """The static HTML report of the same report."""
        return render_report(self._report, standalone=standalone)

    def save_html(self, path: str | Path) -> Path:
        """Write the static HTML report (one self-contained file) to ``path``; returns the path."""
        path = Path(path)
        path.write_text(self.to_html(), encoding="utf-8")
        return path

    def _repr_mimebundle_(self, **kwargs: Any):
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is None:
            return None
        data, metadata = bundle
        # Front ends that render widgets prefer the widget view; the rest show the static report.
        data = {**data, "text/html": render_report(self._report, standalone=False)}
        return data, metadata
