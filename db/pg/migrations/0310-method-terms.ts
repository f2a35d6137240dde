import type { ClientBase } from 'pg';
import { CARRY_OVER_CANDIDATES, componentsWithMethodTerms } from '../../common/methodTermsCarriedOver';

/** SQLite's 0310 (db/sqlite/migrations/0310-method-terms.ts): the single time limit and fees copied to every method, in one update. */
export async function up(client: ClientBase): Promise<void> {
  const { rows } = await client.query<{ id: string; components: string }>(`SELECT id, components::text AS components FROM regulations WHERE ${CARRY_OVER_CANDIDATES.pg}`);
  const carried = rows.flatMap(({ id, components }) => {
    const next = componentsWithMethodTerms(components);
    return next === null ? [] : [{ id, next }];
  });
  if (carried.length === 0) return;
  await client.query(
    `UPDATE regulations SET components = carried.components::jsonb
       FROM unnest($1::text[], $2::text[]) AS carried(id, components) WHERE regulations.id = carried.id`,
    [carried.map(({ id }) => id), carried.map(({ next }) => next)],
  );
}
