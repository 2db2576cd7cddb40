// --replace, step 1: delete this project's nodes owned by the given documents (Document, Section, Task).
// Parameters: $docs = list of document ids.
MATCH (n:SafetyKg)
WHERE n.doc IN $docs
DETACH DELETE n
