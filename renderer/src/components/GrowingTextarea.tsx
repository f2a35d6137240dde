import { Textarea, type TextareaProps } from '@mantine/core';
import { forwardRef } from 'react';

type GrowingTextareaProps = Omit<TextareaProps, 'autosize' | 'minRows' | 'maxRows' | 'styles'> & { minRows?: number; maxRows?: number };

/** The height of `rows` lines of the field's own text, with its padding and border. */
const linesHigh = (rows: number): string => `calc(${rows}lh + 2 * var(--input-padding-y, 0px) + 2px)`;

/**
 * A text area as tall as its text, between `minRows` and `maxRows` lines. Mantine's `autosize` measures each field with
 * a hidden copy and getComputedStyle whenever it renders, a forced layout of the whole page per field: on a 60-procedure
 * draft's letter that was 588 ms of the tab's drawing (issue 20 item 7). Chromium sizes the field to its text itself
 * (CSS field-sizing), with no script.
 */
export const GrowingTextarea = forwardRef<HTMLTextAreaElement, GrowingTextareaProps>(function GrowingTextarea({ minRows = 1, maxRows, ...props }, ref) {
  return <Textarea ref={ref} {...props} styles={{ input: { fieldSizing: 'content', minHeight: linesHigh(minRows), ...(maxRows ? { maxHeight: linesHigh(maxRows) } : {}) } }} />;
});
