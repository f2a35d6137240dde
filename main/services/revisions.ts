// No lost update (issue 17 item 5): an edit of a draft, a regulation, an assessment or an opinion names the version
// it was made on, and is written only while that version is still the stored one. Otherwise it is refused as
// `conflict`, saying who changed the record and when, and nothing is overwritten.
import { ApiError, echoed, type ConflictDetail, type VersionedRecord } from '../../shared/contract/errors';
import type { Edit, Repositories, Revision } from '../../db/port';
import { formatVietnameseDateTime } from '../signing/signingTime';
import { readProfile } from './settingsService';

const RECORD_NAMES: Record<VersionedRecord, string> = {
  draft: 'Dự thảo',
  regulation: 'Thủ tục/quy định',
  assessment: 'Đánh giá tác động của thủ tục/quy định',
  opinion: 'Ý kiến',
  response: 'Nội dung tiếp thu, giải trình',
  letter: 'Thông tin của văn bản',
};

/** This installation's officer as a change names them: "Nguyễn Văn A (Bộ Tư pháp)"; empty before the profile is filled in. */
export async function actingOfficer(repos: Repositories): Promise<string> {
  const { officerName, agency } = await readProfile(repos);
  return officerName && agency ? `${officerName} (${agency})` : officerName || agency;
}

/**
 * The refusal of an edit made on `yourVersion` of a record now at `current`, in words and as data for the UI; `about`
 * names the regulation the record belongs to when the call wrote many (one verdict for many regulations).
 */
export function conflictError(record: VersionedRecord, id: string, yourVersion: number, current: Revision, about?: string): ApiError {
  const conflict: ConflictDetail = { record, id, yourVersion, currentVersion: current.version, changedBy: current.changedBy, changedAt: current.changedAt };
  const what = `${RECORD_NAMES[record]} ${about === undefined ? 'này' : `về «${echoed(about)}»`}`;
  return new ApiError('conflict', conflictMessage(what, yourVersion, current), [], undefined, conflict);
}

/** "`what` đã được Nguyễn Văn A (Bộ Tư pháp) sửa lúc …, sau khi anh/chị mở ra …": who changed it since, and when. */
export function conflictMessage(what: string, yourVersion: number, current: Revision): string {
  const instant = current.changedAt === '' ? null : new Date(current.changedAt);
  const when = instant && !Number.isNaN(instant.getTime()) ? ` lúc ${formatVietnameseDateTime(instant)}` : '';
  const who = current.changedBy === '' ? '' : ` ${current.changedBy}`;
  return (
    `${what} đã được${who} sửa${when}, sau khi anh/chị mở ra (anh/chị sửa trên phiên bản ${yourVersion}, ` +
    `bản đang lưu là phiên bản ${current.version}). Thay đổi của anh/chị chưa được lưu và không ghi đè lên thay đổi đó: ` +
    'hãy tải lại để xem bản mới rồi sửa lại.'
  );
}

async function currentRevision(repos: Repositories, record: VersionedRecord, id: string): Promise<Revision> {
  const revision = (await repos.revisions.of(record, [id])).get(id);
  if (!revision) throw new ApiError('not_found', `${RECORD_NAMES[record]} có mã ${id} không còn nữa.`);
  return revision;
}

/** An edit of the record `id` made on `yourVersion`, at `at`, by `by` (else this installation's officer). */
type VersionedEdit = { record: VersionedRecord; id: string; yourVersion: number; at: string; by?: string };

/**
 * Writes an edit of `record` made on `yourVersion`: refused as `conflict` when another version is stored, whether it
 * was there before (`write` is not called) or slipped in before the write (`write`, a conditional UPDATE, answers false).
 */
export async function writeVersioned(
  repos: Repositories,
  target: VersionedEdit,
  write: (edit: Edit) => Promise<boolean>,
): Promise<void> {
  const { record, id, yourVersion } = target;
  const stored = await currentRevision(repos, record, id);
  if (stored.version !== yourVersion) throw conflictError(record, id, yourVersion, stored);
  await writeOnVersion(repos, target, write);
}

/**
 * The same for a record the call has found stored, whose `write` is itself conditional on the version (an UPDATE …
 * WHERE version = yourVersion): the stored version is read only to word the refusal, so an accepted save costs one
 * statement less. An autosave of a regulation is most of a team server's writes (npm run bench:team).
 */
export async function writeOnVersion(
  repos: Repositories,
  target: VersionedEdit,
  write: (edit: Edit) => Promise<boolean>,
): Promise<void> {
  const { record, id, yourVersion } = target;
  const edit: Edit = { at: target.at, by: target.by ?? (await actingOfficer(repos)), onVersion: yourVersion };
  if (!(await write(edit))) throw conflictError(record, id, yourVersion, await currentRevision(repos, record, id));
}

/**
 * Writes an edit made on `yourVersion`, or without one the first of a record that did not exist when the form was read:
 * one made since (before this call, or slipping in before the write) is then a `conflict`, as a stale version is.
 */
export async function writeVersionedOrFirst(
  repos: Repositories,
  target: { record: VersionedRecord; id: string; yourVersion: number | undefined; at: string },
  write: (edit: Edit) => Promise<boolean>,
): Promise<void> {
  const { record, id, yourVersion, at } = target;
  if (yourVersion !== undefined) return writeVersioned(repos, { record, id, yourVersion, at }, write);
  const made = async () => (await repos.revisions.of(record, [id])).get(id);
  const before = await made();
  if (before) throw conflictError(record, id, 0, before);
  if (!(await write({ at, by: await actingOfficer(repos) }))) throw conflictError(record, id, 0, (await made()) ?? { version: 1, changedAt: '', changedBy: '' });
}

/** The stored version of each record, for views that hand it to an edit form. */
export async function versionOf(repos: Repositories, record: VersionedRecord, id: string): Promise<number> {
  return (await currentRevision(repos, record, id)).version;
}
