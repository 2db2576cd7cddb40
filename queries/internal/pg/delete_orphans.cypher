// --replace, step 2 (repeated until it deletes nothing): delete this project's shared nodes (Unit, Sector,
// Regulation, Jurisdiction) that nothing points to any more. Parameters: none.
MATCH (n:SafetyKg)
WHERE n.doc IS NULL AND NOT (n)<--()
DETACH DELETE n
