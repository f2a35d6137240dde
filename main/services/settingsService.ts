// Installation settings: who this installation is (agency, role, officer) and the hourly income per year.
import { z } from 'zod';
import { nonNegative } from '../../shared/domain/dossier';
import { ROLES } from '../../shared/domain/vocabulary';
import type { ServiceContext } from './context';

export const profileSchema = z.object({
  agency: z.string(),
  role: z.enum(ROLES),
  officerName: z.string(),
});
export type Profile = z.infer<typeof profileSchema>;

const DEFAULT_PROFILE: Profile = { agency: '', role: 'drafter', officerName: '' };
const hourlyIncomeSchema = z.record(z.string().regex(/^\d{4}$/), nonNegative);

export function readProfile(ctx: ServiceContext): Profile {
  const parsed = profileSchema.safeParse(ctx.repos.settings.get('profile'));
  return parsed.success ? parsed.data : DEFAULT_PROFILE;
}

export function readHourlyIncomeByYear(ctx: ServiceContext): Record<string, number> {
  const parsed = hourlyIncomeSchema.safeParse(ctx.repos.settings.get('hourlyIncomeByYear'));
  return parsed.success ? parsed.data : {};
}

export function saveHourlyIncomeByYear(ctx: ServiceContext, byYear: Record<string, number>): void {
  ctx.repos.settings.set('hourlyIncomeByYear', hourlyIncomeSchema.parse(byYear));
}
