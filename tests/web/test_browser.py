"""In Debian's Chromium: type into "check my text" and see LIX follow; axe-core on every page."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from pipeline.cli.options import resolve_config
from pipeline.web.app import create_app
from tests.export.test_html import CHROMIUM, WCAG, needs_chromium

pytestmark = needs_chromium

EASY = "Vi giver dig en ny gen. Den virker i øjet. Du ser bedre bagefter. "
HARD = (
    "Behandlingsmulighederne for patienter med arvelige nethindesygdomme udvikles "
    "eksponentielt gennem omfattende internationale forskningssamarbejder og "
    "bioteknologiske innovationer, hvilket forudsætter specialiserede "
    "behandlingscentre med tværfaglig ekspertise."
)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def server(sample: Path) -> Iterator[str]:
    """The app on uvicorn at 127.0.0.1 on a free port, in a thread, as `pipeline serve` runs it."""
    port = _free_port()
    config = uvicorn.Config(
        create_app(resolve_config(None)), host="127.0.0.1", port=port, log_level="warning"
    )
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not running.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(10)


@pytest.fixture
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    assert CHROMIUM, "chromium is missing: .ci/setup installs it"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield launched
        launched.close()


def test_typing_into_check_my_text_updates_lix_hard_sentences_and_findings(
    server: str, browser: object
) -> None:
    from playwright.sync_api import Browser, expect

    assert isinstance(browser, Browser)
    page = browser.new_page(locale="da-DK")
    page.goto(f"{server}/check")
    assert page.get_attribute("html", "lang") == "da"
    text = page.get_by_label("Din tekst")
    text.press_sequentially(EASY, delay=5)  # real key presses, as an editor types
    lix = page.locator("#lix")
    expect(lix).to_contain_text("(meget let", timeout=10_000)
    easy = float(lix.inner_text().split()[0])
    expect(page.get_by_role("status")).to_contain_text("LIX")
    text.press_sequentially(HARD + " Vi bruger CAR T celler.", delay=2)
    expect(page.locator("#hardest li")).to_have_count(1, timeout=10_000)
    expect(page.locator("#findings")).to_contain_text("term/deprecated")
    # the checks' messages are English: marked so on the Danish page (WCAG 3.1.2)
    expect(page.locator("#findings li span[lang=en]").first).to_contain_text("words are long")
    # 40 words: the level is shown, not judged (one sentence more moves it a band)
    expect(lix).to_contain_text("for få ord til at bedømme tekstens niveau")
    expect(page.locator("#findings")).not_to_contain_text("readability/document-level")
    expect(page.locator("#findings .sev").first).to_have_text("advarsel")
    harder = float(lix.inner_text().split()[0])
    assert harder > easy
    page.get_by_label("Tekstens sprog").select_option("en")  # Danish has no English level
    expect(page.locator("#other-language")).to_have_text(re.compile(r"^[1-5]$"), timeout=10_000)
    expect(page.locator("#flesch")).to_have_text("–")
    text.fill("The doctor gives you the medicine once. You go home the same day.")
    expect(page.locator("#flesch")).not_to_contain_text("–", timeout=10_000)
    expect(page.locator("#other-language")).to_have_count(0)
    text.fill("---\nlang: [\n---\n\nBroken front matter.")  # the last scores must go
    expect(page.get_by_role("status")).not_to_contain_text("LIX", timeout=10_000)
    expect(page.locator("#lix")).to_have_count(0)
    page.close()


def test_the_page_is_usable_by_keyboard(server: str, browser: object) -> None:
    from playwright.sync_api import Browser, expect

    assert isinstance(browser, Browser)
    page = browser.new_page()
    page.goto(f"{server}/check")
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")  # the first control of the page: the language
    expect(page.locator("#lang")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("#text")).to_be_focused()
    page.keyboard.type("Gene therapy is a treatment that uses genes to help the body.")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the button checks at once
    expect(page.locator("#lix")).to_contain_text("(", timeout=10_000)
    page.close()


@pytest.mark.parametrize("locale", ["en-GB", "da-DK"])
def test_axe_finds_no_violation_on_any_page(server: str, browser: object, locale: str) -> None:
    from axe_playwright_python.sync_playwright import Axe
    from playwright.sync_api import Browser, expect

    assert isinstance(browser, Browser)
    axe = Axe()
    page = browser.new_page(locale=locale)
    for url in ("/", "/documents/genterapi", "/documents/what-is-atmp", "/check", "/nothing"):
        page.goto(server + url)
        if url == "/check":  # with its results shown, as an editor sees it
            page.locator("#lang").select_option("da")  # the text is Danish
            page.locator("#text").fill(HARD + " Vi bruger CAR T celler.")
            expect(page.locator("#hardest li")).to_have_count(1, timeout=10_000)
        results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
        assert results.violations_count == 0, f"{url}:\n{results.generate_report()}"
    page.close()


def test_check_my_text_says_what_it_left_out(server: str, browser: object) -> None:
    from playwright.sync_api import Browser, expect

    assert isinstance(browser, Browser)
    page = browser.new_page(locale="da-DK")
    page.goto(f"{server}/check")
    page.get_by_label("Din tekst").fill("# Side\n\nLæs [siden om ATMP](hvad-er-atmp.md) først.\n")
    left_out = page.locator("#left-out")
    expect(left_out).to_contain_text(
        "1 link of standard input to other files not checked", timeout=10_000
    )
    expect(page.get_by_role("heading", name="Ikke tjekket")).to_be_visible()
    page.close()
