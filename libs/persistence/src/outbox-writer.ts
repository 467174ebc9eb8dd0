import { EntityManager } from 'typeorm';

/** Records an event in the caller's transaction; the worker's relay publishes it afterwards. */
export async function writeOutbox(
  manager: EntityManager,
  topic: string,
  aggregateId: string,
  payload: Record<string, unknown>,
): Promise<string> {
  const [row] = await manager.query(
    `INSERT INTO outbox_event (topic, aggregate_id, payload) VALUES ($1, $2, $3) RETURNING id`,
    [topic, aggregateId, JSON.stringify(payload)],
  );
  return String(row.id);
}
