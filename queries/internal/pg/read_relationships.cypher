// Read back the relationships between this project's nodes (checks, tests). Columns: type, src, dst, props.
// Parameters: none.
MATCH (a:SafetyKg)-[r]->(b:SafetyKg)
RETURN type(r) AS type, a.id AS src, b.id AS dst, properties(r) AS props
ORDER BY src, type, dst
