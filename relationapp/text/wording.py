"""English labels of stored codes (interaction kinds, DMU roles, tiers), marked for the catalogue.

Reports word them with ``Formatter.t(KINDS[code])`` like any other text.
"""

from __future__ import annotations

from relationapp.text.catalogue import N_

KINDS = {
    "visit": N_("Visit"), "call": N_("Call"), "email": N_("E-mail"), "meeting": N_("Meeting"), "event": N_("Event"),
    "gift": N_("Gift"), "card": N_("Card"), "content": N_("Content sent"), "note": N_("Note"),
}
ROLES = {
    "decision_maker": N_("Decision maker"), "budget_holder": N_("Budget holder"), "influencer": N_("Influencer"),
    "user": N_("User"), "gatekeeper": N_("Gatekeeper"),
}
TIERS = {
    "top": N_("Top"), "big": N_("Big"), "medium": N_("Medium"), "small": N_("Small"),
    "prospect": N_("Prospect"), "suspect": N_("Suspect"), "inactive": N_("Inactive"),
}

NL: dict[str, str] = {
    # codes
    "Visit": "Bezoek", "Call": "Telefoon", "E-mail": "E-mail", "Meeting": "Overleg", "Event": "Evenement",
    "Gift": "Attentie", "Card": "Kaart", "Content sent": "Content gestuurd", "Note": "Notitie",
    "Decision maker": "Beslisser", "Budget holder": "Budgethouder", "Influencer": "Beïnvloeder",
    "User": "Gebruiker", "Gatekeeper": "Poortwachter",
    "Top": "Top", "Big": "Groot", "Medium": "Middel", "Small": "Klein",
    "Prospect": "Prospect", "Suspect": "Suspect", "Inactive": "Inactief",
    # page furniture
    "Page {page} of {pages}": "Pagina {page} van {pages}",
    "Internal · confidential": "Intern · vertrouwelijk",
    "Prepared for {name}": "Opgesteld voor {name}",
    "Account review {quarter}": "Klantreview {quarter}",
    "Portfolio report {quarter}": "Portefeuillerapport {quarter}",
    # account review
    "The account": "De klant", "Fact": "Gegeven", "Value": "Waarde",
    "Account manager": "Accountmanager", "Address": "Adres", "Phone": "Telefoon", "Website": "Website",
    "Customer since": "Klant sinds", "Tier": "Segment", "last quarter": "vorig kwartaal", "Source": "Herkomst",
    "People": "Mensen", "Name": "Naam", "Job title": "Functie", "Role": "Rol", "Touches": "Contacten",
    "Personal notes": "Persoonlijke notities", "No people recorded.": "Geen mensen vastgelegd.",
    "Revenue per quarter": "Omzet per kwartaal", "No revenue in these quarters.": "Geen omzet in deze kwartalen.", "This quarter": "Dit kwartaal",
    "Same quarter a year earlier": "Zelfde kwartaal een jaar eerder",
    "Quarter": "Kwartaal", "Revenue": "Omzet", "A year earlier": "Een jaar eerder", "Change": "Verschil",
    "Share of wallet": "Share of wallet",
    "{share} of an estimated {budget} a year ({revenue} with us in the last 12 months)":
        "{share} van naar schatting {budget} per jaar ({revenue} bij ons in de laatste 12 maanden)",
    "Profit over the last 12 months": "Winst over de laatste 12 maanden", "Item": "Post", "Amount": "Bedrag",
    "Cost of goods": "Inkoopwaarde", "Cost to serve ({hours} of staff time)": "Kosten van bediening ({hours} tijd)",
    "Profit after cost to serve": "Winst na kosten van bediening",
    "Touches in {quarter}": "Contacten in {quarter}", "Time spent": "Bestede tijd",
    "{hours} in {count} touches.": "{hours} in {count} contacten.",
    "Average for a {tier} account: {hours}.": "Gemiddeld voor een klant in segment {tier}: {hours}.",
    "Date": "Datum", "Kind": "Soort", "With": "Met", "By": "Door", "Time": "Tijd", "Subject": "Onderwerp",
    "No touches in this quarter.": "Geen contacten in dit kwartaal.",
    "Satisfaction (NPS)": "Tevredenheid (NPS)", "Answers": "Antwoorden", "Average score": "Gemiddelde score",
    "NPS": "NPS", "No answers yet.": "Nog geen antwoorden.",
    "Referrals": "Aanbevelingen", "Referral": "Aanbeveling", "Thanked": "Bedankt",
    "Introduced us to {name}": "Heeft ons aanbevolen bij {name}", "Introduced by {name}": "Aanbevolen door {name}",
    "Introduced a new customer": "Heeft een nieuwe klant aangebracht",
    "Came to us through a recommendation": "Kwam bij ons via een aanbeveling",
    "No referrals yet.": "Nog geen aanbevelingen.",
    "Open follow-ups": "Openstaande acties", "Due": "Wanneer", "What": "Wat", "Nothing open.": "Niets open.",
    "Agreed next steps": "Afgesproken vervolgstappen", "None recorded yet.": "Nog niets vastgelegd.",
    "Internal notes": "Interne notities",
    # portfolio
    "The customer pyramid": "De klantenpiramide", "Customers": "Klanten", "Accounts": "Relaties",
    "Revenue last 12 months": "Omzet laatste 12 maanden", "Share of revenue": "Aandeel in omzet",
    "{count} customers · {revenue} revenue in the last 12 months":
        "{count} klanten · {revenue} omzet in de laatste 12 maanden",
    "Pareto": "Pareto",
    "The best 20 % of customers bring {share} of revenue.": "De beste 20 % van de klanten brengt {share} van de omzet.",
    "Tier movements since {quarter}": "Verschuivingen sinds {quarter}", "From": "Van", "To": "Naar",
    "No movements.": "Geen verschuivingen.", "Up": "Omhoog", "Down": "Omlaag",
    "Profit curve": "Winstcurve", "Customers, most profitable first": "Klanten, meest winstgevend eerst",
    "Attention": "Aandacht", "Overdue": "Achterstallig", "Hours": "Uren",
    "Hours on customers: {customers}; on prospects and suspects: {prospects}.":
        "Uren aan klanten: {customers}; aan prospects en suspects: {prospects}.",
    "Ambassadors": "Ambassadeurs", "Largest wallet gaps": "Grootste groeiruimte (share of wallet)",
    "Budget": "Budget", "Gap": "Ruimte", "Share": "Aandeel",
    "Promoters": "Promotors", "Passives": "Passief", "Detractors": "Criticasters",
    "Referrals in {quarter}": "Aanbevelingen in {quarter}", "Before": "Voor", "After": "Na",
    "… and {count} more.": "… en nog {count}.", "Not listed": "Niet in de piramide",
    "No customers with revenue yet.": "Nog geen klanten met omzet.",
    "Profit after cost to serve: {total}. The best {count} customers earn {peak}; the rest give back {back}. "
    "{loss} customers cost more than they bring.":
        "Winst na kosten van bediening: {total}. De beste {count} klanten verdienen {peak}; de rest geeft {back} terug. "
        "{loss} klanten kosten meer dan ze opleveren.",
    "Profit after cost to serve: {total}. Every customer earns more than serving them costs.":
        "Winst na kosten van bediening: {total}. Elke klant levert meer op dan de bediening kost.",
    "Attention in {quarter}": "Aandacht in {quarter}", "New account": "Nieuwe relatie", "Outcome": "Resultaat",
    "Introduced": "Geïntroduceerd", "Customer": "Klant geworden", "No fit": "Geen match",
    "No referrals in this quarter.": "Geen aanbevelingen in dit kwartaal.", "Account": "Relatie", "Score": "Score",
    "Introductions": "Introducties", "Revenue brought": "Opgeleverde omzet",
    "No ambassadors yet: promoters who introduced someone.": "Nog geen ambassadeurs: promotors die iemand aanbrachten.",
    "No customer has an estimated budget yet.": "Nog geen klant met een geschat budget.",
    "No account": "Geen relatie",
    # visit briefing (reports/briefing.py, reports/briefing_data.py)
    "Visit briefing": "Bezoekbriefing", "{day}: {count} stops": "{day}: {count} bezoeken",
    "Internal: personal notes, do not hand out": "Intern: persoonlijke notities, niet uitdelen",
    "{day}, time not set ({minutes} min)": "{day}, tijd nog niet gepland ({minutes} min)",
    "Where": "Waar", "No address on file": "Geen adres bekend", "Contact": "Contact", "Visit by": "Bezoek door",
    "Notes for this visit": "Notities voor dit bezoek", "Talking points": "Gespreksonderwerpen",
    "Nothing in particular: listen.": "Niets bijzonders: luister.", "Whom to meet": "Wie u spreekt",
    "Birthday": "Verjaardag", "Nobody on file who may be contacted.": "Niemand bekend die benaderd mag worden.",
    "Relationship": "Relatie", "The 12 months before": "De 12 maanden daarvoor",
    "Estimated annual budget": "Geschat jaarbudget", "Wallet gap": "Groeiruimte",
    "Last visit or meeting": "Laatste bezoek of overleg", "none on record": "niet vastgelegd", "Figure": "Gegeven",
    "Last touches": "Laatste contacten", "No touches on record.": "Geen contacten vastgelegd.",
    "Follow-up": "Actie", "Person": "Persoon", "About the account": "Over de klant",
    "{name}'s birthday on the {nth}.": "{name} is jarig op de {nth}.",
    "{label} on the {nth} ({name}).": "{label} op de {nth} ({name}).",
    "Detractor last quarter: {name} scored {score}/10 on {day}; resolve that first.":
        "Criticaster vorig kwartaal: {name} gaf een {score}/10 op {day}; los dat eerst op.",
    "{name} is a promoter ({score}/10) without a referral: ask for an introduction.":
        "{name} is promotor ({score}/10) zonder aanbeveling: vraag om een introductie.",
    "Follow-up due {day}: {title}.": "Actie sinds {day}: {title}.",
    "Revenue down {change} on the 12 months before: ask what changed.":
        "Omzet {change} lager dan de 12 maanden daarvoor: vraag wat er veranderd is.",
    "Revenue up {change} on the 12 months before: thank them for it.":
        "Omzet {change} hoger dan de 12 maanden daarvoor: bedank ze ervoor.",
    "Wallet gap {amount}: what else could we do for them?": "Groeiruimte {amount}: wat kunnen we nog meer voor ze doen?",
    "No visit on record yet: ask how they would like to be kept informed.":
        "Nog geen bezoek vastgelegd: vraag hoe ze op de hoogte gehouden willen worden.",
    "Agreed next steps: {steps}": "Afgesproken vervolgstappen: {steps}",
    "Visits": "Bezoeken", "Visit: {account}": "Bezoek: {account}", "Meet: {name}": "Spreken: {name}",
    "Phone: {phone}": "Telefoon: {phone}", "Notes: {notes}": "Notities: {notes}",
}


def translate(language: str, text: str) -> str:
    if language == "nl":
        return NL.get(text, text)
    return text
