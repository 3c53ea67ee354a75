"""Ordering a day's stops by route: pure functions, no database.

Nearest neighbour from a starting point is enough for a handful of stops a
day (the user can still drag stops around). Stops without coordinates are
grouped by postcode and city (Dutch and most European postcodes run
geographically); stops without any address keep their order at the end.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0
# travel estimates without a route planner: straight-line distance made into road distance
# and driven at a regional average speed; rounded up to 5 minutes (parking, walking in)
ROAD_FACTOR = 1.3
SPEED_KMH = 60.0
ROUND_TO_MINUTES = 5
# without coordinates: a neighbour in the same postcode area or city, else a drive somewhere nearby
SAME_POSTCODE_MINUTES = 5
SAME_CITY_MINUTES = 15
UNKNOWN_MINUTES = 30


@dataclass(frozen=True)
class RoutePoint:
    key: int  # the visit id
    latitude: float | None
    longitude: float | None
    postcode: str | None
    city: str | None

    @property
    def located(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def has_address(self) -> bool:
        return bool(self.located or self.postcode or self.city)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine) between two (latitude, longitude) pairs."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _postcode_key(point: RoutePoint) -> tuple[str, str]:
    postcode = (point.postcode or "").replace(" ", "").upper()
    return (postcode or "\uffff", (point.city or "").casefold())


def route_order(points: list[RoutePoint], *, start: tuple[float, float] | None = None) -> list[int]:
    """Keys in route order.

    Located stops: nearest neighbour from ``start`` (default: the first located
    stop in the given order). A stop without coordinates follows the last
    routed stop in its city; the rest are grouped by postcode and city; stops
    without an address come last, in their current order.
    """
    located = [p for p in points if p.located]
    unlocated = [p for p in points if not p.located and p.has_address]
    no_address = [p for p in points if not p.has_address]

    routed: list[RoutePoint] = []
    remaining = list(located)
    here = start
    if here is None and remaining:
        routed.append(remaining.pop(0))
        here = (routed[0].latitude, routed[0].longitude)
    while remaining:
        nearest = min(remaining, key=lambda p: distance_km(here, (p.latitude, p.longitude)))
        remaining.remove(nearest)
        routed.append(nearest)
        here = (nearest.latitude, nearest.longitude)

    leftovers = []
    for point in sorted(unlocated, key=_postcode_key):
        city = (point.city or "").casefold()
        same_city = [i for i, r in enumerate(routed) if city and (r.city or "").casefold() == city]
        if same_city:
            routed.insert(same_city[-1] + 1, point)
        else:
            leftovers.append(point)
    return [p.key for p in routed + leftovers + no_address]


@dataclass(frozen=True)
class Leg:
    """The estimated drive to a stop from the one before it."""

    km: float | None  # road kilometres estimated from coordinates; None when a stop has none
    minutes: int


def _round_up(minutes: float) -> int:
    return max(ROUND_TO_MINUTES, math.ceil(minutes / ROUND_TO_MINUTES) * ROUND_TO_MINUTES)


def _postcode_area(point: RoutePoint) -> str:
    return (point.postcode or "").replace(" ", "").upper()[:4]


def travel_estimate(a: RoutePoint, b: RoutePoint) -> Leg:
    """The drive from ``a`` to ``b``: from coordinates when both have them, else from postcode and city."""
    if a.located and b.located:
        km = distance_km((a.latitude, a.longitude), (b.latitude, b.longitude)) * ROAD_FACTOR
        return Leg(round(km, 1), _round_up(km / SPEED_KMH * 60))
    if _postcode_area(a) and _postcode_area(a) == _postcode_area(b):
        return Leg(None, SAME_POSTCODE_MINUTES)
    if a.city and (a.city or "").casefold() == (b.city or "").casefold():
        return Leg(None, SAME_CITY_MINUTES)
    return Leg(None, UNKNOWN_MINUTES)


def schedule(day: dt.date, start: dt.time, durations: list[int], legs: list[Leg]) -> list[dt.time] | None:
    """Start times one after the other: the first at ``start`` plus its leg, each next after the drive.

    ``legs[i]`` is the drive to stop ``i`` (legs[0]: from the starting point, 0 minutes without one).
    None when the day would run past midnight.
    """
    at = dt.datetime.combine(day, start)
    times = []
    for duration, leg in zip(durations, legs):
        at += dt.timedelta(minutes=leg.minutes)
        times.append(at.time())
        at += dt.timedelta(minutes=duration)
        if at.date() != day:
            return None
    return times
