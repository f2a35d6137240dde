// Notices come one at a time (main.tsx: one slot, under the navigation), so a notice queued behind another waited out
// the first one's seconds: a second save's «Đã lưu» came only after the first had gone (issue 20, item 12). Here a
// newer notice of the same kind takes the shown one's place at once (success replaces success), and an error goes
// before every other notice and stays until the officer closes it: what went wrong is never timed away or buried.
import { notifications, type NotificationData } from '@mantine/notifications';

export type NoticeKind = 'success' | 'info';

const COLOURS: Record<NoticeKind, string> = { success: 'green', info: 'blue' };

/** The notice of each kind shown or waiting now, which the next one of its kind replaces. */
const latest = new Map<NoticeKind, string>();

type Notice = Omit<NotificationData, 'id' | 'color' | 'priority' | 'onClose'>;

export function showNotice(kind: NoticeKind, notice: Notice): void {
  const previous = latest.get(kind);
  if (previous !== undefined) notifications.hide(previous);
  const id: string = notifications.show({
    color: COLOURS[kind],
    ...notice,
    onClose: () => {
      if (latest.get(kind) === id) latest.delete(kind);
    },
  });
  latest.set(kind, id);
}

/** An error: shown before any other notice (which waits behind it) and kept until closed. */
export function showErrorNotice(notice: Notice): void {
  notifications.show({ color: 'red', ...notice, autoClose: false, priority: 1 });
}
