// Relationships between this project's nodes per type. Columns: type, n. Parameters: none.
MATCH (:SafetyKg)-[r]->(:SafetyKg)
RETURN type(r) AS type, count(*) AS n
ORDER BY type
