"""Which column holds what: field names per kind, English and Dutch headers, presets.

A header is recognised after normalising it (lower case, letters and digits
only), so "E-mail", "e-mail adres" and "EMAIL" all match. Presets cover the
exports of Google Contacts, Outlook and our own export; a JSON file
``{"Column header": "field"}`` maps anything else.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from relationapp.errors import ValidationError
from relationapp.services.common.validation import shown
from relationapp.text.catalogue import _

KINDS = ("accounts", "people", "orders", "interactions")

# field -> label, per kind (the order is the preview's column order)
FIELDS: dict[str, dict[str, str]] = {
    "accounts": {
        "name": "Name", "kind": "Kind", "stage": "Stage", "street": "Street", "postcode": "Postcode",
        "city": "City", "region": "Region", "country": "Country", "phone": "Phone", "email": "E-mail",
        "website": "Website", "customer_since": "Customer since", "annual_budget": "Annual budget",
        "source": "Lead source", "source_detail": "Source detail", "brought_in_by": "Brought in by", "notes": "Notes",
    },
    "people": {
        "name": "Name", "first_name": "First name", "middle_name": "Middle name", "last_name": "Last name",
        "account": "Organisation", "job_title": "Job title", "email": "E-mail", "phone": "Phone",
        "birthday": "Birthday", "birthday_day": "Birthday day", "birthday_month": "Birthday month",
        "birthday_year": "Birthday year", "street": "Street", "postcode": "Postcode", "city": "City",
        "country": "Country", "dmu_role": "Role", "preferred_channel": "Preferred channel",
        "do_not_contact": "Do not contact", "consent_date": "Consent date",
        "family_notes": "Family", "personal_notes": "Notes",
    },
    "orders": {
        "account": "Customer", "ordered_on": "Date", "amount": "Amount", "cost_of_goods": "Cost of goods",
        "reference": "Reference", "description": "Description",
    },
    "interactions": {
        "account": "Account", "occurred_on": "Date", "kind": "Kind", "duration_minutes": "Minutes",
        "subject": "Subject", "notes": "Notes", "person": "Person", "gift_item": "Gift", "gift_cost": "Gift cost",
    },
}

REQUIRED = {
    "accounts": ("name",),
    "people": ("name",),  # or first/last name, see missing_required
    "orders": ("account", "ordered_on", "amount"),
    "interactions": ("account", "occurred_on"),
}

MONEY_FIELDS = {"annual_budget", "amount", "cost_of_goods", "gift_cost"}
DATE_FIELDS = {"customer_since", "ordered_on", "occurred_on", "consent_date", "birthday"}


def normalise(header: str) -> str:
    text = unicodedata.normalize("NFKD", header).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]", "", text)


_COMMON = {
    "name": ["name", "naam", "fullname", "volledigenaam", "displayname", "weergavenaam"],
    "street": ["street", "straat", "address", "adres", "streetaddress", "straatnaam", "address1"],
    "postcode": ["postcode", "postalcode", "zip", "zipcode", "postcodeplaats"],
    "city": ["city", "plaats", "woonplaats", "stad", "town", "vestigingsplaats"],
    "region": ["region", "regio", "provincie", "province", "state"],
    "country": ["country", "land", "countryregion"],
    "phone": ["phone", "telefoon", "tel", "telephone", "telefoonnummer", "phonenumber", "mobile", "mobiel",
              "mobilephone", "gsm", "telnr"],
    "email": ["email", "emailadres", "emailaddress", "mail", "emailadress"],
    "notes": ["notes", "note", "notities", "notitie", "opmerking", "opmerkingen", "memo", "toelichting"],
}

_SYNONYMS: dict[str, dict[str, list[str]]] = {
    "accounts": {
        **{k: v for k, v in _COMMON.items()},
        "name": _COMMON["name"] + ["company", "bedrijf", "bedrijfsnaam", "organisation", "organization",
                                   "organisatie", "account", "relatie", "klant", "customer", "relatienaam",
                                   "klantnaam", "companyname", "firma"],
        "kind": ["kind", "soort", "type"],
        "stage": ["stage", "fase", "status"],
        "website": ["website", "web", "url", "homepage", "site"],
        "customer_since": ["customersince", "klantsinds", "klantvanaf"],
        "annual_budget": ["annualbudget", "budget", "jaarbudget"],
        "source": ["source", "leadsource", "bron", "leadbron", "herkomst", "herkomstlead", "leadherkomst"],
        "source_detail": ["sourcedetail", "brondetail", "bronomschrijving", "toelichtingbron", "campaign", "campagne",
                          "herkomsttoelichting"],
        "brought_in_by": ["broughtinby", "aangebrachtdoor", "aanbrenger", "leadvan", "broughtby"],
    },
    "people": {
        **{k: v for k, v in _COMMON.items() if k not in ("notes",)},
        "name": _COMMON["name"] + ["contact", "contactpersoon", "person", "persoon"],
        "first_name": ["firstname", "voornaam", "givenname", "roepnaam"],
        "middle_name": ["middlename", "tussenvoegsel", "additionalname"],
        "last_name": ["lastname", "achternaam", "familyname", "surname"],
        "account": ["account", "organisation", "organization", "organisatie", "company", "bedrijf",
                    "bedrijfsnaam", "relatie", "klant", "customer", "firma", "organizationname", "organization1name"],
        "job_title": ["jobtitle", "functie", "title", "titel", "role", "organizationtitle", "organization1title"],
        "birthday": ["birthday", "verjaardag", "geboortedatum", "birthdate", "dateofbirth", "bday"],
        "dmu_role": ["dmurole", "dmu", "beslisrol"],
        "preferred_channel": ["preferredchannel", "voorkeurskanaal", "kanaal"],
        "do_not_contact": ["donotcontact", "nietbenaderen", "geencontact"],
        "consent_date": ["consentdate", "toestemming", "toestemmingsdatum", "consent"],
        "family_notes": ["familynotes", "familie", "gezin", "family"],
        "personal_notes": _COMMON["notes"] + ["personalnotes", "persoonlijk"],
    },
    "orders": {
        "account": ["account", "customer", "relatie", "klant", "debiteur", "relatienaam", "klantnaam",
                    "customername", "company", "bedrijf", "name", "naam", "debiteurnaam"],
        "ordered_on": ["date", "datum", "invoicedate", "factuurdatum", "orderdate", "orderdatum", "orderedon",
                       "boekdatum", "documentdatum"],
        "amount": ["amount", "bedrag", "total", "totaal", "omzet", "revenue", "netamount", "bedragexbtw",
                   "exclbtw", "exbtw", "nettobedrag", "subtotal"],
        "cost_of_goods": ["costofgoods", "cost", "kostprijs", "inkoopwaarde", "inkoop", "cogs"],
        "reference": ["reference", "referentie", "invoice", "factuur", "factuurnummer", "invoicenumber",
                      "invoiceno", "ordernumber", "ordernummer", "number", "nummer", "ref", "factuurnr"],
        "description": ["description", "omschrijving", "oms", "product", "details"],
    },
    "interactions": {
        "account": ["account", "customer", "relatie", "klant", "company", "bedrijf", "organisatie", "organisation"],
        "occurred_on": ["date", "datum", "occurredon", "when", "wanneer"],
        "kind": ["kind", "type", "soort", "activity", "activiteit"],
        "duration_minutes": ["durationminutes", "duration", "duur", "minutes", "minuten"],
        "subject": ["subject", "onderwerp", "title", "titel"],
        "notes": _COMMON["notes"] + ["verslag", "description", "omschrijving"],
        "person": ["person", "persoon", "contact", "contactpersoon", "people"],
        "gift_item": ["giftitem", "gift", "cadeau", "attentie"],
        "gift_cost": ["giftcost", "cadeaukosten", "kosten"],
    },
}

# Presets: header (exactly as the program writes it) -> field, per kind.
_GOOGLE = {
    "Name": "name", "Given Name": "first_name", "Additional Name": "middle_name", "Family Name": "last_name",
    "First Name": "first_name", "Middle Name": "middle_name", "Last Name": "last_name",
    "E-mail 1 - Value": "email", "Phone 1 - Value": "phone", "Organization 1 - Name": "account",
    "Organization 1 - Title": "job_title", "Organization Name": "account", "Organization Title": "job_title",
    "Birthday": "birthday", "Notes": "personal_notes", "Address 1 - Street": "street",
    "Address 1 - City": "city", "Address 1 - Postal Code": "postcode", "Address 1 - Country": "country",
}
_OUTLOOK = {
    "First Name": "first_name", "Middle Name": "middle_name", "Last Name": "last_name", "Company": "account",
    "Job Title": "job_title", "E-mail Address": "email", "Business Phone": "phone", "Mobile Phone": "phone",
    "Birthday": "birthday", "Notes": "personal_notes", "Business Street": "street", "Business City": "city",
    "Business Postal Code": "postcode", "Business Country/Region": "country",
}
PRESETS: dict[str, dict[str, dict[str, str]]] = {
    "google": {"people": _GOOGLE},
    "outlook": {"people": _OUTLOOK},
    # our own export writes the field names (people/orders/interactions add the account's name)
    "relationapp": {kind: {f: f for f in FIELDS[kind]} for kind in KINDS},
}
# Outlook writes dates the US way whatever the locale; Google writes ISO.
PRESET_DAY_FIRST = {"outlook": False}


def recognise(header: tuple[str, ...], kind: str) -> dict[int, str]:
    """Column index -> field for the headers we know; the first column wins a field."""
    synonyms = _SYNONYMS[kind]
    lookup = {normalise(f): f for f in FIELDS[kind]}
    for field_name, names in synonyms.items():
        lookup[normalise(field_name)] = field_name
        for n in names:
            lookup.setdefault(n, field_name)
    mapping: dict[int, str] = {}
    for i, title in enumerate(header):
        key = normalise(title)
        field_name = lookup.get(key)
        if field_name is None:
            # Google and Outlook number their columns: "E-mail 2 - Value" etc.; take the first
            key = re.sub(r"(\d+)(value|name|title)?$", "", key)
            field_name = lookup.get(key)
        if field_name and field_name not in mapping.values():
            mapping[i] = field_name
    return mapping


def load_mapping(spec: str | dict | None, header: tuple[str, ...], kind: str) -> dict[int, str]:
    """From a preset name, a JSON mapping file, a {header: field} dict, or recognition of the headers."""
    if kind not in KINDS:
        raise ValidationError(_("Unknown import kind '{kind}' (use {kinds}).").format(kind=shown(kind), kinds=", ".join(KINDS)))
    if not spec:
        return recognise(header, kind)
    if isinstance(spec, dict):  # chosen column by column (the import wizard)
        by_header = spec
    elif spec in PRESETS:
        by_header = PRESETS[spec].get(kind)
        if by_header is None:
            raise ValidationError(_("The preset '{preset}' is for {kinds}, not {kind}.").format(
                preset=shown(spec), kinds=", ".join(PRESETS[spec]), kind=kind))
    else:
        path = Path(spec)
        if not path.is_file():
            raise ValidationError(_("'{name}' is neither a preset ({presets}) nor a mapping file.").format(
                name=shown(spec), presets=", ".join(PRESETS)))
        try:
            by_header = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError, RecursionError) as exc:  # ValueError: not UTF-8, not JSON, a huge number
            raise ValidationError(_("{file} is not a JSON mapping ({problem}).").format(
                file=path.name, problem=shown(str(exc), limit=120))) from None
        if not isinstance(by_header, dict) or not all(isinstance(v, str) for v in by_header.values()):
            raise ValidationError(_("{file} must map column headers to fields: {example}.").format(
                file=path.name, example='{"Naam": "name"}'))
    unknown = sorted({v for v in by_header.values() if v and v not in FIELDS[kind]})
    if unknown:
        raise ValidationError(_("Unknown field(s) for {kind}: {fields} (known: {known}).").format(
            kind=kind, fields=shown(", ".join(unknown)), known=", ".join(FIELDS[kind])))
    mapping: dict[int, str] = {}
    for i, title in enumerate(header):
        target = by_header.get(title)
        if target and target not in mapping.values():
            mapping[i] = target
    return mapping


def missing_required(mapping: dict[int, str], kind: str) -> list[str]:
    present = set(mapping.values())
    if kind == "people" and present & {"first_name", "last_name"}:
        present.add("name")
    return [FIELDS[kind][f] for f in REQUIRED[kind] if f not in present]
