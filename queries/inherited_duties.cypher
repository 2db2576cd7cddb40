// title: Inherited duties
// description: What a blanket default clause (以下均需…负责，不再一一列出) adds to each unit: for every document,
//   clause and unit, the role it receives, the task declaring the clause, and how many tasks it is attached
//   to only through the clause (inherited true).
// param: document (string, default all) — only this document (文号, or file stem#n)
MATCH (declared:Task)-[c:DECLARES_DEFAULT]->(u:Unit)
MATCH (d:Document {id: declared.doc})
WITH DISTINCT d, d.identifier AS document, u, c.role AS role, declared.identifier AS declared_in
WHERE ($document IS NULL OR document = $document)
OPTIONAL MATCH (t:Task {doc: d.id})-[a:ASSIGNED {inherited: true}]->(u)
WHERE a.role = role
WITH document, u.name AS unit, role, declared_in, count(DISTINCT t) AS tasks_added
RETURN document, unit, role, declared_in, tasks_added
ORDER BY document, declared_in, unit, role
