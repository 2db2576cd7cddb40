// Delete every node of this project (label SafetyKg) and its relationships; other nodes stay.
// Used when the local FalkorDB graph is stale and is rewritten from the store. Parameters: none.
MATCH (n:SafetyKg)
DETACH DELETE n
