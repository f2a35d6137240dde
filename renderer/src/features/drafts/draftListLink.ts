// The draft list's words, filters and sort as a route ("/list/<encoded>"), as the search keeps its own in
// "/search/<encoded>" (searchLink.ts): Back from a draft and a reload return to the same list. The plain list is "/".
import { draftQuerySchema, type DraftQuery } from '../../../../shared/contract/draftQueueApi';

const PLAIN = JSON.stringify(draftQuerySchema.parse({}));

export function draftListHref(query: DraftQuery): string {
  const read = draftQuerySchema.safeParse(query);
  return !read.success || JSON.stringify(read.data) === PLAIN ? '/' : `/list/${encodeURIComponent(JSON.stringify(query))}`;
}

/** A link someone edited by hand opens the plain list rather than an error. */
export function readDraftListLink(segment: string | undefined): DraftQuery {
  if (!segment) return {};
  try {
    const read = draftQuerySchema.safeParse(JSON.parse(decodeURIComponent(segment)));
    return read.success ? read.data : {};
  } catch {
    return {};
  }
}
