// The indexes that exist in a FalkorDB graph, one row per (label, property). Parameters: none.
CALL db.indexes() YIELD label, properties
UNWIND properties AS property
RETURN label, property
ORDER BY label, property
