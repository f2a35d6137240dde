// Installation settings: who this installation is (agency, role, officer) and the hourly income per year.
import { z } from 'zod';
import { profileSchema, type Profile } from '../../shared/contract/workflowApi';
import { hourlyIncome } from '../../shared/domain/dossier';
import type { Repositories } from '../../db/port';

export { profileSchema, type Profile };

const DEFAULT_PROFILE: Profile = { agency: '', role: 'drafter', officerName: '' };
const hourlyIncomeSchema = z.record(z.string().regex(/^\d{4}$/), hourlyIncome);

/** The profile the officer saved; null before the first start has asked who they are. */
export async function readSavedProfile(repos: Repositories): Promise<Profile | null> {
  const parsed = profileSchema.safeParse(await repos.settings.get('profile'));
  return parsed.success ? parsed.data : null;
}

export async function readProfile(repos: Repositories): Promise<Profile> {
  return (await readSavedProfile(repos)) ?? DEFAULT_PROFILE;
}

export async function saveProfile(repos: Repositories, profile: Profile): Promise<Profile> {
  const saved = profileSchema.parse(profile);
  await repos.settings.set('profile', saved);
  return saved;
}

export async function readHourlyIncomeByYear(repos: Repositories): Promise<Record<string, number>> {
  const parsed = hourlyIncomeSchema.safeParse(await repos.settings.get('hourlyIncomeByYear'));
  return parsed.success ? parsed.data : {};
}

export async function saveHourlyIncomeByYear(repos: Repositories, byYear: Record<string, number>): Promise<void> {
  await repos.settings.set('hourlyIncomeByYear', hourlyIncomeSchema.parse(byYear));
}
