#!/usr/bin/env bash
# Collect tr()/QT_TR_NOOP texts from the UI into the Dutch .ts file (keeping
# existing translations), then compile the .qm the app loads.
set -euo pipefail
cd "$(dirname "$0")/.."
ts=relationapp/resources/translations/relationapp_nl.ts
pyside6-lupdate -no-obsolete $(git ls-files 'relationapp/ui/*.py' 'relationapp/ui/**/*.py' | sort -u) -ts "$ts"
pyside6-lrelease "$ts" -qm "${ts%.ts}.qm"
