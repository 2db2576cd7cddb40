// title: Open unit lists
// description: Tasks whose unit list ends in 等 / 等部门 (open_list true): the owners are not all named.
//   named_units counts the units the task does name (explicit, not inherited).
// param: document (string, default all) — only this document (文号, or file stem#n)
MATCH (t:Task {open_list: true})
WHERE t.sector IS NOT NULL AND t.start IS NOT NULL
MATCH (d:Document {id: t.doc})
WITH d.identifier AS document, t
WHERE ($document IS NULL OR document = $document)
OPTIONAL MATCH (t)-[:ASSIGNED {inherited: false}]->(u:Unit)
WITH document, t, count(DISTINCT u) AS named_units
RETURN document, t.identifier AS task_id, t.sector AS sector, named_units, t.text AS text
ORDER BY document, t.start, task_id
