"""Before Qt loads: name the Debian/Ubuntu packages of missing system libraries instead of a traceback.

A bare Debian has no libGL, and Qt's X11 plugin needs a dozen xcb libraries
(when one is missing Qt aborts with a message that blames only
libxcb-cursor0). This module imports no Qt, so it can run first.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from typing import Callable

from relationapp.text.catalogue import _

# library -> Debian/Ubuntu package
PACKAGES = {
    "libGL.so.1": "libgl1", "libEGL.so.1": "libegl1", "libOpenGL.so.0": "libopengl0",
    "libxkbcommon.so.0": "libxkbcommon0", "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6", "libdbus-1.so.3": "libdbus-1-3", "libglib-2.0.so.0": "libglib2.0-0",
    "libX11.so.6": "libx11-6", "libX11-xcb.so.1": "libx11-xcb1", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb.so.1": "libxcb1", "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0", "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0", "libxcb-shape.so.0": "libxcb-shape0", "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1", "libxcb-xfixes.so.0": "libxcb-xfixes0", "libxcb-xkb.so.1": "libxcb-xkb1",
}
# what Qt's X11 platform plugin loads (Qt 6.5 and newer)
X11_LIBRARIES = ("libX11.so.6", "libX11-xcb.so.1", "libxkbcommon-x11.so.0", "libxcb.so.1", "libxcb-cursor.so.0",
                 "libxcb-icccm.so.4", "libxcb-image.so.0", "libxcb-keysyms.so.1", "libxcb-randr.so.0",
                 "libxcb-render-util.so.0", "libxcb-render.so.0", "libxcb-shape.so.0", "libxcb-shm.so.0",
                 "libxcb-sync.so.1", "libxcb-xfixes.so.0", "libxcb-xkb.so.1")
_MISSING = re.compile(r"(lib[\w.+-]+\.so(?:\.\d+)*): cannot open shared object file")


def _loads(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def _uses_x11(environ) -> bool:
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0] == "xcb"
    return bool(environ.get("DISPLAY")) and not environ.get("WAYLAND_DISPLAY")


def missing_libraries(*, import_qt: Callable[[], object] | None = None, loads: Callable[[str], bool] = _loads,
                      environ=None, platform: str | None = None) -> list[str]:
    """The system libraries the window needs and cannot load (Linux only; elsewhere Qt brings its own)."""
    environ = os.environ if environ is None else environ
    if (platform or sys.platform) != "linux":
        return []
    missing: list[str] = []
    try:
        (import_qt or _import_qt)()
    except ImportError as exc:
        found = _MISSING.search(str(exc))
        if found is None:
            raise
        missing.append(found.group(1))
    if _uses_x11(environ):
        missing += [name for name in X11_LIBRARIES if name not in missing and not loads(name)]
    return missing


def _import_qt() -> None:
    import PySide6.QtWidgets  # noqa: F401 - loading it is the check


def install_hint(missing: list[str]) -> str:
    """One line naming what is missing and the packages that bring it."""
    packages = sorted({PACKAGES.get(name, name) for name in missing})
    return _("relationapp's window needs system libraries that are missing ({libraries}). "
             "On Debian or Ubuntu: sudo apt install {packages}").format(libraries=", ".join(missing),
                                                                        packages=" ".join(packages))
