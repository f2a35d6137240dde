// A search with its filters as a route ("/search/<encoded>"), so that a figure of the report or dashboard links to the
// very regulations it counts. Kept in the hash path: the query string would stay behind on every later page.
import { regulationFiltersSchema, type RegulationFilters } from '../../../../shared/contract/regulationFilters';
import { z } from 'zod';

const linkSchema = z.object({ text: z.string().max(500).default(''), filters: regulationFiltersSchema.prefault({}) });
export type SearchLink = z.infer<typeof linkSchema>;

export function searchHref(filters: Partial<RegulationFilters>, text = ''): string {
  return `/search/${encodeURIComponent(JSON.stringify({ text, filters }))}`;
}

/** A link someone edited by hand opens the plain search rather than an error. */
export function readSearchLink(segment: string | undefined): SearchLink {
  if (!segment) return linkSchema.parse({});
  try {
    const read = linkSchema.safeParse(JSON.parse(decodeURIComponent(segment)));
    return read.success ? read.data : linkSchema.parse({});
  } catch {
    return linkSchema.parse({});
  }
}
