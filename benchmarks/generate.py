"""Write a synthetic firm at scale S, M, L or XL for the benchmarks.

    python benchmarks/generate.py --scale L --seed 1 -o /work/bench/L.db

The schema comes from the app itself (``startup.open_database`` runs Alembic);
the rows go in with raw ``sqlite3`` ``executemany`` in large transactions,
with the secondary indexes dropped during the load and recreated from their
own saved SQL afterwards, so the file ends up with exactly the app's schema.
The same seed and ``--today`` give the same file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import sqlite3
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

# the demo firm's vocabulary (Dutch names, cities, titles), widened below for scale
from relationapp.services.data_care import demo

CHUNK = 100_000  # rows per executemany call


@dataclass(frozen=True)
class Scale:
    accounts: int
    people: int
    interactions: int
    orders: int
    follow_ups: int
    staff: int


SCALES = {
    "S": Scale(accounts=500, people=1_500, interactions=20_000, orders=5_000, follow_ups=200, staff=4),
    "M": Scale(accounts=5_000, people=15_000, interactions=200_000, orders=50_000, follow_ups=2_000, staff=12),
    "L": Scale(accounts=50_000, people=150_000, interactions=2_000_000, orders=500_000, follow_ups=20_000, staff=40),
    # about 5 minutes and 4.5 GB; Today, search and the account page should stay within 2x their L figures
    "XL": Scale(accounts=250_000, people=750_000, interactions=10_000_000, orders=2_500_000, follow_ups=100_000, staff=120),
}

# --- vocabulary ---------------------------------------------------------------

MORE_SURNAMES = (
    "Kramer", "Vermeulen", "Van den Broek", "De Haan", "Van Beek", "Hoekstra", "Koning", "Van Wijk",
    "Maas", "Verhoeven", "Schipper", "Van der Heijden", "Timmermans", "Wolters", "Evers", "Lammers",
    "Van Vliet", "Gerritsen", "Bosman", "Van Dam", "Hermans", "Martens", "De Lange", "Jacobs",
    "Veenstra", "Kuiper", "Boer", "Zwart", "Van Loon", "Pronk", "Wijnands", "Claassen", "Hofman",
    "Roos", "Molenaar", "Schuurman", "Vink", "Blom", "Van Rijn", "Ter Horst", "Akkerman", "Jonker",
)
MORE_KINDS = (
    "Schilders", "Elektro", "Metaal", "Catering", "Notariaat", "Advocaten", "Apotheek", "Dierenkliniek",
    "Transport", "Kozijnen", "Dakwerken", "Loodgieters", "Zonwering", "Interieur", "Bloemisterij",
    "Fietsen", "Verhuur", "Techniek", "Adviesgroep", "Camping", "Manege", "Slagerij", "Wijnhandel",
)
MORE_CITIES = (
    ("Alkmaar", "18", "Noord-Holland", 52.632, 4.753), ("Hilversum", "12", "Noord-Holland", 52.223, 5.176),
    ("Zaandam", "15", "Noord-Holland", 52.438, 4.826), ("Delft", "26", "Zuid-Holland", 52.012, 4.357),
    ("Dordrecht", "33", "Zuid-Holland", 51.813, 4.690), ("Gouda", "28", "Zuid-Holland", 52.011, 4.710),
    ("Breda", "48", "Noord-Brabant", 51.589, 4.776), ("'s-Hertogenbosch", "52", "Noord-Brabant", 51.697, 5.304),
    ("Helmond", "57", "Noord-Brabant", 51.479, 5.657), ("Maastricht", "62", "Limburg", 50.851, 5.691),
    ("Venlo", "59", "Limburg", 51.370, 6.172), ("Heerlen", "64", "Limburg", 50.888, 5.979),
    ("Enschede", "75", "Overijssel", 52.221, 6.894), ("Deventer", "74", "Overijssel", 52.255, 6.163),
    ("Apeldoorn", "73", "Gelderland", 52.211, 5.969), ("Ede", "67", "Gelderland", 52.040, 5.665),
    ("Leeuwarden", "89", "Friesland", 53.201, 5.799), ("Assen", "94", "Drenthe", 52.993, 6.562),
    ("Emmen", "78", "Drenthe", 52.779, 6.907), ("Lelystad", "82", "Flevoland", 52.518, 5.471),
    ("Almere", "13", "Flevoland", 52.350, 5.264), ("Middelburg", "43", "Zeeland", 51.499, 3.611),
)
STREETS = (
    "Dorpsstraat", "Kerkstraat", "Molenweg", "Stationsweg", "Industrieweg", "Hoofdstraat", "Schoolstraat",
    "Julianalaan", "Beatrixstraat", "Nieuwstraat", "Marktplein", "Havenkade", "Parallelweg", "Ambachtsweg",
)
INTERACTION_KINDS = ("call", "call", "call", "email", "email", "email", "visit", "meeting", "event", "card", "content", "note")
DURATIONS = {"visit": 90, "meeting": 60, "call": 15, "email": 10, "event": 120, "card": 5, "content": 5, "note": 5, "gift": 15}
NOTE_OPENINGS = (
    "Gesproken met {who}", "Telefonisch contact met {who}", "Bij {who} op kantoor geweest", "Mail van {who} beantwoord",
    "Kort overleg met {who}", "{who} belde terug", "Afspraak met {who} gehad", "Op de beurs {who} gesproken",
)
NOTE_TOPICS = (
    "over het onderhoudscontract", "over de storing aan de ketel", "over de offerte voor de warmtepomp",
    "over de planning van de monteurs", "over de factuur van vorige maand", "over ventilatie in het nieuwe pand",
    "over subsidie voor verduurzaming", "over de tweede vestiging", "over het jaarplan", "over de servicebeurt",
    "over zonnepanelen op het dak", "over de airco in de serverruimte", "over een klacht van een huurder",
)
NOTE_OUTCOMES = (
    "Tevreden over de laatste servicebeurt.", "Wil in het eerste kwartaal een offerte.", "Klacht opgelost, excuses aangeboden.",
    "Budget is pas na de zomer rond.", "Beslissing ligt bij de directie.", "Vraagt om een tweede bezoek.",
    "Vergelijkt ons met een concurrent.", "Contract wordt verlengd.", "Stuurt de tekeningen nog op.",
    "Was erg te spreken over monteur Kees.", "Wil graag een vaste contactpersoon.", "Nog geen behoefte, over een half jaar opnieuw bellen.",
)
NOTE_EXTRAS = (
    "", "", "", " Sleutel ligt bij de receptie.", " Parkeren achter het pand.", " Let op: alleen 's ochtends bereikbaar.",
    " Dochter gaat studeren in Delft.", " Net terug van vakantie in Italië.", " Koffie staat altijd klaar.",
    " Zoon speelt voetbal bij de jeugd.", " Verhuist volgend jaar naar een groter pand.",
)
FOLLOW_UP_TITLES = (
    "Offerte nabellen", "Onderhoudscontract verlengen", "Rapport toesturen", "Afspraak jaarplan maken",
    "Bedanken voor aanbeveling", "Terugbellen over storing", "Kerstattentie regelen", "Evaluatie plannen",
)
ORDER_LINES = ("Onderhoudscontract", "Reparatie", "Installatie warmtepomp", "Ventilatie", "Storingsdienst", "Zonnepanelen")
TAGS = ("VIP", "Zorg", "Onderwijs", "Horeca", "Retail", "Vastgoed", "Overheid", "Duurzaam", "Nieuwbouw", "Renovatie",
        "Servicecontract", "Storingsgevoelig", "Ambassadeur", "Groot project", "Klein budget")
MAIL_PROVIDERS = ("gmail.com", "ziggo.nl", "kpn.nl", "hotmail.com", "outlook.com", "xs4all.nl", "planet.nl")
STAGE_WEIGHTS = (("customer", 55), ("inactive", 12), ("prospect", 14), ("suspect", 9), ("mql", 6), ("sql", 4))

# one person's share of the interactions they are part of: 1, sometimes 2
SECOND_PERSON = 0.2


def ascii_slug(text: str) -> str:
    """Lower-case ASCII letters and digits only, as mail addresses and domains have them."""
    folded = unicodedata.normalize("NFKD", text.replace("Ł", "L").replace("ł", "l").replace("ı", "i"))
    return "".join(ch for ch in folded.lower() if ch.isascii() and (ch.isalnum() or ch == "."))


def stamp(day: dt.date, hour: int = 9) -> str:
    """A DateTime the way SQLAlchemy stores it in SQLite."""
    return f"{day.isoformat()} {hour:02d}:00:00.000000"


class Generator:
    def __init__(self, con: sqlite3.Connection, scale: Scale, seed: int, today: dt.date):
        self.con = con
        self.scale = scale
        self.rng = random.Random(seed)
        self.today = today
        # day i = today - i days, as ISO text, back to the oldest customer-since date
        self.days = [(today - dt.timedelta(days=i)).isoformat() for i in range(10 * 366)]
        self.counts: dict[str, int] = {}

    # --- helpers ---------------------------------------------------------------

    def insert(self, table: str, columns: tuple[str, ...], rows) -> None:
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        it = iter(rows)
        total = 0
        while True:
            chunk = list(itertools.islice(it, CHUNK))
            if not chunk:
                break
            self.con.executemany(sql, chunk)
            total += len(chunk)
        self.counts[table] = self.counts.get(table, 0) + total

    def ago(self, low: int, high: int) -> str:
        return self.days[self.rng.randint(low, high)]

    # --- tables ----------------------------------------------------------------

    def run(self) -> dict[str, int]:
        self.settings()
        self.staff()
        self.sources()
        self.accounts()
        self.people()
        self.orders()
        self.interactions()
        self.follow_ups()
        self.referrals()
        self.nps()
        self.important_dates()
        self.planned_visits()
        self.tags()
        self.qualifications()
        return self.counts

    def settings(self) -> None:
        self.insert("setting", ("key", "value"), [("company_name", '"' + demo.FIRM + '"')])

    def staff(self) -> None:
        rng = self.rng
        rows = []
        for i in range(self.scale.staff):
            if i < len(demo.STAFF):
                name, cost = demo.STAFF[i][0], int(demo.STAFF[i][1] * 100)
            else:
                name, cost = f"{rng.choice(demo.FIRST_NAMES)} {rng.choice(demo.LAST_NAMES)}", rng.choice((5500, 6000, 6500, 7500))
            rows.append((i + 1, name, f"medewerker{i + 1}@hoekstra-klimaat.nl", cost, 1 if i < self.scale.staff - 2 else 0))
        self.insert("staff", ("id", "name", "email", "hourly_cost", "active"), rows)
        self.staff_ids = [r[0] for r in rows]

    def sources(self) -> None:
        rows = [(i + 1, name, kind, 1) for i, (name, kind) in enumerate(demo.SOURCES)]
        self.insert("lead_source", ("id", "name", "kind", "active"), rows)
        self.source_ids = [r[0] for r in rows]
        self.referral_source = next(r[0] for r in rows if r[2] == "referral")

    def accounts(self) -> None:
        rng, n = self.rng, self.scale.accounts
        cities = [(c[0], c[1], c[2], c[3], c[4]) for c in demo.CITIES] + list(MORE_CITIES)
        surnames = demo.COMPANY_FIRST + MORE_SURNAMES
        kinds = demo.COMPANY_KIND + MORE_KINDS
        stages = rng.choices([s for s, _ in STAGE_WEIGHTS], weights=[w for _, w in STAGE_WEIGHTS], k=n)
        self.stage = [""] + stages  # by account id
        self.owner = [0] * (n + 1)
        self.since_days = [0] * (n + 1)  # customer since, in days ago (0: none)
        self.private = [False] * (n + 1)
        self.domain = [""] * (n + 1)  # the account's mail domain, for its people's addresses
        # yearly revenue weight, Pareto-shaped: a few whales and a long tail
        self.weight = [0.0] * (n + 1)
        rows = []
        for aid in range(1, n + 1):
            stage = stages[aid - 1]
            private = rng.random() < 0.07
            city, pc, region, lat, lon = rng.choice(cities)
            if private:
                name = f"Fam. {rng.choice(demo.LAST_NAMES)}"
            else:
                name = f"{rng.choice(surnames)} {rng.choice(kinds)}"
                suffix = rng.choice(demo.COMPANY_SUFFIX)
                if suffix:
                    name += " " + suffix
                if rng.random() < 0.3:
                    name += " " + city
            slug = ascii_slug(name).replace(".", "")[:24] or "fam"
            owner = rng.choice(self.staff_ids)
            since = rng.randint(200, 365 * 9) if stage in ("customer", "inactive") else 0
            self.owner[aid], self.since_days[aid], self.private[aid] = owner, since, private
            self.domain[aid] = rng.choice(MAIL_PROVIDERS) if private else f"{slug}.nl"
            if stage in ("customer", "inactive"):
                self.weight[aid] = rng.paretovariate(1.16)
            created = self.today - dt.timedelta(days=since or rng.randint(5, 900))
            rows.append((
                aid, name, "private" if private else "organisation", stage, owner,
                f"{rng.choice(STREETS)} {rng.randint(1, 240)}",
                f"{pc}{rng.randint(10, 99)} {rng.choice('ABCDEGHJKLMNPRST')}{rng.choice('ABCDEGHJKLMNPRST')}",
                city, region, "Nederland", round(lat + rng.uniform(-0.04, 0.04), 5), round(lon + rng.uniform(-0.05, 0.05), 5),
                f"0{rng.randint(10, 79)}-{rng.randint(1000000, 9999999)}", f"info@{self.domain[aid]}" if not private else None,
                None if private else f"https://www.{slug}.nl", rng.choice(self.source_ids), None, rng.choice(self.staff_ids),
                self.days[since] if since else None,
                rng.choice((None, 1500000, 4000000, 8000000, 15000000)) if stage == "customer" else None,
                rng.choice((None,) * 9 + (30, 60)),
                "Sleutel ligt bij de receptie." if rng.random() < 0.05 else None,
                "Offerte onderhoudscontract bespreken." if rng.random() < 0.1 else None,
                1 if rng.random() < 0.01 else 0, stamp(created), stamp(created),
            ))
        self.insert("account", (
            "id", "name", "kind", "stage", "owner_id", "street", "postcode", "city", "region", "country",
            "latitude", "longitude", "phone", "email", "website", "source_id", "source_detail", "brought_in_by_id",
            "customer_since", "annual_budget", "cadence_days", "notes", "next_steps", "archived", "created_at", "updated_at",
        ), rows)
        changes = []
        for aid in range(1, n + 1):
            stage = self.stage[aid]
            if stage in ("customer", "inactive"):
                since = self.since_days[aid]
                changes.append((aid, None, "prospect", self.days[min(since + 60, len(self.days) - 1)]))
                changes.append((aid, "prospect", "customer", self.days[since]))
                if stage == "inactive":
                    changes.append((aid, "customer", "inactive", self.ago(30, 400)))
            else:
                changes.append((aid, None, stage, self.ago(5, 900)))
        self.insert("stage_change", ("account_id", "from_stage", "to_stage", "changed_on"), changes)

    def people(self) -> None:
        rng, n = self.rng, self.scale.accounts
        # everyone works somewhere; organisations share the rest of the people, more for bigger ones
        orgs = [aid for aid in range(1, n + 1) if not self.private[aid]]
        extra = rng.choices(orgs, k=max(0, self.scale.people - n))
        counts = [1] * (n + 1)
        for aid in extra:
            counts[aid] += 1
        first, last = demo.FIRST_NAMES, demo.LAST_NAMES + tuple(s.replace("Van ", "van ").replace("De ", "de ") for s in MORE_SURNAMES)
        self.people_of: list[list[int]] = [[] for _ in range(n + 1)]
        self.person_account: list[int] = [0]
        rows = []
        pid = 0
        for aid in range(1, n + 1):
            for _ in range(counts[aid]):
                pid += 1
                f, l = rng.choice(first), rng.choice(last)
                title, role = rng.choice(demo.JOB_TITLES) if not self.private[aid] else (None, None)
                has_birthday = rng.random() < 0.85
                month, day = rng.randint(1, 12), rng.randint(1, 28)
                year = rng.randint(1950, 2002) if rng.random() < 0.6 else None
                family = f"Dochter {rng.choice(demo.CHILDREN)}, zoon {rng.choice(demo.CHILDREN)}" if rng.random() < 0.2 else None
                slug = ascii_slug(f"{f}.{l}")
                email = f"{slug}@{self.domain[aid]}" if not self.private[aid] else f"{slug}{pid % 97}@{self.domain[aid]}"
                created = stamp(self.today - dt.timedelta(days=rng.randint(5, 2000)))
                rows.append((
                    pid, aid, f"{f} {l}", title, role, email, f"06-{rng.randint(10000000, 99999999)}",
                    day if has_birthday else None, month if has_birthday else None, year if has_birthday else None,
                    family, rng.choice((None, None, None, "Fietst elke dag naar kantoor", "Houdt van Italiaanse wijn",
                                        "Supporter van Feyenoord", "Zingt in een koor", "Drinkt geen alcohol")),
                    rng.choice(("email", "phone", "visit", "post", "message")),
                    1 if rng.random() < 0.02 else 0, self.ago(30, 900), 0, created, created,
                ))
                self.people_of[aid].append(pid)
                self.person_account.append(aid)
        self.insert("person", (
            "id", "account_id", "name", "job_title", "dmu_role", "email", "phone", "birthday_day", "birthday_month",
            "birthday_year", "family_notes", "personal_notes", "preferred_channel", "do_not_contact", "consent_date",
            "archived", "created_at", "updated_at",
        ), rows)

    def _spread(self, accounts: list[int], weights: list[float], k: int) -> list[int]:
        """How many of k items each account gets, drawn with the given weights."""
        counts = [0] * (self.scale.accounts + 1)
        for aid in self.rng.choices(accounts, weights=weights, k=k):
            counts[aid] += 1
        return counts

    def orders(self) -> None:
        """Three years of orders; each customer's revenue follows its Pareto weight."""
        rng, n = self.rng, self.scale.accounts
        buyers = [aid for aid in range(1, n + 1) if self.weight[aid] > 0]
        # bigger customers order more often, and more per order
        counts = self._spread(buyers, [self.weight[a] ** 0.5 for a in buyers], self.scale.orders)
        rnd, days = rng.random, self.days
        lines = ORDER_LINES

        def rows():
            for aid in buyers:
                k = counts[aid]
                if not k:
                    continue
                yearly_cents = self.weight[aid] * 250_000  # a weight of 1 is EUR 2,500 a year
                base = yearly_cents * 3 / k
                # inactive customers stopped buying 400-900 days ago
                newest = rng.randint(400, 900) if self.stage[aid] == "inactive" else 0
                oldest = min(3 * 365, self.since_days[aid])
                if oldest <= newest:
                    oldest = newest + 30
                span = oldest - newest
                for i in range(k):
                    ago = newest + int(rnd() * span)
                    amount = int(base * (0.6 + 0.8 * rnd())) + 100
                    day = days[ago]
                    yield (aid, day, amount, int(amount * (0.45 + 0.25 * rnd())), f"F{day[:4]}-{aid:05d}-{i + 1:03d}",
                           lines[int(rnd() * len(lines))])

        self.insert("orders", ("account_id", "ordered_on", "amount", "cost_of_goods", "reference", "description"), rows())

    def notes_pool(self, size: int) -> list[str | None]:
        rng = self.rng
        pool: list[str | None] = []
        for _ in range(size):
            who = f"{rng.choice(demo.FIRST_NAMES)}"
            pool.append(
                f"{rng.choice(NOTE_OPENINGS).format(who=who)} {rng.choice(NOTE_TOPICS)}. {rng.choice(NOTE_OUTCOMES)}{rng.choice(NOTE_EXTRAS)}"
            )
        return pool + [None] * (size // 3)

    def interactions(self) -> None:
        """Touches over three years, most with customers, some gone quiet for a long time."""
        rng, n = self.rng, self.scale.accounts
        accounts = list(range(1, n + 1))
        weights = [
            (2.0 + self.weight[a] ** 0.5) if self.stage[a] == "customer" else 0.6 if self.stage[a] == "inactive" else 0.4
            for a in accounts
        ]
        counts = self._spread(accounts, weights, self.scale.interactions)
        # a tenth of the customers have not been touched for half a year or more
        quiet = [rng.random() < 0.1 for _ in range(n + 1)]
        notes = self.notes_pool(20_000)
        subjects = {kind: demo.SUBJECTS[kind] for kind in demo.SUBJECTS}
        rnd, days, kinds = rng.random, self.days, INTERACTION_KINDS
        nk, nn = len(kinds), len(notes)
        created_cache: dict[str, str] = {}
        inter_rows: list[tuple] = []
        link_rows: list[tuple] = []
        columns = ("id", "account_id", "kind", "occurred_on", "duration_minutes", "staff_id", "subject", "notes",
                   "gift_item", "gift_cost", "created_at")
        iid = 0
        for aid in accounts:
            k = counts[aid]
            if not k:
                continue
            people = self.people_of[aid]
            np_ = len(people)
            owner = self.owner[aid]
            newest = 180 if quiet[aid] else 0
            if self.stage[aid] == "inactive":
                newest = 300
            span = 3 * 365 - newest
            for _ in range(k):
                iid += 1
                kind = kinds[int(rnd() * nk)]
                # recent touches are more common than old ones
                ago = newest + int(span * rnd() * rnd())
                day = days[ago]
                subj = subjects[kind]
                created = created_cache.get(day)
                if created is None:
                    created = created_cache[day] = day + " 17:00:00.000000"
                gift_item = gift_cost = None
                if kind == "card" and rnd() < 0.3:
                    kind, gift_item, gift_cost = "gift", demo.GIFTS[int(rnd() * len(demo.GIFTS))], 2500 + int(rnd() * 5000)
                    subj = subjects["gift"]
                inter_rows.append((iid, aid, kind, day, DURATIONS[kind] + int(rnd() * 4) * 15, owner,
                                   subj[int(rnd() * len(subj))], notes[int(rnd() * nn)], gift_item, gift_cost, created))
                if np_:
                    first = people[int(rnd() * np_)]
                    link_rows.append((iid, first))
                    if np_ > 1 and rnd() < SECOND_PERSON:
                        second = people[int(rnd() * np_)]
                        if second != first:
                            link_rows.append((iid, second))
            if len(inter_rows) >= CHUNK:
                self.insert("interaction", columns, inter_rows)
                self.insert("interaction_person", ("interaction_id", "person_id"), link_rows)
                inter_rows, link_rows = [], []
        self.insert("interaction", columns, inter_rows)
        self.insert("interaction_person", ("interaction_id", "person_id"), link_rows)

    def follow_ups(self) -> None:
        rng, n = self.rng, self.scale.accounts
        origins = ("manual",) * 6 + ("cadence", "detractor", "referral_thanks", "visit")

        def rows():
            for _ in range(self.scale.follow_ups):
                aid = rng.randint(1, n)
                people = self.people_of[aid]
                due_ago = rng.randint(-60, 120)  # negative: due in the future
                due = (self.today - dt.timedelta(days=due_ago)).isoformat()
                done = None
                if due_ago > 0 and rng.random() < 0.6:
                    done = self.days[rng.randint(0, due_ago)]
                snoozed = None
                if done is None and due_ago > 0 and rng.random() < 0.1:
                    snoozed = (self.today + dt.timedelta(days=rng.randint(1, 30))).isoformat()
                yield (aid, rng.choice(people) if people and rng.random() < 0.7 else None, self.owner[aid],
                       rng.choice(FOLLOW_UP_TITLES), None, due, snoozed, done, rng.choice(origins), None,
                       stamp(self.today - dt.timedelta(days=max(due_ago, 0) + 7)))

        self.insert("follow_up", ("account_id", "person_id", "staff_id", "title", "notes", "due_on", "snoozed_until",
                                  "done_on", "origin", "origin_ref", "created_at"), rows())

    def referrals(self) -> None:
        rng, n = self.rng, self.scale.accounts
        customers = [a for a in range(1, n + 1) if self.stage[a] == "customer" and self.people_of[a]]
        referred = rng.sample(customers, k=len(customers) // 25)
        rows = []
        for target in referred:
            referrer = rng.choice(customers)
            if referrer == target:
                continue
            on = self.days[self.since_days[target]]
            thanked = self.days[max(0, self.since_days[target] - 10)] if rng.random() < 0.6 else None
            rows.append((rng.choice(self.people_of[referrer]), referrer, target, on, "customer",
                         "Kennen elkaar via de ondernemersvereniging.", thanked))
        self.insert("referral", ("referrer_person_id", "referrer_account_id", "referred_account_id", "referred_on",
                                 "outcome", "note", "thanked_on"), rows)
        self.con.executemany("UPDATE account SET source_id = ? WHERE id = ?", [(self.referral_source, r[2]) for r in rows])

    def nps(self) -> None:
        rng, n = self.rng, self.scale.accounts
        comments = (None, None, "Snelle service!", "Planning kan beter.", "Prima monteurs.", "Te duur.", "Altijd bereikbaar.")
        rows = []
        for aid in range(1, n + 1):
            if self.stage[aid] != "customer" or not self.people_of[aid] or rng.random() > 0.45:
                continue
            person = rng.choice(self.people_of[aid])
            for quarter in range(rng.randint(1, 3)):
                score = rng.choices(range(11), weights=(1, 1, 1, 1, 2, 2, 3, 6, 10, 12, 9))[0]
                rows.append((person, aid, self.days[20 + 91 * quarter + rng.randint(0, 30)], score, rng.choice(comments)))
        self.insert("nps_response", ("person_id", "account_id", "responded_on", "score", "comment"), rows)

    def important_dates(self) -> None:
        rng = self.rng
        rows = []
        for pid in range(1, len(self.person_account)):
            if rng.random() > 0.12:
                continue
            kind = rng.choice(("child_birthday", "anniversary", "wedding", "custom"))
            label = {"child_birthday": f"Verjaardag {rng.choice(demo.CHILDREN)}", "anniversary": "Jubileum in dienst",
                     "wedding": "Trouwdag", "custom": "Opening nieuwe vestiging"}[kind]
            rows.append((pid, self.person_account[pid], kind, label, rng.randint(1, 12), rng.randint(1, 28),
                         rng.choice((None, rng.randint(1990, 2020))), rng.choice((7, 14, 14, 30))))
        self.insert("important_date", ("person_id", "account_id", "kind", "label", "month", "day", "year", "notice_days"), rows)

    def planned_visits(self) -> None:
        rng, n = self.rng, self.scale.accounts
        customers = [a for a in range(1, n + 1) if self.stage[a] == "customer"]
        rows = []
        for position, aid in enumerate(rng.sample(customers, k=max(1, len(customers) // 50))):
            on = (self.today + dt.timedelta(days=rng.randint(-10, 30))).isoformat()
            status = "done" if on < self.today.isoformat() and rng.random() < 0.8 else "planned"
            rows.append((aid, self.owner[aid], on, f"{rng.randint(8, 16):02d}:{rng.choice((0, 30)):02d}:00.000000",
                         rng.choice((45, 60, 90)), position % 6, status, None))
        self.insert("planned_visit", ("account_id", "staff_id", "planned_on", "start_time", "duration_minutes",
                                      "position", "status", "notes"), rows)

    def tags(self) -> None:
        rng, n = self.rng, self.scale.accounts
        self.insert("tag", ("id", "name"), [(i + 1, t) for i, t in enumerate(TAGS)])
        rows = []
        for aid in range(1, n + 1):
            for tag in rng.sample(range(1, len(TAGS) + 1), k=rng.choice((0, 0, 1, 1, 2))):
                rows.append((aid, tag))
        self.insert("account_tag", ("account_id", "tag_id"), rows)

    def qualifications(self) -> None:
        rng, n = self.rng, self.scale.accounts
        rows = [
            (aid, rng.random() < 0.6, rng.random() < 0.5, rng.random() < 0.8, rng.random() < 0.4, None, self.ago(5, 200))
            for aid in range(1, n + 1) if self.stage[aid] in ("mql", "sql", "prospect")
        ]
        self.insert("qualification", ("account_id", "budget", "authority", "need", "timeline", "notes", "updated_on"), rows)


def _secondary_indexes(con: sqlite3.Connection) -> list[tuple[str, str]]:
    """(name, CREATE sql) of the indexes Alembic made (not the automatic ones)."""
    return list(con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"))


def keep_quarter_snapshots(path: Path, today: dt.date) -> bool:
    """A file in use for years holds the pyramid of every past quarter end; the app keeps them."""
    from relationapp.services.data_care.opening import open_database
    from relationapp.services.value import pyramid

    if not hasattr(pyramid, "snapshot_quarters"):
        return False
    db = open_database(str(path))
    try:
        pyramid.snapshot_quarters(db, through=today)
    finally:
        db.dispose()
    return True


def generate(path: Path, *, scale: str, seed: int, today: dt.date, force: bool = False, log=print) -> dict[str, int]:
    from relationapp.services.data_care.opening import open_database

    path = Path(path)
    if path.exists():
        if not force:
            raise SystemExit(f"{path} exists; use --force to replace it.")
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    start = time.perf_counter()
    db = open_database(str(path))  # the app's own schema, through Alembic
    db.dispose()
    con = sqlite3.connect(path, isolation_level=None)
    try:
        indexes = _secondary_indexes(con)
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("PRAGMA synchronous=OFF")
        con.execute("PRAGMA cache_size=-400000")  # 400 MB while loading
        con.execute("PRAGMA foreign_keys=OFF")  # the generator keeps references right itself
        con.execute("BEGIN")
        for name, _ in indexes:
            con.execute(f'DROP INDEX "{name}"')
        counts = Generator(con, SCALES[scale], seed, today).run()
        con.execute("COMMIT")
        log(f"rows written in {time.perf_counter() - start:.1f} s")
        for _, sql in indexes:
            con.execute(sql)
        log(f"indexes rebuilt at {time.perf_counter() - start:.1f} s")
        bad = con.execute("PRAGMA foreign_key_check").fetchall()
        if bad:
            raise RuntimeError(f"generated rows break {len(bad)} foreign keys, e.g. {bad[:3]}")
        con.execute("PRAGMA journal_mode=WAL")  # as the app keeps it
        con.execute("PRAGMA synchronous=NORMAL")
        if keep_quarter_snapshots(path, today):
            log(f"quarter snapshots stored at {time.perf_counter() - start:.1f} s")
        con.execute("ANALYZE")
    finally:
        con.close()
    log(f"done in {time.perf_counter() - start:.1f} s")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="S")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None,
                        help="the day the data is built around (YYYY-MM-DD; default today)")
    parser.add_argument("-o", "--output", required=True, type=Path, help="the database file to write")
    parser.add_argument("--force", action="store_true", help="replace an existing file")
    args = parser.parse_args(argv)
    counts = generate(args.output, scale=args.scale, seed=args.seed, today=args.today or dt.date.today(), force=args.force,
                      log=lambda line: print(line, file=sys.stderr))
    for table, count in counts.items():
        print(f"{table:20} {count:>10,}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
