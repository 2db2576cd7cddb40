// Write ISSUED_BY relationships of the property graph (kg/cypher_writer.py).
// Parameters: $rows = [{src, dst, key, props}]; one ISSUED_BY per pair of nodes.
UNWIND $rows AS r
MATCH (a:SafetyKg {id: r.src})
MATCH (b:SafetyKg {id: r.dst})
MERGE (a)-[x:ISSUED_BY]->(b)
SET x = r.props
