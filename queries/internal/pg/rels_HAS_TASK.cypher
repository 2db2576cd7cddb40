// Write HAS_TASK relationships of the property graph (kg/cypher_writer.py).
// Parameters: $rows = [{src, dst, key, props}]; one HAS_TASK per pair of nodes.
UNWIND $rows AS r
MATCH (a:SafetyKg {id: r.src})
MATCH (b:SafetyKg {id: r.dst})
MERGE (a)-[x:HAS_TASK]->(b)
SET x = r.props
