// Nodes of this project per label. Columns: label, n. Parameters: none.
MATCH (n:SafetyKg)
UNWIND labels(n) AS label
WITH label
WHERE label <> 'SafetyKg'
RETURN label, count(*) AS n
ORDER BY label
