import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TIME_LIMIT_UNITS, type TimeLimitUnit } from '../../../../shared/domain/vocabulary';

/** Working or calendar days beside a time limit; unset reads as working days, as every record before the unit did. */
export function TimeLimitUnitSelect({ label, value, onChange, size, disabled, width = 140 }: { label: string; value: TimeLimitUnit | undefined; onChange: (unit: TimeLimitUnit | undefined) => void; size?: 'xs' | 'sm'; disabled?: boolean; width?: number }) {
  const { t } = useTranslation();
  return (
    <Select
      aria-label={label}
      w={width}
      size={size}
      disabled={disabled}
      allowDeselect={false}
      data={TIME_LIMIT_UNITS.map((unit) => ({ value: unit, label: t(`timeLimitUnit.${unit}`) }))}
      value={value ?? 'working'}
      // Working days are written as no unit, so a record that never chose one stays as it was.
      onChange={(chosen) => onChange(chosen === 'calendar' ? 'calendar' : undefined)}
    />
  );
}
