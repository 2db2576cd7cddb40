// Record the fingerprint of the store just written. Parameters: $id, $fingerprint.
MERGE (m:SafetyKgMeta {id: $id})
SET m.fingerprint = $fingerprint
