"""Kept only for `resolve.cross_doc`, which imports `normalize` from here: the name
helpers live in `graphbuild.names`. Remove once cross_doc imports that."""
from graphbuild.names import normalize  # noqa: F401
