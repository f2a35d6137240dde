// What may never reach a Vietnamese screen (issue 20, item 11 and build 8 "Words for people"): codes, rule and
// template ids, error codes, English terms and placeholders, untranslated message keys; nor, on any screen (item 12),
// a badge cut short or upper-casing an abbreviation, a text marked data-whole cut short, a notice covering a control,
// or a read-only value in low-contrast grey; nor a filter's chip or a select's chosen value cut short, or a notice
// running off the screen or out of its own box (issue 20: «Ban h…», the «Mẫu đánh giá» select, the notice after «Tải PDF»).
// `screenWatch` (in the page) looks at every text the app renders while a test runs — each node as it is added or
// changed, each subtree as it is shown — and reports what it sees; `test` in ./test.ts fails a test that saw any.

/** One forbidden kind of text: a pattern, why it is forbidden, and where (a pattern of the address' hash) if not everywhere. */
export type ForbiddenText = { pattern: RegExp; why: string; where?: RegExp };

export const FORBIDDEN_ON_VIETNAMESE_SCREENS: readonly ForbiddenText[] = [
  { pattern: /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/, why: 'a code (error code, state or enum value in snake_case)' },
  { pattern: /\b[a-z][\w-]*@\d+\b/i, why: 'a rule or template id with its version' },
  { pattern: /\brules-\d{4}\b/, why: 'a rule set id' },
  { pattern: /\b(?:dd\/mm\/yyyy|mm\/dd\/yyyy|yyyy-mm-dd|hh:mm)\b/i, why: 'an English date or time placeholder' },
  { pattern: /\b[a-z]+(?:\.[a-z]+[A-Z][A-Za-z]*)+\b|\{\{\s*\w+\s*\}\}/, why: 'an untranslated message key or placeholder' },
  { pattern: /\b(?:undefined|null|NaN|Infinity)\b|\[object Object\]|\b(?:TypeError|RangeError|ReferenceError|SyntaxError)\b/, why: 'a program value' },
  { pattern: /\b(?:Invalid (?:input|date)|Required|Expected [a-z]+|Too (?:big|small))\b/, why: "zod's English message" },
  {
    pattern: /\b(?:Save|Saved|Cancel|Delete|Loading|Submit|Settings|Search|Draft|Regulation|Assessment|Appraisal|Review|Opinion|Report|Close|Confirm|Error|Warning|Unknown|Untitled|Template|Rule set)\b/,
    why: 'an English term',
  },
  // The first-start dialog's hint points to Cài đặt; inside Cài đặt it points to where the officer already is.
  { pattern: /trong mục Cài đặt/, why: 'a pointer to Cài đặt shown inside Cài đặt', where: /^#\/settings/ },
];

export type ScreenFinding = { why: string; text: string; hash: string };

/**
 * Runs in the page (addInitScript): serialised with its argument, so it uses nothing from this module's scope.
 * Reports through `window.__reportScreenFindings`, exposed by the fixture.
 */
export function screenWatch(rules: Array<{ source: string; flags: string; why: string; where: string | null }>): void {
  const compiled = rules.map((rule) => ({ ...rule, pattern: new RegExp(rule.source, rule.flags), where: rule.where === null ? null : new RegExp(rule.where) }));
  type Report = (findings: Array<{ why: string; text: string; hash: string }>) => void;
  const report = (findings: Array<{ why: string; text: string; hash: string }>) => {
    if (findings.length > 0) void (window as unknown as { __reportScreenFindings?: Report }).__reportScreenFindings?.(findings);
  };
  const SKIPPED = 'script, style, noscript, template, [contenteditable="true"], [data-technical-details]';
  const ATTRIBUTES = ['placeholder', 'title', 'aria-label', 'alt'];
  const vietnamese = () => document.documentElement.lang.startsWith('vi');
  const visible = (element: Element) => element.checkVisibility({ checkVisibilityCSS: true, opacityProperty: false } as CheckVisibilityOptions);

  const check = (text: string, element: Element, findings: Array<{ why: string; text: string; hash: string }>) => {
    if (!/[A-Za-z{]/.test(text)) return;
    for (const rule of compiled) {
      if (rule.where && !rule.where.test(location.hash)) continue;
      const match = rule.pattern.exec(text);
      if (!match) continue;
      if (element.closest(SKIPPED) || !visible(element)) return;
      const start = Math.max(0, match.index - 30);
      findings.push({ why: rule.why, text: text.slice(start, match.index + match[0].length + 30).trim(), hash: location.hash.replace(/token=[0-9a-f]+/, 'token=…') });
    }
  };

  const scanSubtree = (root: Node, findings: Array<{ why: string; text: string; hash: string }>) => {
    if (root.nodeType === Node.TEXT_NODE) {
      if (root.parentElement) check(root.nodeValue ?? '', root.parentElement, findings);
      return;
    }
    if (!(root instanceof Element)) return;
    if (root.closest(SKIPPED)) return;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.parentElement) check(node.nodeValue ?? '', node.parentElement, findings);
    for (const element of [root, ...root.querySelectorAll(ATTRIBUTES.map((name) => `[${name}]`).join(','))]) {
      for (const name of ATTRIBUTES) {
        const value = element.getAttribute(name);
        if (value) check(value, element, findings);
      }
    }
    // Mantine's badges, the draft list's pills drawn like them (styles.css .draft-pill), and a MultiSelect's chips
    // (Tra cứu's filters showed «Ban h…» for «Ban hành mới»).
    const BADGES = '.mantine-Badge-label, .draft-pill, .mantine-Pill-label';
    for (const label of [...(root.matches(BADGES) ? [root] : []), ...root.querySelectorAll(BADGES)]) {
      if (label.scrollWidth > label.clientWidth + 1 && visible(label)) {
        findings.push({ why: 'a badge cut short', text: label.textContent ?? '', hash: location.hash.replace(/token=[0-9a-f]+/, 'token=…') });
      }
      // Upper-casing an abbreviation changes it: «TTg» (Thủ tướng) shown as «TTG» (issue 20).
      const abbreviation = (label.textContent ?? '').split(/[^\p{L}]+/u).find((word) => (word.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && /\p{Ll}/u.test(word));
      if (abbreviation && getComputedStyle(label).textTransform === 'uppercase' && visible(label)) {
        findings.push({ why: 'an abbreviation upper-cased', text: label.textContent ?? '', hash: location.hash.replace(/token=[0-9a-f]+/, 'token=…') });
      }
    }
    // A text the screen promises whole (data-whole), and the draft list's deadline, which was cut before its date
    // at 1366×768 (issue 20: «quá hạn 1.147 …»).
    const WHOLE = '[data-whole], [data-testid="deadline"], [data-testid="deadline"] *';
    for (const text of [...(root.matches(WHOLE) ? [root] : []), ...root.querySelectorAll(WHOLE)]) {
      if (text.scrollWidth > text.clientWidth + 1 && visible(text)) {
        findings.push({ why: 'a text cut short', text: text.textContent ?? '', hash: location.hash.replace(/token=[0-9a-f]+/, 'token=…') });
      }
    }
    checkSelectValues(root, findings);
  };

  // A select's chosen value, shown in its input: an input scrolls what does not fit out of sight, so the officer
  // read «Mẫu theo Nghị định 63/2010/NĐ-CP và Thông tư…» without its year. Only a closed select (not being typed in).
  const SELECT_INPUTS = 'input.mantine-Select-input';
  const checkSelectValues = (root: Element, findings: Array<{ why: string; text: string; hash: string }>) => {
    for (const input of [...(root.matches(SELECT_INPUTS) ? [root] : []), ...root.querySelectorAll(SELECT_INPUTS)] as HTMLInputElement[]) {
      if (!input.value || document.activeElement === input || !visible(input)) continue;
      if (input.scrollWidth > input.clientWidth + 1) {
        findings.push({ why: 'a chosen value cut short', text: input.value, hash: location.hash.replace(/token=[0-9a-f]+/, 'token=…') });
      }
    }
  };

  /** The whole screen now; what it finds is returned too, for the check at the end of a test. */
  // Looks (item 12): a notice over a control the officer may need next, a read-only value in low-contrast grey.
  const CONTROLS = 'button, a[href], input, textarea, select, [role=button], [role=tab], [role=checkbox], [role=radio]';
  const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const hash = () => location.hash.replace(/token=[0-9a-f]+/, 'token=…');
  let noticeRecheck: ReturnType<typeof setTimeout> | null = null;
  const recheckNotices = () => {
    noticeRecheck = null;
    if (!vietnamese()) return;
    const findings: Array<{ why: string; text: string; hash: string }> = [];
    checkNotices(findings);
    report(findings);
  };
  const checkNotices = (findings: Array<{ why: string; text: string; hash: string }>) => {
    const notices = [...document.querySelectorAll('.mantine-Notification-root')].filter((notice) => visible(notice));
    if (notices.length === 0) return;
    const controls = [...document.querySelectorAll(CONTROLS)].filter((control) => !control.closest('.mantine-Notifications-root') && visible(control));
    for (const notice of notices) {
      const area = notice.getBoundingClientRect();
      // Off the screen, or its words running out of its box (cut at Mantine's 200 px, the notice after «Tải PDF» ran
      // off the window's foot at 1366×768) — once it has slid in: while it moves it is partly outside by design, so
      // it is looked at again when it has settled.
      const style = getComputedStyle(notice);
      if (style.opacity !== '1' || !/^(?:none|matrix\(1, 0, 0, 1, 0, 0\))$/.test(style.transform)) {
        if (!noticeRecheck) noticeRecheck = setTimeout(recheckNotices, 300);
      } else {
        const parts = [notice, ...notice.querySelectorAll('.mantine-Notification-body, .mantine-Notification-title, .mantine-Notification-description')];
        // A part that scrolls (a long error's list) keeps its words within reach: only a part that cuts them counts.
        const cuts = (part: Element) => !/^(?:auto|scroll)$/.test(getComputedStyle(part).overflowY) && part.scrollHeight > part.clientHeight + 1;
        const spills = parts.some((part) => part.scrollWidth > part.clientWidth + 1 || cuts(part));
        if (area.left < -1 || area.top < -1 || area.right > window.innerWidth + 1 || area.bottom > window.innerHeight + 1 || spills) {
          findings.push({ why: 'a notice off the screen or out of its box', text: (notice.textContent ?? '').trim().slice(0, 80), hash: hash() });
        }
      }
      for (const control of controls) {
        const box = control.getBoundingClientRect();
        if (box.width === 0 || !overlaps(area, box)) continue;
        const name = (control.getAttribute('aria-label') ?? control.textContent ?? '').trim().slice(0, 60);
        findings.push({ why: 'a notice covering a control', text: `${(notice.textContent ?? '').trim().slice(0, 40)} ⟂ ${control.tagName.toLowerCase()} ${name}`, hash: hash() });
      }
    }
  };
  /** A computed colour, "rgb(…)", "rgba(…)" or (from color-mix) "color(srgb r g b / a)" with channels in 0–1. */
  const rgb = (color: string): [number, number, number, number] => {
    const parts = (color.match(/[\d.]+/g) ?? ['0', '0', '0']).map(Number);
    const scale = color.startsWith('color(srgb') ? 255 : 1;
    return [parts[0]! * scale, parts[1]! * scale, parts[2]! * scale, parts[3] ?? 1];
  };
  const luminance = ([r, g, b]: number[]) => {
    const [R, G, B] = [r!, g!, b!].map((value) => {
      const channel = value / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
  };
  const checkReadOnlyFields = (findings: Array<{ why: string; text: string; hash: string }>) => {
    // A disabled field shows a value the officer may not change (ReadOnlyFieldset): it must still read. Only the
    // field's own opacity counts, so that a dialog fading in is not taken for a faded field.
    for (const field of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input:disabled, textarea:disabled')) {
      if (!field.value || !(field instanceof HTMLTextAreaElement || ['text', 'number', 'search', 'email', 'tel', 'url'].includes(field.type)) || !visible(field)) continue;
      const opacity = Number(getComputedStyle(field).opacity);
      let background: [number, number, number, number] | null = null;
      for (let node: Element | null = field; node && !background; node = node.parentElement) {
        const fill = rgb(getComputedStyle(node).backgroundColor);
        if (fill[3] > 0.5) background = fill;
      }
      const back = background ?? [255, 255, 255, 1];
      const [r, g, b, alpha] = rgb(getComputedStyle(field).color);
      const mix = (front: number, behind: number) => front * alpha * opacity + behind * (1 - alpha * opacity);
      const shown = [mix(r, back[0]), mix(g, back[1]), mix(b, back[2])];
      const [light, dark] = [luminance(shown), luminance(back)].sort((x, y) => y - x) as [number, number];
      const ratio = (light + 0.05) / (dark + 0.05);
      if (ratio < 4.5) findings.push({ why: 'a read-only field in low contrast', text: `${field.value.slice(0, 40)} (${ratio.toFixed(2)}:1)`, hash: hash() });
    }
  };

  const scanAll = () => {
    const findings: Array<{ why: string; text: string; hash: string }> = [];
    if (!vietnamese() || !document.body) return findings;
    scanSubtree(document.body, findings);
    check(document.title, document.documentElement, findings);
    checkNotices(findings);
    checkReadOnlyFields(findings);
    report(findings);
    return findings;
  };
  (window as unknown as { __scanScreenWords: typeof scanAll }).__scanScreenWords = scanAll;

  // Badges are measured once laid out: a scan of what changed runs on a later frame, not inside the mutation.
  const pending = new Set<Node>();
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (!vietnamese()) return pending.clear();
    const findings: Array<{ why: string; text: string; hash: string }> = [];
    for (const node of pending) if (node.isConnected) scanSubtree(node, findings);
    pending.clear();
    checkNotices(findings);
    checkReadOnlyFields(findings);
    report(findings);
  };
  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'childList') mutation.addedNodes.forEach((node) => pending.add(node));
      else pending.add(mutation.target);
    }
    // At most one look every 150 ms: an animation changing the page each frame must not make the watch its load.
    if (!scheduled) {
      scheduled = true;
      setTimeout(() => requestAnimationFrame(flush), 150);
    }
  });
  const start = () => {
    observer.observe(document.documentElement, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      // Not 'style': floating elements and transitions rewrite it every frame; what it reveals is seen by the scan at the end.
      // 'value': a select's chosen value is written into its input's attribute too (React keeps it in step).
      attributeFilter: [...ATTRIBUTES, 'hidden', 'open', 'lang', 'aria-hidden', 'aria-selected', 'value'],
    });
    scanAll();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}
