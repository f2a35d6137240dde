import { NumberInput, type NumberInputProps } from '@mantine/core';
import { useState } from 'react';

type Props = Omit<NumberInputProps, 'value' | 'onChange'> & {
  /** NaN while the field is blank or holds text that is not (yet) a number. */
  value: number;
  onChange: (value: number) => void;
};

/**
 * A number typed the Vietnamese way (1.245.454,55). Text that is not yet a number ("1," on the way to "1,5", "-")
 * stays on screen while the value reads NaN, so validation can name the field instead of the input eating keys.
 */
export function NumberField({ value, onChange, ...props }: Props) {
  const [pendingText, setPendingText] = useState<string | null>(null);
  return (
    <NumberInput
      thousandSeparator="."
      decimalSeparator=","
      clampBehavior="none"
      hideControls
      // Hints under the box, where the eye goes after typing; the error last.
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      {...props}
      value={Number.isNaN(value) ? (pendingText ?? '') : value}
      onChange={(next) => {
        setPendingText(typeof next === 'number' ? null : next);
        onChange(typeof next === 'number' ? next : Number.NaN);
      }}
    />
  );
}
