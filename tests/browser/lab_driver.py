"""Driving a notebook in JupyterLab from Playwright: wait for the kernel, run every cell."""

from __future__ import annotations

import time
from pathlib import Path

KERNEL_IDLE = """() => {
  const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
  return !!k && k.status === "idle";
}"""
RUN_STATE = """() => {
  const prompts = [...document.querySelectorAll(".jp-CodeCell .jp-InputPrompt")].map(p => p.textContent);
  const w = window.jupyterapp.shell.currentWidget;
  const kernel = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
  return {idle: !!kernel && kernel.status === "idle",
          running: prompts.filter(p => p.includes("*")).length,
          done: prompts.filter(p => /\\[\\d+\\]/.test(p)).length, cells: prompts.length};
}"""


def run_all(page, shots: Path, timeout: float = 600) -> None:
    """Run every cell and wait until each has run. If the kernel sits idle with cells that never
    ran (run-all can race the kernel's first connection), run them again."""
    page.evaluate('window.jupyterapp.commands.execute("notebook:run-all-cells")')
    deadline, stalled, state = time.time() + timeout, 0, {}
    while time.time() < deadline:
        page.wait_for_timeout(1000)
        state = page.evaluate(RUN_STATE)
        if state["idle"] and state["cells"] and state["done"] == state["cells"]:
            return
        stalled = stalled + 1 if state["idle"] and not state["running"] else 0
        if stalled >= 10:
            page.evaluate('window.jupyterapp.commands.execute("notebook:run-all-cells")')
            stalled = 0
    page.screenshot(path=str(shots / "explorer_run_timeout.png"), full_page=True)
    raise AssertionError(f"the notebook did not finish running: {state}")
