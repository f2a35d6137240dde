// Many officers saving at once through one server on PostgreSQL (issue 21): SERIALIZABLE transactions that lose a
// conflict are tried again by the dispatcher, so none of the saves is refused. It used to decide whether a failed
// attempt had written anything from the store's global count of committed rows, which the other officers' commits
// kept raising: every lost conflict under load came back as «busy» (found by `npm run bench:team`).
import { expect, it } from 'vitest';
import { describePostgres, useTestDatabase } from '../../test/pg/database';
import { openBackend } from '../app';

const OFFICERS = 12;
const SAVES_EACH = 6;

describePostgres('concurrent API calls on one PostgreSQL database', () => {
  const database = useTestDatabase();

  it('saves every regulation of every officer, none refused as busy', async () => {
    const backend = await openBackend(database.url);
    try {
      const call = async (method: string, input: unknown) => {
        const answer = await backend.dispatch(method, input);
        if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
        return answer.value as { id: string; version: number };
      };
      const regulations = await Promise.all(
        Array.from({ length: OFFICERS }, async (_, officer) => {
          const draft = await call('createDraft', { docType: 'thong_tu', title: `Thông tư số ${officer + 1}`, draftingAgency: 'Bộ Công Thương', submittedToGovernment: false });
          return call('createRegulation', { draftId: draft.id, fields: { kind: 'tthc', change: 'new', name: `Cấp giấy phép số ${officer + 1}`, components: {} } });
        }),
      );
      const answers = await Promise.all(
        regulations.map(async (regulation, officer) => {
          const codes: string[] = [];
          let version = regulation.version;
          for (let save = 0; save < SAVES_EACH; save += 1) {
            const fields = { kind: 'tthc', change: 'new', name: `Cấp giấy phép số ${officer + 1}, bản ${save + 1}`, components: {} };
            const answer = await backend.dispatch('updateRegulation', { id: regulation.id, version, fields });
            codes.push(answer.ok ? 'ok' : answer.error.code);
            if (answer.ok) version = (answer.value as { version: number }).version;
          }
          return codes;
        }),
      );
      expect(answers.flat().filter((code) => code !== 'ok')).toEqual([]);
    } finally {
      await backend.close();
    }
  });
});
