"""GraphModel ↔ RDF: `build.to_dataset` (model → rdflib Dataset), `serialize.write_outputs`
(strict, deterministic, atomic files), `validate.validate` (SHACL), `read.read_model`
(a graph this tool wrote → GraphModel)."""
