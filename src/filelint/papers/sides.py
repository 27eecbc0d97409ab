"""Whose an email address is: the manifest's parties name their counsel's addresses
(``parties[].counsel[].email``) and their firms' domains (``parties[].domains``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Sides:
    """Address -> side and domain -> side, from the manifest's parties."""

    addresses: Mapping[str, str]
    domains: Mapping[str, str]

    @property
    def known(self) -> bool:
        return bool(self.addresses or self.domains)

    def side_of(self, address: str) -> str | None:
        """The side whose counsel uses ``address`` (an exact address beats a domain)."""
        address = address.strip().lower()
        if address in self.addresses:
            return self.addresses[address]
        domain = address.rpartition("@")[2]
        for known, side in self.domains.items():
            if domain == known or domain.endswith("." + known):
                return side
        return None


def sides_from(parties: Sequence[Mapping[str, Any]] | None) -> Sides:
    addresses: dict[str, str] = {}
    domains: dict[str, str] = {}
    for party in parties or ():
        side = str(party.get("side", "other"))
        for counsel in party.get("counsel", ()):
            if counsel.get("email"):
                addresses[str(counsel["email"]).strip().lower()] = side
        for domain in party.get("domains", ()):
            domains[str(domain).strip().lower()] = side
    return Sides(addresses, domains)
