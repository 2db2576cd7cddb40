// title: Co-responsible unit pairs
// description: Pairs of concrete units (named for the task, not inherited, not vague) that answer
//   together for the same tasks, most shared tasks first; pairs sharing a single task are left out.
MATCH (u1:Unit)<-[:ASSIGNED {inherited: false}]-(t:Task)-[:ASSIGNED {inherited: false}]->(u2:Unit)
WHERE coalesce(u1.kind, '') <> 'vague' AND coalesce(u2.kind, '') <> 'vague' AND u1.name < u2.name
WITH u1.name AS unit_a, u2.name AS unit_b, count(DISTINCT t) AS shared_tasks
WHERE shared_tasks >= 2
RETURN unit_a, unit_b, shared_tasks
ORDER BY shared_tasks DESC, unit_a, unit_b
