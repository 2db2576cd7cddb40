// Constraints and indexes of the property graph for Neo4j 5 (kg/cypher_writer.py), one statement per `;`.
CREATE CONSTRAINT safetykg_id IF NOT EXISTS FOR (n:SafetyKg) REQUIRE n.id IS UNIQUE;
CREATE INDEX safetykg_doc IF NOT EXISTS FOR (n:SafetyKg) ON (n.doc);
CREATE INDEX document_id IF NOT EXISTS FOR (n:Document) ON (n.id);
CREATE INDEX section_id IF NOT EXISTS FOR (n:Section) ON (n.id);
CREATE INDEX task_id IF NOT EXISTS FOR (n:Task) ON (n.id);
CREATE INDEX unit_id IF NOT EXISTS FOR (n:Unit) ON (n.id);
CREATE INDEX unit_name IF NOT EXISTS FOR (n:Unit) ON (n.name);
CREATE INDEX sector_id IF NOT EXISTS FOR (n:Sector) ON (n.id);
CREATE INDEX regulation_id IF NOT EXISTS FOR (n:Regulation) ON (n.id);
CREATE INDEX jurisdiction_id IF NOT EXISTS FOR (n:Jurisdiction) ON (n.id);
CREATE CONSTRAINT safetykgmeta_id IF NOT EXISTS FOR (n:SafetyKgMeta) REQUIRE n.id IS UNIQUE;
