// The fingerprint of the store last written to this graph. Columns: fingerprint. Parameters: $id.
MATCH (m:SafetyKgMeta {id: $id})
RETURN m.fingerprint AS fingerprint
