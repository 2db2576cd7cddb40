// Write ASSIGNED relationships (task -> unit) of the property graph (kg/cypher_writer.py).
// Parameters: $rows = [{src, dst, key, props}]; key is the assignment id (a unit may hold two roles in one
// task), props holds key, role, inherited, source, name.
UNWIND $rows AS r
MATCH (a:SafetyKg {id: r.src})
MATCH (b:SafetyKg {id: r.dst})
MERGE (a)-[x:ASSIGNED {key: r.key}]->(b)
SET x = r.props
