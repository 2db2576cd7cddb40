// title: Tasks with more than one lead
// description: Tasks where two or more distinct units are each named to lead (role lead): the lead is
//   not unambiguous.
// param: document (string, default all) — only this document (文号, or file stem#n)
MATCH (t:Task)-[a:ASSIGNED {role: 'lead'}]->(u:Unit)
WITH t, count(DISTINCT u) AS leads
WHERE leads >= 2 AND t.sector IS NOT NULL AND t.start IS NOT NULL
MATCH (d:Document {id: t.doc})
WITH d.identifier AS document, t, leads
WHERE ($document IS NULL OR document = $document)
RETURN document, t.identifier AS task_id, t.sector AS sector, leads, t.text AS text
ORDER BY document, t.start, task_id
