import type { ClientBase } from 'pg';
import { RESTATED_LIMIT_CANDIDATES, componentsFollowingProcedureLimit } from '../../common/methodLimitsFollowProcedure';

/** SQLite's 0350 (db/sqlite/migrations/0350-method-limits-follow-procedure.ts): a method's copy of the procedure's time limit cleared, in one update. */
export async function up(client: ClientBase): Promise<void> {
  const { rows } = await client.query<{ id: string; components: string }>(`SELECT id, components::text AS components FROM regulations WHERE ${RESTATED_LIMIT_CANDIDATES.pg}`);
  const cleared = rows.flatMap(({ id, components }) => {
    const next = componentsFollowingProcedureLimit(components);
    return next === null ? [] : [{ id, next }];
  });
  if (cleared.length === 0) return;
  await client.query(
    `UPDATE regulations SET components = cleared.components::jsonb
       FROM unnest($1::text[], $2::text[]) AS cleared(id, components) WHERE regulations.id = cleared.id`,
    [cleared.map(({ id }) => id), cleared.map(({ next }) => next)],
  );
}
