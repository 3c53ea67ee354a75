"""A realistic demo firm: a Dutch installation company and its relationships.

Deterministic from a seed, so screenshots and tests see the same world.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa

from relationapp.data import models as m
from relationapp.data.db import Database
from relationapp.errors import ServiceError
from relationapp.text.catalogue import _

FIRM = "Hoekstra Klimaattechniek B.V."

CITIES = (
    # city, postcode prefix, region, latitude, longitude, streets
    ("Amsterdam", "10", "Noord-Holland", 52.370, 4.895, ("Keizersgracht", "Overtoom", "Van Baerlestraat")),
    ("Haarlem", "20", "Noord-Holland", 52.381, 4.636, ("Grote Houtstraat", "Kleverparkweg")),
    ("Utrecht", "35", "Utrecht", 52.091, 5.122, ("Oudegracht", "Biltstraat", "Amsterdamsestraatweg")),
    ("Amersfoort", "38", "Utrecht", 52.156, 5.387, ("Utrechtseweg", "Leusderweg")),
    ("Rotterdam", "30", "Zuid-Holland", 51.924, 4.478, ("Coolsingel", "Mathenesserlaan", "Boezemweg")),
    ("Den Haag", "25", "Zuid-Holland", 52.070, 4.300, ("Laan van Meerdervoort", "Frederik Hendriklaan")),
    ("Leiden", "23", "Zuid-Holland", 52.160, 4.497, ("Breestraat", "Haarlemmerstraat")),
    ("Eindhoven", "56", "Noord-Brabant", 51.441, 5.478, ("Stratumseind", "Kruisstraat")),
    ("Tilburg", "50", "Noord-Brabant", 51.560, 5.091, ("Heuvelring", "Ringbaan-West")),
    ("Zwolle", "80", "Overijssel", 52.516, 6.083, ("Diezerstraat", "Assendorperstraat")),
    ("Groningen", "97", "Groningen", 53.219, 6.566, ("Herestraat", "Oosterstraat")),
    ("Nijmegen", "65", "Gelderland", 51.842, 5.853, ("Lange Hezelstraat", "Groesbeekseweg")),
    ("Arnhem", "68", "Gelderland", 51.985, 5.898, ("Jansbinnensingel", "Velperweg")),
)

COMPANY_FIRST = (
    "De Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "De Boer", "Bos", "Vos",
    "Peters", "Hendriks", "Dekker", "Brouwer", "Kok", "Verbeek", "Van Leeuwen", "Schouten", "Postma",
    "Koster", "Prins", "Huisman", "Kuipers", "Van der Linden", "Willems", "Boersma", "Groot", "Sanders",
)
COMPANY_KIND = (
    "Bouw", "Vastgoed", "Zorggroep", "Bakkerij", "Tandartsen", "Hotel", "Architecten", "Logistiek",
    "Kinderopvang", "Sportschool", "Makelaardij", "Drukkerij", "Autobedrijf", "Fysiotherapie",
    "Restaurant", "Installatie", "Accountants", "Scholengroep", "Woningcorporatie", "Tuincentrum",
)
COMPANY_SUFFIX = ("B.V.", "& Zn.", "Groep", "", "Holding", "V.O.F.")
FIRST_NAMES = (
    "Jan", "Pieter", "Sanne", "Anouk", "Daan", "Sem", "Lotte", "Emma", "Bram", "Ruben", "Femke",
    "Joost", "Marloes", "Wouter", "Ingrid", "Henk", "Ria", "Gert", "Annelies", "Thijs", "Noor",
    "Kees", "Mirjam", "Sven", "Eline", "Bas", "Rianne", "Lars", "Esther", "Maarten", "Özlem",
    "Mehmet", "Fatima", "Łukasz", "Agnieszka", "Stéphanie", "Inge", "Roel", "Hanneke", "Jeroen",
)
LAST_NAMES = (
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser",
    "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
    "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer",
    "Yılmaz", "Kowalski", "El Amrani", "van 't Hek", "Çelik",
)
JOB_TITLES = (
    ("Directeur", "decision_maker"), ("Eigenaar", "decision_maker"), ("Financieel manager", "budget_holder"),
    ("Facilitair manager", "influencer"), ("Office manager", "gatekeeper"), ("Hoofd technische dienst", "user"),
    ("Inkoper", "budget_holder"), ("Projectleider", "influencer"), ("Secretaresse", "gatekeeper"),
)
SUBJECTS = {
    "visit": ("Onderhoudsbezoek installatie", "Kennismaking nieuwe facilitair manager", "Offerte warmtepomp besproken", "Jaarlijkse evaluatie"),
    "call": ("Storing ketel doorgesproken", "Vraag over onderhoudscontract", "Afspraak ingepland", "Nagebeld na offerte"),
    "email": ("Offerte verstuurd", "Onderhoudsrapport gemaild", "Factuurvraag beantwoord"),
    "meeting": ("Jaarplan verduurzaming", "Projectoverleg renovatie", "Evaluatie service"),
    "event": ("Klantendag in de werkplaats", "Webinar subsidies warmtepompen"),
    "card": ("Kerstkaart", "Verjaardagskaart", "Felicitatie jubileum"),
    "gift": ("Kerstpakket", "Bloemen bij opening"),
    "content": ("Nieuwsbrief: subsidies 2026", "Whitepaper: ventilatie in scholen"),
    "note": ("Notitie na beurs",),
}
GIFTS = ("Kerstpakket", "Fles wijn", "Bloemen", "Boek over duurzaam bouwen", "Taart", "Lunchbon")
CHILDREN = ("Mila", "Finn", "Julia", "Levi", "Tess", "Noah", "Saar", "Luuk")
SOURCES = (
    ("Vakbeurs Installatie", "trade_fair"), ("Webinar warmtepompen", "webinar"), ("Google", "search_engine"),
    ("LinkedIn", "social_media"), ("Koude acquisitie", "cold_call"), ("Via de groothandel", "third_party"),
    ("Aanbeveling klant", "referral"), ("Monteur ter plaatse", "colleague"), ("Website", "website"),
)
STAFF = (("Marieke Hoekstra", Decimal("85.00")), ("Joris van Vliet", Decimal("65.00")),
         ("Aylin Demir", Decimal("60.00")), ("Tom Kramer", Decimal("55.00")))


@dataclass(frozen=True)
class DemoSummary:
    accounts: int
    people: int
    orders: int
    interactions: int
    referrals: int
    nps_responses: int
    follow_ups: int


# letters NFKD does not split into a base letter and an accent
_UNSPLIT_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe"})


def mail_slug(text: str) -> str:
    """The part of a made-up e-mail address a name gives: plain ASCII letters and digits.

    "Yılmaz" and "Łukasz" once gave addresses with "ı" and "ł" in them, which most mail
    servers refuse: accents are dropped, and the letters NFKD keeps whole are mapped first.
    """
    folded = unicodedata.normalize("NFKD", text.lower().translate(_UNSPLIT_LETTERS))
    return re.sub(r"[^a-z0-9]", "", folded.encode("ascii", "ignore").decode())


def holds_data(db: Database) -> bool:
    """Any account, person or staff member at all (one row read each: Today asks on every refresh)."""
    with db.read() as session:
        return any(session.execute(sa.select(sa.exists().select_from(table))).scalar_one()
                   for table in (m.Account, m.Person, m.Staff))


def _wipe(session) -> None:
    for table in reversed(m.SQLModel.metadata.sorted_tables):
        if table.name != "alembic_version":
            session.execute(table.delete())


def build_demo(db: Database, *, force: bool = False, seed: int = 2026, today: dt.date | None = None) -> DemoSummary:
    """Fill the database with the demo firm; refuses a database with data unless ``force``."""
    if holds_data(db) and not force:
        raise ServiceError(_("This database already holds data; use --force to replace it with the demo, or choose another --db."))
    today = today or dt.date.today()
    rng = random.Random(seed)
    with db.write() as session:
        if force:
            _wipe(session)
        return _Builder(session, rng, today, seed).build()


class _Builder:
    def __init__(self, session, rng: random.Random, today: dt.date, seed: int):
        self.s = session
        self.rng = rng
        self.today = today
        self.seed = seed
        self.counts = dict(orders=0, interactions=0, referrals=0, nps=0, follow_ups=0)

    def build(self) -> DemoSummary:
        s = self.s
        s.add(m.Setting(key="company_name", value='"' + FIRM + '"'))
        staff = [m.Staff(name=n, hourly_cost=c, email=n.split()[0].lower() + "@hoekstra-klimaat.nl") for n, c in STAFF]
        s.add_all(staff)
        sources = [m.LeadSource(name=n, kind=k) for n, k in SOURCES]
        s.add_all(sources)
        s.flush()
        self.staff, self.sources = staff, sources
        accounts = self._accounts(150)
        people = self._people(accounts)
        for account in accounts:
            self._orders(account)
            self._interactions(account, people[account.id])
        self._personal_dates(people)
        self._referrals(accounts, people)
        self._nps(accounts, people)
        self._follow_ups(accounts, people)
        self._planned_visits(accounts)
        s.flush()
        from relationapp.services.data_care import demo_leads

        demo_leads.tell(s, accounts=accounts, people=people, staff=self.staff, sources=self.sources, today=self.today,
                        seed=self.seed)
        return DemoSummary(
            accounts=len(accounts), people=sum(len(p) for p in people.values()), orders=self.counts["orders"],
            interactions=self.counts["interactions"], referrals=self.counts["referrals"],
            nps_responses=self.counts["nps"], follow_ups=self.counts["follow_ups"],
        )

    def _accounts(self, n: int) -> list[m.Account]:
        rng, out, used = self.rng, [], set()
        # stages: mostly customers, the rest spread along the lead journey
        stages = ["customer"] * 85 + ["inactive"] * 15 + ["prospect"] * 20 + ["suspect"] * 12 + ["mql"] * 10 + ["sql"] * 8
        rng.shuffle(stages)
        for i in range(n):
            while True:
                name = " ".join(p for p in (rng.choice(COMPANY_FIRST), rng.choice(COMPANY_KIND), rng.choice(COMPANY_SUFFIX)) if p)
                if name not in used:
                    used.add(name)
                    break
            private = i % 15 == 0
            if private:
                name = f"Fam. {rng.choice(LAST_NAMES)}"
            city, pc, region, lat, lon, streets = rng.choice(CITIES)
            stage = stages[i]
            since = None
            if stage in ("customer", "inactive"):
                since = self.today - dt.timedelta(days=rng.randint(200, 365 * 9))
            slug = mail_slug(name)[:20]
            account = m.Account(
                name=name, kind="private" if private else "organisation", stage=stage,
                owner_id=rng.choice(self.staff).id, street=f"{rng.choice(streets)} {rng.randint(1, 240)}",
                postcode=f"{pc}{rng.randint(10, 99)} {rng.choice('ABCDEGHJKLMNPRST')}{rng.choice('ABCDEGHJKLMNPRST')}",
                city=city, region=region, country="Nederland",
                latitude=round(lat + rng.uniform(-0.03, 0.03), 5), longitude=round(lon + rng.uniform(-0.04, 0.04), 5),
                phone=f"0{rng.randint(10, 79)}-{rng.randint(1000000, 9999999)}",
                email=f"info@{slug}.nl", website=f"https://www.{slug}.nl" if not private else None,
                source_id=rng.choice(self.sources).id, customer_since=since,
                annual_budget=Decimal(rng.choice((0, 15000, 40000, 80000, 150000))) or None if stage == "customer" else None,
                brought_in_by_id=rng.choice(self.staff).id,
                notes="Sleutel ligt bij de receptie." if rng.random() < 0.1 else None,
                next_steps="Offerte onderhoudscontract 2027 bespreken." if rng.random() < 0.2 else None,
            )
            self.s.add(account)
            out.append(account)
        self.s.flush()
        for account in out:
            self.s.add(m.StageChange(account_id=account.id, from_stage=None, to_stage=account.stage,
                                     changed_on=account.customer_since or self.today - dt.timedelta(days=rng.randint(10, 400))))
        return out

    def _people(self, accounts) -> dict[int, list[m.Person]]:
        rng, by_account = self.rng, {}
        feb29_done = False
        for account in accounts:
            count = 1 if account.kind == "private" else rng.choice((1, 2, 2, 3, 3, 3, 4, 5))
            people = []
            for _i in range(count):
                first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
                title, role = rng.choice(JOB_TITLES)
                month, day = rng.randint(1, 12), rng.randint(1, 28)
                year = rng.randint(1955, 2000) if rng.random() < 0.6 else None
                if not feb29_done:
                    month, day, year, feb29_done = 2, 29, 1976, True
                slug = f"{mail_slug(first)}.{mail_slug(last)}"
                person = m.Person(
                    account_id=account.id, name=f"{first} {last}", job_title=None if account.kind == "private" else title,
                    dmu_role=None if account.kind == "private" else role,
                    email=f"{slug}@example.nl", phone=f"06-{rng.randint(10000000, 99999999)}",
                    birthday_day=day if rng.random() < 0.9 else None, birthday_month=month, birthday_year=year,
                    family_notes=f"Dochter {rng.choice(CHILDREN)}, zoon {rng.choice(CHILDREN)}" if rng.random() < 0.25 else None,
                    personal_notes=rng.choice((None, None, "Fietst elke dag naar kantoor", "Houdt van Italiaanse wijn",
                                               "Supporter van Feyenoord", "Zingt in een koor", "Drinkt geen alcohol")),
                    preferred_channel=rng.choice(m.CHANNELS), consent_date=self.today - dt.timedelta(days=rng.randint(30, 900)),
                    do_not_contact=rng.random() < 0.02,
                )
                if person.birthday_day is None:
                    person.birthday_month = person.birthday_year = None
                self.s.add(person)
                people.append(person)
            by_account[account.id] = people
        self.s.flush()
        return by_account

    def _orders(self, account: m.Account) -> None:
        if account.stage not in ("customer", "inactive"):
            return
        rng = self.rng
        # a few whales, many small customers: Pareto-shaped yearly revenue
        yearly = Decimal(int(rng.paretovariate(1.16) * 2500))
        end = self.today if account.stage == "customer" else self.today - dt.timedelta(days=rng.randint(400, 900))
        start = max(self.today - dt.timedelta(days=3 * 365), account.customer_since or end)
        per_year = max(1, min(12, int(yearly / 3000) + 1))
        day = start
        ref = 1
        while day < end:
            amount = (yearly / per_year * Decimal(rng.uniform(0.6, 1.4))).quantize(Decimal("0.01"))
            self.s.add(m.Order(account_id=account.id, ordered_on=day, amount=amount,
                               cost_of_goods=(amount * Decimal(rng.uniform(0.45, 0.7))).quantize(Decimal("0.01")),
                               reference=f"F{day.year}-{account.id:04d}-{ref:03d}",
                               description=rng.choice(("Onderhoudscontract", "Reparatie", "Installatie warmtepomp", "Ventilatie", "Storingsdienst"))))
            self.counts["orders"] += 1
            ref += 1
            day += dt.timedelta(days=int(365 / per_year) + rng.randint(-10, 10))

    def _interactions(self, account: m.Account, people: list[m.Person]) -> None:
        rng = self.rng
        n = {"customer": rng.randint(3, 14), "inactive": rng.randint(1, 4)}.get(account.stage, rng.randint(0, 4))
        for _i in range(n):
            kind = rng.choice(("visit", "call", "call", "email", "email", "meeting", "event", "card", "content"))
            days_ago = rng.randint(1, 700) if account.stage == "customer" else rng.randint(200, 900)
            if rng.random() < 0.15:
                days_ago = rng.randint(0, 20)
            when = self.today - dt.timedelta(days=days_ago)
            interaction = m.Interaction(
                account_id=account.id, kind=kind, occurred_on=when,
                duration_minutes={"visit": 90, "meeting": 60, "call": 15, "email": 10, "event": 120}.get(kind, 5) + rng.choice((0, 0, 15, 30)),
                staff_id=account.owner_id, subject=rng.choice(SUBJECTS[kind]),
                notes=rng.choice((None, "Tevreden over de laatste servicebeurt.", "Vraagt om offerte voor tweede locatie.",
                                  "Klacht over de planning; opgelost.", "Wil in Q1 verduurzamen.")),
            )
            self.s.add(interaction)
            self.s.flush()
            for person in rng.sample(people, k=min(len(people), rng.randint(1, 2))):
                self.s.add(m.InteractionPerson(interaction_id=interaction.id, person_id=person.id))
            self.counts["interactions"] += 1
        if account.stage == "customer" and rng.random() < 0.3 and people:
            gift = m.Interaction(account_id=account.id, kind="gift", occurred_on=dt.date(self.today.year - 1, 12, 18),
                                 duration_minutes=15, staff_id=account.owner_id, subject="Kerstattentie",
                                 gift_item=rng.choice(GIFTS), gift_cost=Decimal(rng.choice(("25.00", "35.50", "49.95"))))
            self.s.add(gift)
            self.s.flush()
            self.s.add(m.InteractionPerson(interaction_id=gift.id, person_id=people[0].id))
            self.counts["interactions"] += 1

    def _personal_dates(self, people: dict[int, list[m.Person]]) -> None:
        rng = self.rng
        for group in people.values():
            for person in group:
                if person.family_notes and rng.random() < 0.6:
                    soon = self.today + dt.timedelta(days=rng.randint(0, 40))
                    self.s.add(m.ImportantDate(person_id=person.id, account_id=person.account_id, kind="child_birthday",
                                               label=f"Verjaardag {person.family_notes.split()[1].rstrip(',')}",
                                               month=soon.month, day=min(soon.day, 28), year=rng.randint(2008, 2020)))

    def _referrals(self, accounts, people) -> None:
        rng = self.rng
        customers = [a for a in accounts if a.stage == "customer"]
        referral_source = next(s for s in self.sources if s.kind == "referral")
        referred = rng.sample(customers, k=8)
        for target in referred:
            referrer = rng.choice([c for c in customers if c.id != target.id and c not in referred])
            person = rng.choice(people[referrer.id])
            target.source_id = referral_source.id
            self.s.add(m.Referral(referrer_person_id=person.id, referrer_account_id=referrer.id, referred_account_id=target.id,
                                  referred_on=target.customer_since or self.today, outcome="customer",
                                  thanked_on=(target.customer_since or self.today) + dt.timedelta(days=10) if rng.random() < 0.6 else None,
                                  note="Kennen elkaar via de ondernemersvereniging."))
            self.counts["referrals"] += 1
            if target.id % 3:  # most who recommend us are promoters: the demo's ambassadors (no rng draw, so
                # the rest of the firm stays as it was; dated after the other scores, so it is their latest)
                self.s.add(m.NpsResponse(person_id=person.id, account_id=referrer.id, responded_on=self.today - dt.timedelta(days=10),
                                         score=9 + target.id % 2, comment="Raden jullie graag aan."))
                self.counts["nps"] += 1

    def _nps(self, accounts, people) -> None:
        rng = self.rng
        for account in accounts:
            if account.stage != "customer" or rng.random() > 0.45:
                continue
            person = rng.choice(people[account.id])
            for quarter_back in range(rng.randint(1, 3)):
                score = rng.choices(range(11), weights=(1, 1, 1, 1, 2, 2, 3, 6, 10, 12, 9))[0]
                self.s.add(m.NpsResponse(person_id=person.id, account_id=account.id,
                                         responded_on=self.today - dt.timedelta(days=20 + 91 * quarter_back + rng.randint(0, 30)),
                                         score=score, comment=rng.choice((None, "Snelle service!", "Planning kan beter.", "Prima monteurs."))))
                self.counts["nps"] += 1

    def _follow_ups(self, accounts, people) -> None:
        rng = self.rng
        titles = ("Offerte nabellen", "Onderhoudscontract verlengen", "Rapport toesturen", "Afspraak jaarplan maken",
                  "Bedanken voor aanbeveling", "Terugbellen over storing")
        for account in rng.sample(accounts, k=40):
            due = self.today + dt.timedelta(days=rng.randint(-14, 21))
            self.s.add(m.FollowUp(account_id=account.id, person_id=rng.choice(people[account.id]).id,
                                  staff_id=account.owner_id, title=rng.choice(titles), due_on=due))
            self.counts["follow_ups"] += 1

    def _planned_visits(self, accounts) -> None:
        """Visit days for the coming three weeks: each account manager, one region a day, three stops."""
        rng, planned = self.rng, set()
        customers = [a for a in accounts if a.stage == "customer"]
        for week in range(3):
            for i, staff in enumerate(self.staff):
                day = self.today + dt.timedelta(days=7 * week + i)
                if day.weekday() >= 5:  # to the Monday after
                    day += dt.timedelta(days=7 - day.weekday())
                mine = [a for a in customers if a.owner_id == staff.id and a.id not in planned]
                if not mine:
                    continue
                regions = sorted({a.region for a in mine}, key=lambda r: (-sum(a.region == r for a in mine), r))
                region = rng.choice(regions[:2])  # one of their two busiest regions
                stops = [a for a in mine if a.region == region][:3]
                start = dt.datetime.combine(day, dt.time(9, 0))
                for position, account in enumerate(stops):
                    duration = rng.choice((45, 60, 90))
                    self.s.add(m.PlannedVisit(account_id=account.id, staff_id=staff.id, planned_on=day,
                                              start_time=start.time(), duration_minutes=duration, position=position))
                    planned.add(account.id)
                    start += dt.timedelta(minutes=duration + 30)  # the drive to the next stop
