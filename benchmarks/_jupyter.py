"""A Jupyter server and headless Chromium for the browser tests and the browser benchmark:
JupyterLab 4 or Notebook 7 on 127.0.0.1 with a token and settings of its own (a theme, no news
toasts), and Debian's /usr/bin/chromium driven by Playwright (never a downloaded browser)."""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
THEMES = ("JupyterLab Light", "JupyterLab Dark", "JupyterLab Dark High Contrast")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def jupyter_server(root: Path, work: Path, app: str = "lab", theme: str = "JupyterLab Light") -> Iterator[str]:
    """Serves root with JupyterLab (app "lab") or Notebook 7 ("notebook"); yields the base URL
    with its token as a query ("http://127.0.0.1:PORT", "?token=..."), joined by the caller."""
    if app not in ("lab", "notebook") or theme not in THEMES:
        raise ValueError(f"unknown app {app!r} or theme {theme!r}")
    settings = work / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True, exist_ok=True)
    # No news or update toasts over the page; the theme to start with.
    (settings / "notification.jupyterlab-settings").write_text(
        json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    (settings / "themes.jupyterlab-settings").write_text(json.dumps({"theme": theme}))
    token = secrets.token_hex(16)
    port = free_port()
    env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(work / "settings"),
           "JUPYTERLAB_WORKSPACES_DIR": str(work / "workspaces"), "JUPYTER_RUNTIME_DIR": str(work / "runtime")}
    log_path = work / f"{app}-server.log"
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", app, "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}", "--allow-root",
         "--expose-app-in-browser"],
        env=env, stdout=subprocess.DEVNULL, stderr=open(log_path, "w"), start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError(f"the {app} server did not start: {log_path.read_text()[-3000:]}") from None
                time.sleep(0.3)
        yield base, f"?token={token}"
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


@contextlib.contextmanager
def chromium(width: int = 1600, height: int = 1000) -> Iterator:
    """A Playwright page in headless Chromium; yields (page, alerts): alerts collects every
    dialog's text (dismissed)."""
    from playwright.sync_api import sync_playwright

    alerts: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
            page.set_default_timeout(30_000)
            yield page, alerts
        finally:
            browser.close()


def luminance(css_color: str) -> float:
    """Relative luminance (0 black .. 1 white) of an rgb()/rgba() colour from getComputedStyle."""
    channels = [float(v) / 255 for v in re.findall(r"[\d.]+", css_color)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
