import type { ClientBase } from 'pg';

/**
 * The stored components of the regulations `where` selects, each rewritten by `rewrite` (the new JSON text, or null
 * to leave the row as it is), written back in one update: PostgreSQL's 0310 and 0350, whose SQLite twins do the same
 * through a function of the database.
 */
export async function rewriteRegulationComponents(client: ClientBase, where: string, rewrite: (components: string) => string | null): Promise<void> {
  const { rows } = await client.query<{ id: string; components: string }>(`SELECT id, components::text AS components FROM regulations WHERE ${where}`);
  const rewritten = rows.flatMap(({ id, components }) => {
    const next = rewrite(components);
    return next === null ? [] : [{ id, next }];
  });
  if (rewritten.length === 0) return;
  await client.query(
    `UPDATE regulations SET components = rewritten.components::jsonb
       FROM unnest($1::text[], $2::text[]) AS rewritten(id, components) WHERE regulations.id = rewritten.id`,
    [rewritten.map(({ id }) => id), rewritten.map(({ next }) => next)],
  );
}
