// A failure to sign or to read a signature, told in the officer's words (no PKCS#11 code, no stack).
import { signingMessages } from '../../shared/i18n/signingMessages';

export const signingText = signingMessages.vi.signing;
type ErrorKey = keyof typeof signingText.errors;

/** Fills `{{name}}` placeholders of a signing message. */
export function fillSigningMessage(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (values[name] === undefined ? whole : String(values[name])));
}

export class SigningError extends Error {
  constructor(
    readonly kind: ErrorKey,
    values: Readonly<Record<string, string | number>> = {},
  ) {
    super(fillSigningMessage(signingText.errors[kind], values));
    this.name = 'SigningError';
  }
}
