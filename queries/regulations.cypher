// title: Cited regulations
// description: Every 《…》 title cited, with each document citing it: how many tasks of that document cite
//   it (mentions outside tasks count 0), and in how many documents the title is cited overall.
// param: document (string, default all) — only this document (文号, or file stem#n)
MATCH (d:Document)-[:CITES]->(r:Regulation)
WITH r, count(DISTINCT d) AS documents
MATCH (d:Document)-[:CITES]->(r)
OPTIONAL MATCH (t:Task {doc: d.id})-[c:CITES]->(r)
WITH r, documents, d, toInteger(sum(coalesce(c.mentions, 0))) AS task_mentions
WHERE r.title IS NOT NULL AND ($document IS NULL OR d.identifier = $document)
RETURN r.title AS title, documents, d.identifier AS document, task_mentions
ORDER BY documents DESC, title, document
