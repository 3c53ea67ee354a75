"""Render relationapp's icon from its SVG: PNG sizes for the window and Linux, .ico for Windows, .icns for macOS.

    python packaging/render_icons.py

Run it after changing relationapp/resources/icons/app/relationapp.svg and commit what it writes:
the PNGs beside the SVG (the window icon and the Linux install use them) and
packaging/icons/relationapp.ico and .icns (the PyInstaller spec uses them).
Qt's SVG renderer draws each size from the vector (sharp small sizes); Pillow,
which reportlab already brings, packs the .ico and the .icns.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "relationapp" / "resources" / "icons" / "app" / "relationapp.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)  # the hicolor theme's usual sizes
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # Windows: 256 is the largest an .ico holds
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)  # macOS: Pillow picks each entry from these
ICONS_DIR = ROOT / "packaging" / "icons"


def png_path(size: int) -> Path:
    return SVG.with_name(f"relationapp-{size}.png")


def render(size: int) -> bytes:
    """The icon as PNG bytes, size x size pixels, transparent around the rounded square."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - Qt's painting needs one
    for size in PNG_SIZES:
        png_path(size).write_bytes(render(size))
    ICONS_DIR.mkdir(exist_ok=True)
    biggest = Image.open(io.BytesIO(render(1024))).convert("RGBA")
    # each .ico entry drawn at its own size, not scaled down from the big one
    ico_images = [Image.open(io.BytesIO(render(size))).convert("RGBA") for size in ICO_SIZES]
    ico_images[-1].save(ICONS_DIR / "relationapp.ico", sizes=[(s, s) for s in ICO_SIZES],
                        append_images=ico_images[:-1])
    biggest.save(ICONS_DIR / "relationapp.icns", sizes=[(s, s) for s in ICNS_SIZES])
    for path in [*map(png_path, PNG_SIZES), ICONS_DIR / "relationapp.ico", ICONS_DIR / "relationapp.icns"]:
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
