"""Ordering a day's stops by route: pure functions, no database.

Nearest neighbour from a starting point is enough for a handful of stops a
day (the user can still drag stops around). Stops without coordinates are
grouped by postcode and city (Dutch and most European postcodes run
geographically); stops without any address keep their order at the end.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0


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
