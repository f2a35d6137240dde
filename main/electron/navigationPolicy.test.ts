import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allowedExternalLink, isRendererUrl } from './navigationPolicy';

const index = join('/opt', 'app', 'renderer', 'index.html');
const own = pathToFileURL(index).href;

describe('desktop navigation policy', () => {
  it('accepts the renderer page itself, with a hash route', () => {
    expect(isRendererUrl(own, index)).toBe(true);
    expect(isRendererUrl(`${own}#/drafts/1`, index)).toBe(true);
  });

  it.each([
    `${own}.evil.html`, // the old prefix check let this through
    `${own}/../../../etc/passwd`,
    `${own}?x=1`,
    pathToFileURL(join('/opt', 'app', 'renderer', 'other.html')).href,
    'file://evil.example/opt/app/renderer/index.html',
    'https://evil.example/',
    'javascript:alert(1)',
    'not a url',
    undefined,
  ])('refuses %s', (url) => {
    expect(isRendererUrl(url, index)).toBe(false);
  });

  it('opens only https links to allow-listed hosts', () => {
    expect(allowedExternalLink('https://vbpl.vn/tw/Pages/home.aspx')).toBe('https://vbpl.vn/tw/Pages/home.aspx');
    for (const url of ['https://evil.example/', 'http://vbpl.vn/', 'https://vbpl.vn.evil.example/', 'https://user:pw@vbpl.vn/', 'https://vbpl.vn:8443/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://vbpl.vn/x', '']) {
      expect(allowedExternalLink(url), url).toBeUndefined();
    }
  });
});
