import { notificationsStore } from '@mantine/notifications';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { showErrorNotice, showNotice, type NoticeKind } from './notices';

/** The notices as the app's single slot (main.tsx, limit 1) holds them: the one shown, and those waiting. */
const slot = () => {
  const { notifications, queue } = notificationsStore.getState();
  return { shown: notifications.map((notice) => notice.message), waiting: queue.map((notice) => notice.message) };
};

beforeEach(() => {
  notificationsStore.setState({ notifications: [], queue: [], limit: 1, defaultPosition: 'bottom-left' });
});

describe('notices', () => {
  it('a newer notice of a kind replaces the shown one at once, whatever came before', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<NoticeKind>('success', 'info'), { minLength: 1, maxLength: 12 }), (kinds) => {
        notificationsStore.setState({ notifications: [], queue: [], limit: 1, defaultPosition: 'bottom-left' });
        kinds.forEach((kind, index) => showNotice(kind, { message: `${kind} ${index}` }));
        const newest = (kind: NoticeKind) => kinds.lastIndexOf(kind);
        const expected = (['success', 'info'] as const)
          .filter((kind) => newest(kind) >= 0)
          .sort((a, b) => newest(a) - newest(b))
          .map((kind) => `${kind} ${newest(kind)}`);
        // One of each kind at most, the newest; the earlier-shown kind keeps the slot, the other waits.
        const { shown, waiting } = slot();
        expect([...shown, ...waiting]).toEqual(expected);
      }),
    );
  });

  it('two saves in a row: the second «Đã lưu» is shown at once, not after the first', () => {
    showNotice('success', { message: 'Đã lưu cơ quan và vai trò' });
    showNotice('success', { message: 'Đã lưu mức thu nhập' });
    expect(slot()).toEqual({ shown: ['Đã lưu mức thu nhập'], waiting: [] });
  });

  it('an error goes first and stays until closed; errors never replace each other', () => {
    showNotice('success', { message: 'Đã lưu' });
    showErrorNotice({ message: 'Lỗi 1' });
    showErrorNotice({ message: 'Lỗi 2' });
    showNotice('success', { message: 'Đã lưu lần nữa' });
    expect(slot()).toEqual({ shown: ['Lỗi 1'], waiting: ['Lỗi 2', 'Đã lưu lần nữa'] });
    expect(notificationsStore.getState().notifications[0]?.autoClose).toBe(false);
  });
});
