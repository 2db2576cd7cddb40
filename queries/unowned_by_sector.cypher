// title: Unowned duties by document and sector
// description: For every document and primary sector: tasks, tasks with no concrete owner (no unit, or
//   only vague units such as 有关部门; units inherited from a blanket default do not count), and their share.
// param: document (string, default all) — only this document (文号, or file stem#n)
MATCH (t:Task)
WHERE t.sector IS NOT NULL
MATCH (d:Document {id: t.doc})
WITH d.identifier AS document, t
WHERE ($document IS NULL OR document = $document)
OPTIONAL MATCH (t)-[a:ASSIGNED {inherited: false}]->(u:Unit)
WITH document, t, count(CASE WHEN u IS NOT NULL AND coalesce(u.kind, '') <> 'vague' THEN 1 END) AS concrete
WITH document, t.sector AS sector, count(t) AS tasks, count(CASE WHEN concrete = 0 THEN 1 END) AS unowned_tasks
RETURN document, sector, tasks, unowned_tasks, round(1000.0 * unowned_tasks / tasks) / 1000.0 AS unowned_share
ORDER BY document, sector
