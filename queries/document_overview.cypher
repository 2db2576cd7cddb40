// title: Document overview
// description: For every document: kind, title, sections, tasks, and the share of tasks with a concrete
//   owner (a unit named for the task that is not vague), with vague owners only (有关部门 …), and with no
//   unit named (inherited units from a blanket default do not count as named).
// param: document (string, default all) — only this document (文号, or file stem#n)
MATCH (d:Document)
WHERE d.kind IS NOT NULL AND d.ordinal IS NOT NULL AND d.source_file IS NOT NULL
  AND ($document IS NULL OR d.identifier = $document)
OPTIONAL MATCH (s:Section {doc: d.id})
WITH d, count(DISTINCT s) AS sections
OPTIONAL MATCH (t:Task {doc: d.id})
OPTIONAL MATCH (t)-[a:ASSIGNED {inherited: false}]->(u:Unit)
WITH d, sections, t,
     count(CASE WHEN u IS NOT NULL AND coalesce(u.kind, '') <> 'vague' THEN 1 END) AS concrete_units,
     count(a) AS named_units
WITH d, sections, count(t) AS tasks,
     count(CASE WHEN t IS NOT NULL AND concrete_units > 0 THEN 1 END) AS concrete,
     count(CASE WHEN t IS NOT NULL AND concrete_units = 0 AND named_units > 0 THEN 1 END) AS vague
RETURN d.identifier AS document, d.source_file AS source_file, d.kind AS kind, d.title AS title, sections, tasks,
       CASE WHEN tasks > 0 THEN round(1000.0 * concrete / tasks) / 1000.0 ELSE 0 END AS concrete_share,
       CASE WHEN tasks > 0 THEN round(1000.0 * vague / tasks) / 1000.0 ELSE 0 END AS vague_share,
       CASE WHEN tasks > 0 THEN round(1000.0 * (tasks - concrete - vague) / tasks) / 1000.0 ELSE 0 END AS none_share
ORDER BY source_file, d.ordinal
