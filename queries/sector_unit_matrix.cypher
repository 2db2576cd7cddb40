// title: Sector × unit matrix
// description: For every primary sector and concrete unit (named for the task, not inherited, not vague):
//   the number of tasks, as a long table (one row per cell that is not zero), with the sector's Chinese label.
// param: sector (string, default all) — only this sector code (e.g. coal_mine)
MATCH (t:Task)-[:IN_SECTOR {primary: true}]->(s:Sector)
WHERE ($sector IS NULL OR s.code = $sector)
MATCH (t)-[:ASSIGNED {inherited: false}]->(u:Unit)
WHERE coalesce(u.kind, '') <> 'vague'
WITH s.code AS sector, coalesce(s.name, s.code) AS sector_label, u.name AS unit, count(DISTINCT t) AS tasks
RETURN sector, sector_label, unit, tasks
ORDER BY sector, tasks DESC, unit
