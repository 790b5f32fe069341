"""`make icons`: the web app's icons, drawn from the site's logo by headless Chromium.

    python -m tools.icons [OUT_DIR]

The logo is Material's `cloud-outline` (theme.icon.logo in mkdocs.yml), read from the installed
Material package; the colour is the header's indigo. Writes into docs/assets/icons/ by default:

  icon-192.png, icon-512.png          "any": the cloud on a rounded indigo square, corners clear
  maskable-192.png, maskable-512.png  "maskable": indigo to the edges, the cloud inside the middle
                                      80% circle that every launcher's mask keeps
  apple-touch-icon.png                180 px, indigo to the edges (iOS rounds the corners itself)

The PNGs are committed: building the site needs neither Chromium nor this tool. Nothing depends on
installed fonts: the drawing is one SVG path.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tools.chromium import launch

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "docs" / "assets" / "icons"
INDIGO = "#4051b5"  # Material's indigo primary (--md-primary-fg-color), the header of both schemes
LOGO = "cloud-outline"

# file name -> (size in px, share of the size the cloud spans, corner radius as a share, or None)
ICONS = {
    "icon-192.png": (192, 0.72, 0.18),
    "icon-512.png": (512, 0.72, 0.18),
    "maskable-192.png": (192, 0.56, None),
    "maskable-512.png": (512, 0.56, None),
    "apple-touch-icon.png": (180, 0.64, None),
}


def logo_svg() -> str:
    import material

    return (Path(material.__file__).parent / "templates" / ".icons" / "material" / f"{LOGO}.svg").read_text()


def icon_html(size: int, logo_share: float, corner_share: float | None) -> str:
    radius = f"{corner_share * size}px" if corner_share is not None else "0"
    logo = size * logo_share
    return f"""<!doctype html><html><head><style>
html, body {{ margin: 0; background: transparent; }}
div {{ width: {size}px; height: {size}px; border-radius: {radius}; background: {INDIGO};
       display: flex; align-items: center; justify-content: center; }}
svg {{ width: {logo}px; height: {logo}px; fill: #fff; }}
</style></head><body><div>{logo_svg()}</div></body></html>"""


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out_dir = Path(argv[0]) if argv else OUT_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            for name, (size, logo_share, corner_share) in ICONS.items():
                page = browser.new_page(viewport={"width": size, "height": size}, device_scale_factor=1)
                page.set_content(icon_html(size, logo_share, corner_share))
                page.screenshot(path=str(out_dir / name), omit_background=True)
                page.close()
                print(f"{out_dir / name}: {size}x{size}")
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
