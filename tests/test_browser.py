"""In a real browser (Debian's chromium through Playwright), against `extractor serve`'s
Datasette command on a free loopback port: home page, search 退款, the first result's
question page with its answer. Screenshots go to the test's temporary folder."""
import os
import socket
import subprocess
import time
import urllib.request

import pytest

from extractor import serving
from tests.kb_site import HOSTILE_GROUP, METADATA

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM),
                                reason=f"{CHROMIUM} is absent: apt-get install chromium fonts-noto-cjk (.ci/run does)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, proc: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"datasette exited: {proc.stdout.read()}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"datasette did not answer {url} within {seconds} s")


@pytest.fixture(scope="module")
def server(site_db):
    port = free_port()
    args = serving.datasette_args(str(site_db), "127.0.0.1", port, str(METADATA))
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(base + "/-/versions.json", proc)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page.set_default_timeout(15000)
    problems = []
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    page.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    yield page
    page.close()
    assert not problems, problems


def test_search_then_open_a_question(server, page, tmp_path):
    page.goto(server + "/")
    page.wait_for_selector(".kb-chart-svg rect.kb-bar-answered")  # the chart drew
    page.fill(".kb-search input[name=q]", "退款")
    with page.expect_navigation():
        page.click(".kb-search button[type=submit]")
    assert "/kb/search?q=" in page.url
    first = page.locator("a.kb-question-link").first
    assert "退款" in first.inner_text() or page.locator("mark").count()
    assert "_search=%E9%80%80%E6%AC%BE" in page.locator(".kb-every-match a").get_attribute("href")
    page.screenshot(path=str(tmp_path / "search.png"))  # the first screenful of results

    with page.expect_navigation():
        first.click()
    assert "/kb/question/" in page.url
    page.wait_for_selector(".kb-answer")
    answer = page.locator(".kb-answer .kb-answer-text").first.inner_text()
    assert answer.strip()
    assert page.locator(".kb-msg.kb-role-question").count() == 1
    assert page.locator(".kb-msg.kb-role-answer").count() >= 1
    page.screenshot(path=str(tmp_path / "question.png"), full_page=True)
    assert (tmp_path / "search.png").stat().st_size > 10000
    print(f"screenshots: {tmp_path}")


def test_table_search_box_keeps_the_typed_phrase(server, page):
    page.goto(server + "/kb/questions?_search=代金券退款")
    assert page.input_value("input[name=_search]") == "代金券退款"
    assert page.locator("a.kb-question-link").count() >= 1
    assert page.locator("mark", has_text="代金券").count() >= 1


def test_hostile_text_runs_no_script(server, page):
    page.goto(server + f"/kb/questions?group_name={HOSTILE_GROUP}")
    with page.expect_navigation():
        page.locator("a.kb-question-link").first.click()
    assert "<script>alert(1)</script>" in page.locator("h1").inner_text()
    page.goto(server + "/kb/search?q=" + "退款回调")
    page.goto(server + "/kb/messages?group_name=" + HOSTILE_GROUP)
    assert page.locator("img[src=x]").count() == 0
