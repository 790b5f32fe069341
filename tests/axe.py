"""axe-core (pinned in package-lock.json) run inside a Playwright page, for the accessibility gates."""

from __future__ import annotations

from pathlib import Path

AXE_SCRIPT = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")
# The gates' four ways of viewing a page: the palette follows the reader's colour scheme.
VIEWING_MODES = {
    "light-desktop": {"color_scheme": "light", "viewport": {"width": 1280, "height": 900}},
    "dark-desktop": {"color_scheme": "dark", "viewport": {"width": 1280, "height": 900}},
    "light-phone": {"color_scheme": "light", "viewport": {"width": 360, "height": 740}, "is_mobile": True},
    "dark-phone": {"color_scheme": "dark", "viewport": {"width": 360, "height": 740}, "is_mobile": True},
}

# A focus ring a reader can see: an outline at least 2 CSS px wide (Chromium's default ring on a
# form field is `none`, which is what the glossary filter had before the site drew its own).
FOCUS_RING = """() => {
  const style = getComputedStyle(document.activeElement);
  return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
}"""


def axe_violations(page, impacts: tuple[str, ...] = BLOCKING_IMPACTS) -> list[dict]:
    """The violations of the WCAG 2.x A/AA rules and axe's best practices on the page as it is now."""
    if not AXE_SCRIPT.exists():
        raise RuntimeError(f"{AXE_SCRIPT} is missing: run `make node_modules/.installed` (npm ci)")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [violation for violation in results["violations"] if violation["impact"] in impacts]


def describe(violations: list[dict]) -> str:
    """One line per rule and up to three of its elements: enough to find each in the page."""
    lines = []
    for violation in violations:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
        shown = ", ".join(targets[:3]) + (f" (+{len(targets) - 3} more)" if len(targets) > 3 else "")
        lines.append(f"{violation['impact']} {violation['id']}: {violation['help']} at {shown}")
    return "\n".join(lines)
