"""Take the README's screenshot of the dashboard, on the demo's example data.

    python scripts/dashboard_screenshot.py                 # writes docs/dashboard.png
    python scripts/dashboard_screenshot.py --out shot.png

It runs `newswatch demo --serve` (example sites and data, nothing sent), opens the printed
dashboard URL in Debian's Chromium through Playwright and saves the announcements page.
"""

from __future__ import annotations

import argparse
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
URL_LINE = re.compile(r"dashboard on the demo's data: (http://\S+)")
STARTUP_SECONDS = 300


def start_demo() -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "newswatch", "demo", "--serve"], cwd=ROOT,
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    assert process.stdout is not None
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if match := URL_LINE.search(line):
            return process, match.group(1)
        if not line and process.poll() is not None:
            break
    process.kill()
    raise SystemExit("newswatch demo --serve printed no dashboard URL")


def screenshot(url: str, out: Path, width: int, height: int) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(url)
        page.screenshot(path=str(out))
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "dashboard.png")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=560)
    args = parser.parse_args()
    process, url = start_demo()
    try:
        screenshot(url, args.out, args.width, args.height)
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
