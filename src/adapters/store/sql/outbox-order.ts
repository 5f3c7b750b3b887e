/**
 * The outbox's ordering rules, written once for both SQL stores so that they cannot drift apart.
 * The queries alias the claimed row as `o`.
 */
export const OLDEST_FIRST = 'ORDER BY created_at, seq';

/**
 * Only the oldest pending item of a (subscription, incident) pair may go, so that an update never
 * overtakes the message it follows; items without an incident go on their own.
 */
export const HEAD_OF_PAIR = `(o.incident_id IS NULL OR NOT EXISTS (
  SELECT 1 FROM outbox p
  WHERE p.state = 'pending' AND p.subscription_id = o.subscription_id AND p.incident_id = o.incident_id
    AND (p.created_at < o.created_at OR (p.created_at = o.created_at AND p.seq < o.seq))))`;
