// Write HAS_SECTION relationships of the property graph (kg/cypher_writer.py).
// Parameters: $rows = [{src, dst, key, props}]; one HAS_SECTION per pair of nodes.
UNWIND $rows AS r
MATCH (a:SafetyKg {id: r.src})
MATCH (b:SafetyKg {id: r.dst})
MERGE (a)-[x:HAS_SECTION]->(b)
SET x = r.props
