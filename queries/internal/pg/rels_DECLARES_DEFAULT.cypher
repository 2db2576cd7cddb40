// Write DECLARES_DEFAULT relationships (task -> unit) of the property graph (kg/cypher_writer.py).
// Parameters: $rows = [{src, dst, key, props}]; key is the clause assignment id (one per unit and role of a blanket
// default), props holds key, role, clause.
UNWIND $rows AS r
MATCH (a:SafetyKg {id: r.src})
MATCH (b:SafetyKg {id: r.dst})
MERGE (a)-[x:DECLARES_DEFAULT {key: r.key}]->(b)
SET x = r.props
