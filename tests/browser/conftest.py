"""A throwaway JupyterLab server and a headless Chromium for the browser tests.

Follows shared/BROWSER_TESTING.md: Debian's Chromium, every Jupyter directory in a temporary
folder (the repository is never written to), windowing off so every cell is in the DOM, autosave
and news off, the extension manager read-only, outside requests blocked in the browser.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run"]

SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "checkForUpdates": False, "fetchNews": "false"},
    "@jupyterlab/extensionmanager-extension/plugin.jupyterlab-settings": {"enabled": False},
}


def pytest_collection_modifyitems(items):
    if not Path(CHROMIUM).exists():
        skip = pytest.mark.skip(reason=f"{CHROMIUM} is missing (apt-get install -y chromium)")
        for item in items:
            if "browser" in item.keywords:
                item.add_marker(skip)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _request(url: str, method: str = "GET", body: dict | None = None, timeout: float = 5) -> bytes:
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as r:  # noqa: S310 - localhost only
        return r.read()


class Lab:
    """A running JupyterLab: its URL and the folder it serves (a copy of notebooks/)."""

    def __init__(self, tmp: Path):
        self.tmp = tmp
        self.root = tmp / "root"
        shutil.copytree(ROOT / "notebooks", self.root, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        env = dict(os.environ)
        for name in ("runtime", "config", "data_home", "workspaces", "settings", "checkpoints", "home"):
            (tmp / name).mkdir()
        env.update({
            "JUPYTER_RUNTIME_DIR": str(tmp / "runtime"), "JUPYTER_CONFIG_DIR": str(tmp / "config"),
            "JUPYTERLAB_SETTINGS_DIR": str(tmp / "settings"),
            "JUPYTERLAB_WORKSPACES_DIR": str(tmp / "workspaces"),
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])),
            "JUPYTER_PLATFORM_DIRS": "1", "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        })
        for rel, value in SETTINGS.items():
            path = tmp / "settings" / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(value))
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={self.port}",
               "--ip=127.0.0.1",
               "--ServerApp.token=", "--ServerApp.password=", f"--ServerApp.root_dir={self.root}",
               "--ServerApp.disable_check_xsrf=True", "--LabApp.expose_app_in_browser=True",
               "--LabApp.extension_manager=readonly", "--LabApp.news_url=",
               f"--FileCheckpoints.checkpoint_dir={tmp / 'checkpoints'}"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")
        self.log = open(tmp / "lab.log", "w")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(cmd, cwd=self.root, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                     start_new_session=True)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"JupyterLab exited: {(tmp / 'lab.log').read_text()[-3000:]}")
            try:
                _request(f"{self.url}/api/status", timeout=1)
                return
            except OSError:
                time.sleep(0.25)
        self.stop()
        raise RuntimeError("JupyterLab did not start within 60 s")

    def start_kernel(self, notebook: str) -> dict:
        """Start the notebook's kernel through the REST API, before the page loads (saves seconds)."""
        body = {"path": notebook, "type": "notebook", "name": notebook, "kernel": {"name": "python3"}}
        return json.loads(_request(f"{self.url}/api/sessions", "POST", body, timeout=30))

    def kernel_pids(self) -> list[int]:
        pids = []
        for f in (self.tmp / "runtime").glob("kernel-*.json"):
            out = subprocess.run(["pgrep", "-f", f.name], capture_output=True, text=True).stdout
            pids += [int(p) for p in out.split()]
        return pids

    def stop(self) -> None:
        kernels = self.kernel_pids()
        try:
            _request(f"{self.url}/api/shutdown", "POST", {}, timeout=5)
            self.proc.wait(timeout=15)
        except Exception:  # noqa: BLE001 - fall through to killing the group
            pass
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
        for pid in kernels:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self.log.close()


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    server = Lab(tmp_path_factory.mktemp("lab"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser():
    # per module, not per session: only one sync Playwright may run at a time, and a module that
    # starts its own must find none running
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _blocked_outside(context, allowed: str) -> None:
    # one pattern, matched without a Python call per request: anything that is not the local
    # server (or a data/blob/file URL) is aborted
    outside = re.compile(rf"^(?!{re.escape(allowed)}/|data:|blob:|file:)")
    context.route(outside, lambda route: route.abort())


@pytest.fixture()
def page_factory(browser, lab):
    """New pages that may talk only to the local server; page errors are collected on ``page.errors``."""
    contexts = []

    def make(color_scheme: str = "light", width: int = 1400, height: int = 1000):
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=color_scheme)
        _blocked_outside(context, lab.url)
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        return page

    yield make
    for c in contexts:
        c.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
