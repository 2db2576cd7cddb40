// Write CITES relationships of the property graph (kg/cypher_writer.py).
// Parameters: $rows = [{src, dst, key, props}]; one CITES per pair of nodes.
UNWIND $rows AS r
MATCH (a:SafetyKg {id: r.src})
MATCH (b:SafetyKg {id: r.dst})
MERGE (a)-[x:CITES]->(b)
SET x = r.props
