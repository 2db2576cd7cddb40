// title: Unit portfolio
// description: Everything one unit answers for: every task naming it (directly or through a blanket
//   default), with its role, the name as printed and the task text. The unit is found by any part of its
//   canonical name or of a name printed for it (e.g. 应急局, 市应急局, 临汾市应急管理局).
// param: unit (string, required) — a unit name, alias or part of one
MATCH (u:Unit)
WHERE u.name CONTAINS $unit OR any(alias IN coalesce(u.aliases, []) WHERE alias CONTAINS $unit)
MATCH (t:Task)-[a:ASSIGNED]->(u)
WHERE t.sector IS NOT NULL AND t.start IS NOT NULL
MATCH (d:Document {id: t.doc})
WITH DISTINCT $unit AS unit, u.name AS canonical, d.identifier AS document, t.identifier AS task_id,
     a.role AS role, a.inherited AS inherited, a.name AS name, t.sector AS sector, t.text AS text, t.start AS start
RETURN unit, canonical, document, task_id, role, inherited, name, sector, text
ORDER BY canonical, document, start, task_id, role
