import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../../../shared/contract/regulationFilters';
import { readSearchLink, searchHref } from './searchLink';

describe('search links', () => {
  it('carry the text and the filters through the route', () => {
    const countedIn = { section: 'review' as const, from: '2023-01-01', to: '2023-10-31', verdicts: ['remove' as const] };
    const href = searchHref({ countedIn, kinds: ['tthc'] }, 'giấy phép');
    expect(href).toMatch(/^\/search\/[^/?#]+$/);
    expect(readSearchLink(href.slice('/search/'.length))).toEqual({ text: 'giấy phép', filters: { ...NO_FILTERS, kinds: ['tthc'], countedIn } });
  });
  it.each([undefined, '', '%E0%A4%A', 'not json', encodeURIComponent('{"filters":{"kinds":["x"]}}')])('%j opens the plain search', (segment) => {
    expect(readSearchLink(segment)).toEqual({ text: '', filters: NO_FILTERS });
  });
});
