// Indexes of the property graph for FalkorDB (kg/cypher_writer.py), one statement per `;`.
// FalkorDB has no unique constraints in Cypher and no IF NOT EXISTS: the writer lists the indexes that
// exist (indexes.falkordb.cypher) and runs only the missing ones, so keep every statement in the exact
// form `CREATE INDEX FOR (n:Label) ON (n.property);`.
CREATE INDEX FOR (n:SafetyKg) ON (n.id);
CREATE INDEX FOR (n:SafetyKg) ON (n.doc);
CREATE INDEX FOR (n:Document) ON (n.id);
CREATE INDEX FOR (n:Section) ON (n.id);
CREATE INDEX FOR (n:Task) ON (n.id);
CREATE INDEX FOR (n:Unit) ON (n.id);
CREATE INDEX FOR (n:Unit) ON (n.name);
CREATE INDEX FOR (n:Sector) ON (n.id);
CREATE INDEX FOR (n:Regulation) ON (n.id);
CREATE INDEX FOR (n:Jurisdiction) ON (n.id);
CREATE INDEX FOR (n:SafetyKgMeta) ON (n.id);
