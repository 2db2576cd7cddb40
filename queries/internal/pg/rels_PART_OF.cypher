// Write PART_OF relationships of the property graph (kg/cypher_writer.py).
// Parameters: $rows = [{src, dst, key, props}]; one PART_OF per pair of nodes.
UNWIND $rows AS r
MATCH (a:SafetyKg {id: r.src})
MATCH (b:SafetyKg {id: r.dst})
MERGE (a)-[x:PART_OF]->(b)
SET x = r.props
