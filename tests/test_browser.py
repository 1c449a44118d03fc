"""The widgets as a person uses them: JupyterLab on 127.0.0.1 with a token, a notebook that
shows ConversationBrowser over a fresh local engine, and headless Chromium (Debian's
/usr/bin/chromium, driven by Playwright) typing and clicking through create, draft, cancel
and delete, checking the page after each step. Also checks that a hostile id shows as text
and no alert fires. Screenshots land in the test's temporary folder, or in $TIMCONV_SCREENSHOT_DIR
(to refresh the pictures in docs/images)."""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from conftest import REPO

CHROMIUM = "/usr/bin/chromium"
XSS = "<img src=x onerror=alert(1)>"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/setup installs it)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_notebook(folder: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        "import tempfile\n"
        "from timconv_nb import Client\n"
        "import ipywidgets as W\n"
        "from timconv_nb.inspector import CallInspector\n"
        "from timconv_nb.widgets import ConversationBrowser\n"
        "client = Client(tempfile.mkdtemp(prefix='timconv-browser-'), replace=True)\n"
        "client.login('alice')\n"
        "client.faults.fail_next('TIMConvDelete', 6022)  # the first delete fails, on purpose\n"
        "browser = ConversationBrowser(client, layout=W.Layout(width='58%'))\n"
        "inspector = CallInspector(client, layout=W.Layout(width='42%'))\n"
        "W.HBox([browser, inspector])"
    )]
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python", "name": "python3"}
    nbformat.write(nb, folder / "browser.ipynb")


@pytest.fixture
def jupyterlab(tmp_path: Path):
    """A JupyterLab server on 127.0.0.1 with a token; yields its base URL and token."""
    root = tmp_path / "lab"
    root.mkdir()
    write_notebook(root)
    settings = tmp_path / "settings" / "@jupyterlab" / "apputils-extension"
    settings.mkdir(parents=True)
    # No news or update toasts over the page.
    (settings / "notification.jupyterlab-settings").write_text(json.dumps({"fetchNews": "false", "checkForUpdates": False}))
    token = secrets.token_hex(16)
    port = free_port()
    env = {**os.environ, "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "settings"),
           "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces"), "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")}
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}", "--allow-root"],
        env=env, stdout=subprocess.DEVNULL, stderr=open(tmp_path / "server.log", "w"), start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2):
                    break
            except OSError:
                assert time.monotonic() < deadline, (tmp_path / "server.log").read_text()[-3000:]
                time.sleep(0.3)
        yield base, token
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def pick(table, key: str) -> None:
    """Selects the row of conversation `key` in the browser's list, as a click would."""
    labels = table.locator("option").all_inner_texts()
    (index,) = [i for i, label in enumerate(labels) if label.split()[0] == key]
    table.select_option(index=index)


def test_browser_forms_in_jupyterlab(jupyterlab, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    base, token = jupyterlab
    alerts: list[str] = []
    output = Path(os.environ.get("TIMCONV_SCREENSHOT_DIR") or tmp_path / "screenshots")
    output.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
        page.set_default_timeout(30_000)
        try:
            page.goto(f"{base}/lab/tree/browser.ipynb?token={token}")
            page.wait_for_selector(".jp-Notebook .jp-Cell")
            # Wait until the kernel is connected and idle, then run the notebook.
            expect(page.get_by_text("Python 3 (ipykernel) | Idle")).to_be_visible(timeout=60_000)
            page.get_by_role("menuitem", name="Run", exact=True).click()
            page.get_by_text("Run All Cells", exact=True).click()
            table = page.locator(".tc-browser-table select")
            table.wait_for(timeout=60_000)
            expect(page.locator(".tc-browser-count")).to_have_text("0 of 0 conversations")

            # Create a conversation by typing and clicking.
            page.fill(".tc-create-id input", "bob")
            page.click(".tc-create-button")
            expect(page.locator(".tc-create-message")).to_have_text("Created c2c_bob (bob).")
            expect(table.locator("option")).to_have_count(1)
            expect(table.locator("option").first).to_contain_text("c2c_bob")

            # The inspector beside it shows the C call the form made, and both sides of it.
            calls = page.locator(".tc-inspector-table select")
            expect(calls).to_contain_text("TIMConvCreate")
            (create_row,) = [i for i, label in enumerate(calls.locator("option").all_inner_texts())
                             if label.split()[2] == "TIMConvCreate"]
            calls.select_option(index=create_row)
            expect(page.locator(".tc-inspector-detail")).to_contain_text('"conv_id": "bob"')
            expect(page.locator(".tc-inspector-detail")).to_contain_text("callback: code 0")

            # Pick it, save a draft.
            pick(table, "c2c_bob")
            page.get_by_role("tab", name="Draft").click()
            page.fill(".tc-draft-text textarea", "see you at 5")
            page.fill(".tc-draft-user-define input", "reminder")
            page.click(".tc-draft-save")
            expect(page.locator(".tc-draft-message")).to_have_text("Draft saved for c2c_bob.")
            expect(page.locator(".tc-draft-edit-time")).to_contain_text("Last edited")
            expect(table.locator("option").first).to_contain_text("see you at 5")
            page.screenshot(path=str(output / "browser.png"), full_page=True)

            # Cancel it.
            page.click(".tc-draft-cancel")
            expect(page.locator(".tc-draft-message")).to_have_text("Draft removed from c2c_bob.")
            expect(table.locator("option").first).not_to_contain_text("see you at 5")
            expect(page.locator(".tc-draft-text textarea")).to_have_value("")

            # A hostile id is text everywhere.
            page.get_by_role("tab", name="Create").click()
            page.fill(".tc-create-id input", XSS)
            page.click(".tc-create-button")
            expect(page.locator(".tc-create-message")).to_have_text(f"Created c2c_{XSS} ({XSS}).")
            expect(table.locator("option")).to_have_count(2)
            expect(table.locator("option").first).to_contain_text(XSS)

            # Delete bob, with the confirmation step.
            pick(table, "c2c_bob")
            page.get_by_role("tab", name="Delete").click()
            page.click(".tc-delete-button")
            expect(page.locator(".tc-delete-message")).to_have_text("Delete c2c_bob and its messages?")
            page.click(".tc-delete-confirm")
            # The scripted fault: a visible error, nothing deleted; the inspector shows the failure.
            expect(page.locator(".tc-delete-message")).to_contain_text("Error 6022 ERR_IO_OPERATION_FAILED")
            expect(table.locator("option")).to_have_count(2)
            page.get_by_text("Failed", exact=True).click()
            expect(calls.locator("option")).to_have_count(1)
            expect(calls.locator("option").first).to_contain_text("TIMConvDelete")
            page.screenshot(path=str(output / "inspector.png"), full_page=True)
            page.click(".tc-delete-button")
            page.click(".tc-delete-confirm")
            expect(page.locator(".tc-delete-message")).to_have_text("Deleted c2c_bob.")
            expect(table.locator("option")).to_have_count(1)
            expect(page.locator(".tc-browser-count")).to_have_text("1 of 1 conversations")
            page.screenshot(path=str(output / "browser-after.png"), full_page=True)
        except Exception:
            page.screenshot(path=str(output / "browser-failure.png"), full_page=True)
            raise
        finally:
            browser.close()
    assert alerts == []
