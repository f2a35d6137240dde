import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOC_TYPES, DRAFT_STATUSES, ROLES } from '../../../../shared/domain/vocabulary';
import { draftQuerySchema } from '../../../../shared/contract/draftQueueApi';
import { DRAFT_SORTS } from '../../../../shared/domain/draftSorts';
import { draftListHref, readDraftListLink } from './draftListLink';

const queries = fc.record(
  {
    text: fc.string({ maxLength: 200 }),
    statuses: fc.uniqueArray(fc.constantFrom(...DRAFT_STATUSES)),
    docTypes: fc.uniqueArray(fc.constantFrom(...DOC_TYPES)),
    agency: fc.string({ maxLength: 300 }),
    government: fc.boolean(),
    queue: fc.constantFrom(...ROLES),
    sort: fc.constantFrom(...DRAFT_SORTS),
    descending: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe('draft list links', () => {
  it('carry every word, filter and sort through the route, and the plain list is "/"', () => {
    fc.assert(
      fc.property(queries, (query) => {
        const href = draftListHref(query);
        const segment = href === '/' ? undefined : href.slice('/list/'.length);
        expect(href === '/' || /^\/list\/[^/?#]+$/.test(href)).toBe(true);
        expect(draftQuerySchema.parse(readDraftListLink(segment))).toEqual(draftQuerySchema.parse(query));
      }),
    );
    expect(draftListHref({})).toBe('/');
  });
  it.each([undefined, '', '%E0%A4%A', 'not json', encodeURIComponent('{"statuses":["x"]}')])('%j opens the plain list', (segment) => {
    expect(readDraftListLink(segment)).toEqual({});
  });
});
