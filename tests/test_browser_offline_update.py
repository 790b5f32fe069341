"""A new deploy reaches a reader who keeps the site offline: the page they hold says so and offers
to reload, and reloading gives them the new build, whole, in every tab; until then they keep
reading the build they have, never a page of one build with parts of the other."""

from __future__ import annotations

import pytest
from axe import FOCUS_RING, VIEWING_MODES, axe_violations, describe
from notekit.offline import precache_of
from offline_site import build_for, served_build, wait_until_kept_offline
from support import copy_project

pytestmark = pytest.mark.browser

CHANGED = "A line that only the second build has."
OUR_CACHES = "() => caches.keys().then(names => names.filter(name => name.startsWith('offline ')))"


def build_name(site_dir) -> str:
    return precache_of((site_dir / "sw.js").read_text(encoding="utf-8"))["build"]


def has_changed_line(tab) -> bool:
    return CHANGED in tab.locator("article").inner_text()


def test_a_new_build_is_offered_and_reloading_gives_it_to_every_tab(browser, tmp_path):
    project = copy_project(tmp_path / "project")
    site_dir = tmp_path / "site"
    with served_build(project, site_dir) as url:
        first_build = build_name(site_dir)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            reader, other_tab = context.new_page(), context.new_page()
            reader.goto(url)
            wait_until_kept_offline(reader)
            other_tab.goto(url + "storage/")

            for page in ("compute.md", "storage.md"):
                source = project / "docs" / page
                source.write_text(source.read_text(encoding="utf-8") + f"\n{CHANGED}\n", encoding="utf-8")
            build_for(project, site_dir, url)
            assert build_name(site_dir) != first_build

            reader.goto(url + "compute/")  # a page load: the browser looks for a new worker
            notice = reader.get_by_role("status").filter(has_text="updated")
            notice.get_by_role("button", name="Reload").wait_for()
            assert not has_changed_line(reader), "the old worker served a page of the new build"
            reader.locator("nav.md-nav--primary a[href$='/storage/']").click()  # instant navigation
            reader.locator("article h1", has_text="Storage").wait_for()
            assert not has_changed_line(reader), "the old build's page came with the new build's content"
            # The new build waits in a cache of its own, beside the one that serves this tab.
            assert sorted(reader.evaluate(OUR_CACHES)) == sorted(
                f"offline {url} {build}" for build in (first_build, build_name(site_dir))
            )

            with reader.expect_event("load"), other_tab.expect_event("load"):
                notice.get_by_role("button", name="Reload").click()
            for tab in (reader, other_tab):
                tab.locator("article").wait_for()
                assert has_changed_line(tab), f"{tab.url} still shows the first build after the reload"
            wait_until_kept_offline(reader)
            assert reader.evaluate(OUR_CACHES) == [f"offline {url} {build_name(site_dir)}"]
            assert reader.get_by_role("status").inner_text() == ""
        finally:
            context.close()


def test_later_puts_the_notice_away_and_the_page_stays(browser, tmp_path):
    project = copy_project(tmp_path / "project")
    site_dir = tmp_path / "site"
    with served_build(project, site_dir) as url:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            reader = context.new_page()
            reader.goto(url)
            wait_until_kept_offline(reader)
            source = project / "docs" / "compute.md"
            source.write_text(source.read_text(encoding="utf-8") + f"\n{CHANGED}\n", encoding="utf-8")
            build_for(project, site_dir, url)
            reader.reload()
            later = reader.get_by_role("status").get_by_role("button", name="Later")
            later.click()
            assert reader.get_by_role("status").inner_text() == ""
            assert reader.locator(".offline-notice").bounding_box()["height"] == 0
        finally:
            context.close()


@pytest.fixture(scope="module")
def served_copy(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("a11y-project"))
    site_dir = tmp_path_factory.mktemp("a11y-site")
    with served_build(project, site_dir) as url:
        yield url, site_dir


@pytest.mark.parametrize("mode", VIEWING_MODES)
def test_the_notice_is_accessible_in_every_viewing_mode(browser, served_copy, mode):
    url, site_dir = served_copy
    worker = site_dir / "sw.js"
    first = worker.read_text(encoding="utf-8")
    context = browser.new_context(**VIEWING_MODES[mode])
    try:
        reader = context.new_page()
        reader.goto(url + "compute/")
        wait_until_kept_offline(reader)
        worker.write_text(first + "// a new build\n", encoding="utf-8")
        reader.reload()
        reload_button = reader.get_by_role("status").get_by_role("button", name="Reload")
        reload_button.wait_for()
        assert axe_violations(reader) == [], describe(axe_violations(reader))
        reader.keyboard.press("Tab")  # keyboard use, so the focus ring shows; then to the button
        reload_button.focus()
        assert reader.evaluate(FOCUS_RING), "the Reload button shows no focus ring"
    finally:
        worker.write_text(first, encoding="utf-8")
        context.close()
