"""relationapp export vcard|all"""

from __future__ import annotations

from relationapp.commands.cli import add_noun
from relationapp.text.catalogue import N_, _, ngettext


def register(sub) -> None:
    exp, verbs = add_noun(sub, "export", help=N_("export people as vCards, or everything as CSV files + JSON"))

    vcard = verbs.add_parser("vcard", help=N_("people as a .vcf file (everyone, or --person ...)"))
    vcard.add_argument("out", metavar="OUT.vcf")
    vcard.add_argument("--person", type=int, action="append", metavar="ID", help=N_("only this person (repeatable)"))
    vcard.add_argument("--version", dest="vcard_version", choices=("3.0", "4.0"), default="3.0")
    vcard.set_defaults(handler=_vcard)

    everything = verbs.add_parser("all", help=N_("everything as a folder (or .zip) of CSV files plus everything.json"))
    everything.add_argument("out", metavar="OUTDIR")
    everything.add_argument("--bom", action="store_true", help=N_("UTF-8 with BOM, so Excel reads accents right"))
    everything.add_argument("--zip", action="store_true", help=N_("one zip file instead of a folder"))
    everything.set_defaults(handler=_all)


def _vcard(args, db) -> int:
    from relationapp.exchange.vcard import export_vcards

    result = export_vcards(db, out=args.out, person_ids=args.person, version=args.vcard_version)
    print(ngettext("{count} card written to {path}.", "{count} cards written to {path}.", result.cards).format(
        count=result.cards, path=result.path))
    return 0


def _all(args, db) -> int:
    from relationapp.exchange.export import export_all

    result = export_all(db, out=args.out, bom=args.bom, as_zip=True if args.zip else None)
    print(_("{rows} rows in {files} files written to {path}.").format(
        rows=result.rows, files=len(result.files), path=result.path))
    return 0
