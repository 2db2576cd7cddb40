// Read back this project's nodes (checks, tests). Columns: labels, props. Parameters: none.
MATCH (n:SafetyKg)
RETURN labels(n) AS labels, properties(n) AS props
ORDER BY n.id
