// title: Overlaps with no lead
// description: Tasks with two or more concrete units and no lead: several units answer for the same duty
//   and none is named to lead it. Concrete = named for the task itself (not inherited from a blanket
//   default) and not vague (有关部门 …). No lead = no assignment of the task has role lead.
// param: document (string, default all) — only this document (文号, or file stem#n)
MATCH (t:Task)-[a:ASSIGNED {inherited: false}]->(u:Unit)
WHERE coalesce(u.kind, '') <> 'vague'
WITH t, count(DISTINCT u) AS units
WHERE units >= 2 AND t.sector IS NOT NULL AND t.start IS NOT NULL
MATCH (t)
WHERE NOT (t)-[:ASSIGNED {role: 'lead'}]->()
MATCH (d:Document {id: t.doc})
WITH d.identifier AS document, t, units
WHERE ($document IS NULL OR document = $document)
RETURN document, t.identifier AS task_id, t.sector AS sector, units, t.text AS text
ORDER BY document, t.start, task_id
