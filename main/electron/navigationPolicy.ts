// What the desktop window may load, who may call the API, and which links leave the app. Pure functions over parsed
// URLs (no electron import), so the decisions are unit-tested; string prefixes are never compared.
import { fileURLToPath } from 'node:url';

/** Sites an officer is sent to from the app (legal texts, the national TTHC database); anything else is refused. */
export const EXTERNAL_LINK_HOSTS: ReadonlySet<string> = new Set(['csdl.thutuchanhchinh.vn', 'dichvucong.gov.vn', 'vbpl.vn', 'chinhphu.vn', 'thuvienphapluat.vn']);

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** True only for the renderer's own index.html as a file: URL (any hash route); never a sibling, a parent or a query. */
export function isRendererUrl(url: string | undefined, rendererIndexPath: string): boolean {
  const parsed = url === undefined ? undefined : parse(url);
  if (!parsed || parsed.protocol !== 'file:' || parsed.host !== '' || parsed.search !== '' || parsed.username || parsed.password) return false;
  try {
    return fileURLToPath(parsed) === rendererIndexPath;
  } catch {
    return false;
  }
}

/** An https link to an allow-listed host on the default port, without credentials; returns the normalised URL to open. */
export function allowedExternalLink(url: string): string | undefined {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== 'https:' || parsed.port !== '' || parsed.username || parsed.password) return undefined;
  return EXTERNAL_LINK_HOSTS.has(parsed.hostname) ? parsed.href : undefined;
}
