"""relationapp privacy export|erase PERSON"""

from __future__ import annotations

from relationapp.commands.cli import add_noun
from relationapp.text.catalogue import N_, _, ngettext


def register(sub) -> None:
    privacy, verbs = add_noun(sub, "privacy", help=N_("what we hold on a person, and forgetting them (AVG/GDPR)"))

    export = verbs.add_parser("export", help=N_("everything we hold on one person as JSON (and a readable PDF)"))
    export.add_argument("person", metavar="PERSON", help=N_("id or exact name"))
    export.add_argument("-o", "--out", required=True, metavar="OUT.json")
    export.add_argument("--pdf", metavar="OUT.pdf", help=N_("also a readable PDF"))
    export.set_defaults(handler=_export)

    erase = verbs.add_parser("erase", help=N_("forget a person: their data goes, their name is scrubbed from the files"))
    erase.add_argument("person", metavar="PERSON", help=N_("id or exact name"))
    erase.add_argument("--drop-interactions", action="store_true",
                       help=N_("also delete the interactions with them alone (default: keep them without their name)"))
    erase.add_argument("--yes", action="store_true",
                       help=N_("erase and scrub every mention listed (without it: list the mentions and stop)"))
    erase.add_argument("--list", action="store_true", help=N_("only list the records that mention them"))
    erase.set_defaults(handler=_erase)


def _export(args, db) -> int:
    from relationapp.reports.data_care.privacy_export import export_person
    from relationapp.services.data_care.privacy import find_person_id

    written = export_person(db, person_id=find_person_id(db, name_or_id=args.person), out=args.out, pdf=args.pdf)
    print(_("Written: {files}").format(files=", ".join(str(p) for p in written)))
    return 0


def _print_mentions(mentions) -> None:
    print(ngettext("{count} record mentions them and will be scrubbed:",
                   "{count} records mention them and will be scrubbed:", len(mentions)).format(count=len(mentions)))
    for m in mentions:
        excerpt = m.excerpt.replace("\n", " ").replace("\r", " ")
        print(f"  {m.table} #{m.record_id} {m.field}: {excerpt}")


def _erase(args, db) -> int:
    from relationapp.commands.cli import CliError
    from relationapp.services.data_care.privacy import (
        erase_person,
        find_mentions,
        find_person_id,
    )

    person_id = find_person_id(db, name_or_id=args.person)
    if args.list or not args.yes:
        _print_mentions(find_mentions(db, person_id=person_id))
        if args.list:
            return 0
        raise CliError(_("Erasing person #{id} cannot be undone; add --yes to erase them and scrub these mentions.").format(
            id=person_id))
    result = erase_person(db, person_id=person_id, keep_interactions=not args.drop_interactions)
    print(_("Person #{id} erased; {kept} interactions kept without their name, {deleted} deleted, "
            "{scrubbed} texts scrubbed.").format(id=person_id, kept=result.interactions_kept,
                                                 deleted=result.interactions_deleted, scrubbed=result.texts_scrubbed))
    return 0
