#!/bin/sh
# Install relationapp's Linux bundle for this user: the bundle folder, a command on the PATH,
# the menu entry (relationapp.desktop) and the icon, all under ~/.local (or $PREFIX).
#
#     packaging/linux/install.sh [BUNDLE_FOLDER]     # default: dist/relationapp of this checkout
#     packaging/linux/install.sh --uninstall
#
# Nothing outside $PREFIX is touched and no root is needed. Your database is not part of the
# bundle (it lives in ~/.local/share/relationapp/), so uninstalling leaves it where it is.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-$HOME/.local}
APP_DIR=$PREFIX/lib/relationapp
BIN=$PREFIX/bin/relationapp
DESKTOP=$PREFIX/share/applications/relationapp.desktop
ICONS=$PREFIX/share/icons/hicolor
SIZES="16 24 32 48 64 128 256 512"

refresh_menus() {
    # the desktop's caches, where it keeps them; a desktop without them rereads the folders itself
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$PREFIX/share/applications" || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$ICONS" || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$APP_DIR"
    rm -f "$BIN" "$DESKTOP" "$ICONS/scalable/apps/relationapp.svg"
    for size in $SIZES; do
        rm -f "$ICONS/${size}x${size}/apps/relationapp.png"
    done
    refresh_menus
    echo "relationapp removed from $PREFIX (your database in ~/.local/share/relationapp is kept)"
    exit 0
fi

BUNDLE=$(cd "${1:-$HERE/../../dist/relationapp}" 2>/dev/null && pwd) || {
    echo "install.sh: no bundle folder ${1:-dist/relationapp}; build it first: python packaging/build_bundle.py" >&2
    exit 2
}
if [ ! -x "$BUNDLE/relationapp" ]; then
    echo "install.sh: $BUNDLE has no relationapp program; is it the folder packaging/build_bundle.py made?" >&2
    exit 2
fi
ICON_SOURCE=$BUNDLE/_internal/relationapp/resources/icons/app

rm -rf "$APP_DIR.new"
mkdir -p "$PREFIX/lib" "$PREFIX/bin" "$PREFIX/share/applications"
cp -R "$BUNDLE" "$APP_DIR.new"
rm -rf "$APP_DIR"  # an older version, replaced whole so no stale library stays behind
mv "$APP_DIR.new" "$APP_DIR"
ln -sf "$APP_DIR/relationapp" "$BIN"

for size in $SIZES; do
    mkdir -p "$ICONS/${size}x${size}/apps"
    cp "$ICON_SOURCE/relationapp-$size.png" "$ICONS/${size}x${size}/apps/relationapp.png"
done
mkdir -p "$ICONS/scalable/apps"
cp "$ICON_SOURCE/relationapp.svg" "$ICONS/scalable/apps/relationapp.svg"

# the menu starts the installed program by its full path: ~/.local/bin is not on every session's PATH
sed "s|^Exec=.*|Exec=$APP_DIR/relationapp|" "$HERE/relationapp.desktop" > "$DESKTOP"
refresh_menus
echo "relationapp installed in $APP_DIR; the menu entry is $DESKTOP; the command is $BIN"
