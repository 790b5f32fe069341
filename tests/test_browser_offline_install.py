"""On a phone the site installs as an app: Chromium finds the manifest of a site served under a
sub-path, as GitHub Pages serves a project, and reports nothing that stops an install.

Chromium reports every tab of a throw-away profile (what `browser.new_context` makes) as not
installable, `in-incognito`; the check runs in a profile on disk, as a reader's browser is."""

from __future__ import annotations

import pytest
from offline_site import served_build, wait_until_kept_offline
from support import ROOT

from tools.chromium import CHROMIUM, CHROMIUM_ARGS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def installed_url(tmp_path_factory):
    with served_build(ROOT, tmp_path_factory.mktemp("install-site")) as url:
        yield url


def test_chromium_finds_nothing_that_stops_an_install(browser, installed_url, tmp_path):
    context = browser.browser_type.launch_persistent_context(
        tmp_path / "profile", executable_path=CHROMIUM, args=CHROMIUM_ARGS
    )
    try:
        tab = context.new_page()
        tab.goto(installed_url + "compute/")
        wait_until_kept_offline(tab)
        devtools = context.new_cdp_session(tab)
        manifest = devtools.send("Page.getAppManifest")
        assert manifest["url"] == installed_url + "manifest.json" and manifest["errors"] == []
        app = manifest["manifest"]
        assert app["startUrl"] == app["scope"] == app["id"] == installed_url, "the app leaves the site's path"
        errors = devtools.send("Page.getInstallabilityErrors")["installabilityErrors"]
        assert errors == [], errors
    finally:
        context.close()
