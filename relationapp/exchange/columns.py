"""Which column holds what: field names per kind, English and Dutch headers, presets.

A header is recognised after normalising it (lower case, letters and digits
only), so "E-mail", "e-mail adres" and "EMAIL" all match. Presets cover the
exports of Google Contacts, Outlook and our own export; a JSON file
``{"Column header": "field"}`` maps anything else.

People may have several phone, e-mail and web page columns (Google's
"Phone 2 - Value", Outlook's "Business Phone" and "Mobile Phone"): every one
is kept as a contact point with its type (``contact_columns``); the main one
goes on the person. Which phone is the main one: the one Google marks
preferred ("* Work"), else the first mobile, else the first work number,
else the first that is not a fax. The main e-mail is the preferred one, else
the first. Google writes several values in one cell joined by " ::: ".
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
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
        "country": "Country", "website": "Website", "dmu_role": "Role", "preferred_channel": "Preferred channel",
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
        "source": "Lead source",
    },
}

REQUIRED = {
    "accounts": ("name",),
    "people": ("name",),  # or first/last name, see missing_required
    "orders": ("account", "ordered_on", "amount"),
    "interactions": ("account", "occurred_on"),
}

# people's fields that several columns may fill: each value is kept as a contact point
MULTI_FIELDS = {"people": frozenset({"phone", "email", "website"})}
CONTACT_KIND = {"phone": "phone", "email": "email", "website": "url"}
MULTI_VALUE_SEPARATOR = " ::: "  # Google Contacts: several values in one cell

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
        "phone": _COMMON["phone"] + [
            "businessphone", "homephone", "otherphone", "carphone", "companymainphone", "primaryphone",
            "businessfax", "homefax", "otherfax", "fax", "pager", "telefoonwerk", "telefoonopwerk", "telefoonthuis",
            "mobieletelefoon", "mobielnummer", "faxwerk", "faxopwerk", "faxthuis", "zakelijketelefoon",
            "privetelefoon", "cellphone", "workphone"],
        "email": _COMMON["email"] + ["email1", "emailwerk", "emailthuis", "emailprive"],
        "website": ["website", "webpage", "webpagina", "homepage", "url", "web", "personalwebpage",
                    "businesswebpage", "site", "internetadres"],
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
        "source": ["source", "leadsource", "bron", "leadbron", "herkomst"],
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
    **{f"{what} {n} - Value": field for n in range(1, 10)
       for what, field in (("E-mail", "email"), ("Phone", "phone"), ("Website", "website"))},
}
_OUTLOOK = {
    "First Name": "first_name", "Middle Name": "middle_name", "Last Name": "last_name", "Company": "account",
    "Job Title": "job_title", "E-mail Address": "email", "E-mail 2 Address": "email", "E-mail 3 Address": "email",
    "Business Phone": "phone", "Business Phone 2": "phone", "Mobile Phone": "phone", "Home Phone": "phone",
    "Home Phone 2": "phone", "Company Main Phone": "phone", "Primary Phone": "phone", "Car Phone": "phone",
    "Other Phone": "phone", "Business Fax": "phone", "Home Fax": "phone", "Other Fax": "phone", "Pager": "phone",
    "Web Page": "website",
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
            key = re.sub(r"(\d+)(value|name|title|address)?$", "", key)
            field_name = lookup.get(key)
        if field_name and (field_name not in mapping.values() or field_name in MULTI_FIELDS.get(kind, ())):
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
        if target and (target not in mapping.values() or target in MULTI_FIELDS.get(kind, ())):
            mapping[i] = target
    return mapping


def missing_required(mapping: dict[int, str], kind: str) -> list[str]:
    present = set(mapping.values())
    if kind == "people" and present & {"first_name", "last_name"}:
        present.add("name")
    return [FIELDS[kind][f] for f in REQUIRED[kind] if f not in present]


# the type a column's header gives its numbers (Outlook, Dutch spreadsheets); trailing digits dropped
_HEADER_LABELS = {
    "work": ("businessphone", "companymainphone", "telefoonwerk", "telefoonopwerk", "zakelijketelefoon", "workphone",
             "emailwerk", "businesswebpage"),
    "mobile": ("mobilephone", "mobile", "mobiel", "mobieletelefoon", "mobielnummer", "gsm", "carphone", "cellphone"),
    "home": ("homephone", "telefoonthuis", "privetelefoon", "emailthuis", "emailprive", "personalwebpage"),
    "fax": ("businessfax", "homefax", "otherfax", "fax", "faxwerk", "faxopwerk", "faxthuis"),
    "other": ("otherphone", "pager", "primaryphone"),
}
_LABEL_OF_HEADER = {key: label for label, keys in _HEADER_LABELS.items() for key in keys}
# the words Google (and people typing) use in a "- Type" or "- Label" column
_TYPE_WORDS = {
    "mobile": "mobile", "mobiel": "mobile", "cell": "mobile", "gsm": "mobile",
    "work": "work", "werk": "work", "business": "work", "zakelijk": "work", "main": "work",
    "home": "home", "thuis": "home", "prive": "home", "personal": "home", "privé": "home",
    "workfax": "fax", "homefax": "fax", "otherfax": "fax", "fax": "fax", "faxwerk": "fax", "faxthuis": "fax",
    "other": "other", "overig": "other", "anders": "other", "pager": "other", "homepage": "other",
    "blog": "other", "profile": "other", "profiel": "other",
}


def header_label(header: str) -> str | None:
    """The contact type a column's header names ("Mobile Phone" -> "mobile"), or None."""
    return _LABEL_OF_HEADER.get(re.sub(r"\d+$", "", normalise(header)))


def type_label(word: str) -> tuple[str | None, bool]:
    """A "- Type" cell's word as (label, preferred): "* Work" -> ("work", True); an unknown word is "other"."""
    text = (word or "").strip()
    preferred = text.startswith("*")
    text = text.lstrip("*").strip()
    if not text:
        return None, preferred
    return _TYPE_WORDS.get(normalise(text), _TYPE_WORDS.get(text.casefold(), "other")), preferred


@dataclass(frozen=True)
class ContactColumn:
    index: int  # the column
    field: str  # "phone", "email", "website"
    label: str | None  # the type the header gives, if any
    type_index: int | None  # Google's "Phone 1 - Type" column beside "Phone 1 - Value"


def contact_columns(header: tuple[str, ...], mapping: dict[int, str], kind: str) -> tuple[ContactColumn, ...]:
    """The columns whose values become contact points, in the file's order, each with its type."""
    multi = MULTI_FIELDS.get(kind, ())
    by_key = {normalise(h): i for i, h in enumerate(header)}
    out = []
    for i in sorted(mapping):
        field_name = mapping[i]
        if field_name not in multi:
            continue
        title = header[i] if i < len(header) else ""
        type_index = None
        m = re.match(r"^(.*?)\s*-\s*value$", title, re.IGNORECASE)
        if m:
            stem = normalise(m.group(1))
            type_index = by_key.get(stem + "type", by_key.get(stem + "label"))
        out.append(ContactColumn(i, field_name, header_label(title), type_index))
    return tuple(out)
