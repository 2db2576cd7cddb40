// title: Unit workload by role
// description: For every document and unit: how many tasks name the unit in each role (lead, responsible,
//   shared, support, oversee), how many it receives only through a blanket default (inherited), and the
//   total of distinct tasks. Vague units (有关部门) are listed with kind "vague".
// param: document (string, default all) — only this document (文号, or file stem#n)
MATCH (t:Task)-[a:ASSIGNED]->(u:Unit)
MATCH (d:Document {id: t.doc})
WITH DISTINCT d.identifier AS document, t, u, a.role AS role, a.inherited AS inherited
WHERE ($document IS NULL OR document = $document)
WITH document, u.name AS unit, coalesce(u.kind, 'other') AS kind,
     count(CASE WHEN role = 'lead' AND NOT inherited THEN 1 END) AS lead,
     count(CASE WHEN role = 'responsible' AND NOT inherited THEN 1 END) AS responsible,
     count(CASE WHEN role = 'shared' AND NOT inherited THEN 1 END) AS shared,
     count(CASE WHEN role = 'support' AND NOT inherited THEN 1 END) AS support,
     count(CASE WHEN role = 'oversee' AND NOT inherited THEN 1 END) AS oversee,
     count(CASE WHEN inherited THEN 1 END) AS inherited,
     count(DISTINCT t) AS tasks
RETURN document, unit, kind, lead, responsible, shared, support, oversee, inherited, tasks
ORDER BY document, tasks DESC, unit
