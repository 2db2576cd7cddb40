"""Headless Chromium for the view tests (Debian `chromium` + `chromium-driver`, driven by selenium).

The browser runs with the network off (every request goes to a dead proxy on 127.0.0.1:9, DevTools
emulates offline) and a fresh profile; `open()` loads a page, waits until the layout settled and returns
what the page did: console messages and every URL it requested.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--metrics-recording-only",
    "--proxy-server=127.0.0.1:9",
    "--proxy-bypass-list=<-loopback>",
    "--window-size=1400,900",
    "--lang=zh-CN",
)


@dataclass
class Visit:
    """What one page load did."""

    url: str
    console: list[dict[str, Any]]  # console messages (level, message)
    requests: list[str]  # every URL the page asked for (DevTools Network.requestWillBeSent)
    resources: list[str]  # performance.getEntriesByType('resource') names

    @property
    def errors(self) -> list[str]:
        return [m["message"] for m in self.console if m.get("level") in ("SEVERE", "ERROR")]

    @property
    def external(self) -> list[str]:
        """Requests that left the page's own file (anything but file: and data:)."""
        return [u for u in self.requests + self.resources if not u.startswith(("file:", "data:"))]


def available() -> str | None:
    """Why the browser tests cannot run here (None when they can)."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not Path(path).exists():
            return f"{path} missing (apt-get install -y chromium chromium-driver)"
    if importlib.util.find_spec("selenium") is None:
        return "selenium missing (pip install -e '.[test]')"
    return None


class Browser:
    """One headless Chromium for a test session."""

    def __init__(self, profile: Path):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={profile}")
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        self.driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
        self.driver.set_page_load_timeout(120)
        self.driver.set_script_timeout(120)
        self.driver.execute_cdp_cmd("Network.enable", {})
        self.driver.execute_cdp_cmd(
            "Network.emulateNetworkConditions",
            {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
        )

    def close(self) -> None:
        self.driver.quit()

    def _drain(self) -> tuple[list[dict[str, Any]], list[str]]:
        console = [{"level": e.get("level"), "message": e.get("message", "")} for e in self.driver.get_log("browser")]
        requests = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                requests.append(message["params"]["request"]["url"])
        return console, requests

    def open(self, path: Path, timeout: float = 90.0) -> Visit:
        """Load a local HTML file and wait until its layout settled (physics stopped)."""
        self._drain()
        url = path.resolve().as_uri()
        self.driver.get(url)
        deadline = time.monotonic() + timeout
        while not self.js("return !!(window.kgView && window.kgView.settled);"):
            if time.monotonic() > deadline:
                console, _ = self._drain()
                raise AssertionError(f"{path.name}: the layout did not settle within {timeout:.0f} s; console: {console}")
            time.sleep(0.1)
        resources = self.js("return performance.getEntriesByType('resource').map(function (e) { return e.name; });")
        console, requests = self._drain()
        return Visit(url, console, requests, resources)

    def js(self, script: str, *args: Any) -> Any:
        return self.driver.execute_script(script, *args)

    def screenshot(self, path: Path) -> Path:
        self.driver.save_screenshot(str(path))
        return path


def start(tmp: Path) -> Browser:
    profile = tmp / "chromium-profile"
    shutil.rmtree(profile, ignore_errors=True)
    profile.mkdir(parents=True)
    return Browser(profile)
