// title: Unowned duties
// description: Tasks with no concrete owner. A concrete owner is a unit named for the task itself
//   (inherited false) whose kind is not vague (e.g. 有关部门). reason: "no unit" (nothing named, perhaps
//   only units inherited from a blanket default), "vague only" (only vague units named).
// param: document (string, default all) — only this document (its 文号, or file stem#n when it has none)
// param: sector (string, default all) — only tasks whose primary sector has this code (e.g. coal_mine)
MATCH (t:Task)
WHERE t.sector IS NOT NULL AND t.start IS NOT NULL
  AND ($sector IS NULL OR t.sector = $sector)
MATCH (d:Document {id: t.doc})
WITH d.identifier AS document, t
WHERE ($document IS NULL OR document = $document)
OPTIONAL MATCH (t)-[a:ASSIGNED {inherited: false}]->(u:Unit)
WITH document, t,
     count(CASE WHEN u IS NOT NULL AND coalesce(u.kind, '') <> 'vague' THEN 1 END) AS concrete,
     count(a) AS named
WHERE concrete = 0
RETURN document, t.identifier AS task_id, t.sector AS sector,
       CASE WHEN named > 0 THEN 'vague only' ELSE 'no unit' END AS reason, t.text AS text
ORDER BY document, t.start, task_id
