// Installation settings: who this installation is (agency, role, officer) and the hourly income per year.
import { z } from 'zod';
import { profileSchema, type Profile } from '../../shared/contract/workflowApi';
import { hourlyIncome } from '../../shared/domain/dossier';
import type { ServiceContext } from './context';

export { profileSchema, type Profile };

const DEFAULT_PROFILE: Profile = { agency: '', role: 'drafter', officerName: '' };
const hourlyIncomeSchema = z.record(z.string().regex(/^\d{4}$/), hourlyIncome);

/** The profile the officer saved; null before the first start has asked who they are. */
export function readSavedProfile(ctx: ServiceContext): Profile | null {
  const parsed = profileSchema.safeParse(ctx.repos.settings.get('profile'));
  return parsed.success ? parsed.data : null;
}

export function readProfile(ctx: ServiceContext): Profile {
  return readSavedProfile(ctx) ?? DEFAULT_PROFILE;
}

export function saveProfile(ctx: ServiceContext, profile: Profile): Profile {
  const saved = profileSchema.parse(profile);
  ctx.repos.settings.set('profile', saved);
  return saved;
}

export function readHourlyIncomeByYear(ctx: ServiceContext): Record<string, number> {
  const parsed = hourlyIncomeSchema.safeParse(ctx.repos.settings.get('hourlyIncomeByYear'));
  return parsed.success ? parsed.data : {};
}

export function saveHourlyIncomeByYear(ctx: ServiceContext, byYear: Record<string, number>): void {
  ctx.repos.settings.set('hourlyIncomeByYear', hourlyIncomeSchema.parse(byYear));
}
