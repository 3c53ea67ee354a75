"""Fill in Dutch for texts lupdate added: python tools/translate.py 'English=Nederlands' ...

Run tools/update_translations.sh first (it collects the new texts), then this,
then the script again (it compiles the .qm).
"""

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parents[1] / "relationapp" / "resources" / "translations" / "relationapp_nl.ts"


def main(pairs: list[str]) -> int:
    wanted = dict(p.split("=", 1) for p in pairs)
    tree = ET.parse(TS)
    done = set()
    for message in tree.iter("message"):
        source = message.findtext("source")
        if source in wanted:
            translation = message.find("translation")
            translation.text = wanted[source]
            translation.attrib.pop("type", None)
            done.add(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    missing = set(wanted) - done
    if missing:
        print("not in the .ts (run tools/update_translations.sh first):", *sorted(missing), sep="\n  ", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
