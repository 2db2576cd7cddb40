// Write Jurisdiction nodes of the property graph (kg/cypher_writer.py).
// Parameters: $rows = [{id, props}], props holds every property including id.
// Every node of this project carries the label SafetyKg; `SET n = r.props` drops properties no longer present.
UNWIND $rows AS r
MERGE (n:SafetyKg:Jurisdiction {id: r.id})
SET n = r.props
