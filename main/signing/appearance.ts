// What a signature looks like on the page (Nghị định 30/2020, Phụ lục I): the signer's signature image centred between
// the titles and the name, or, for the agency's signature, the seal image at its real size over the left third of the
// signer's, with the agency's name and the signing time (ISO 8601, Vietnam's offset). Drawn by pdfmake in the
// letter's font into a one-page PDF of the appearance's own size, which pdf-lib then embeds as the widget's appearance.
import pdfmake from 'pdfmake';
import type { PdfContent } from 'pdfmake';
import { letterFont } from '../export/opinionLetterPdf';
import { mmToPt } from '../export/letterLayout';
import { formatVietnameseTimestamp } from './signingTime';
import type { SignatureRoom } from './signatureRoom';
import { fillSigningMessage, signingText } from './signingErrors';

export type SignatureRole = 'signer' | 'agency';

export type AppearanceInput = {
  role: SignatureRole;
  commonName: string;
  organisation: string;
  signingTime: Date;
  /** PNG or JPEG: the handwritten signature (signer) or the seal (agency), transparent background. */
  image?: Uint8Array;
  /** The seal's real diameter. */
  sealSizeMm?: number;
};

/** [x1, y1, x2, y2] in the page's points. */
export type Rect = [number, number, number, number];

/** The width the signer's image takes in the signature column. */
export const SIGNATURE_IMAGE_WIDTH_MM = 50;
export const DEFAULT_SEAL_SIZE_MM = 36;
const INFO_FONT_PT = 8;
const INFO_LINE_PT = 10;
/** Nghị định 30 prints the digital signature's details in blue, the seal in red. */
const SIGNATURE_BLUE = '#0000FF';

/** Where the appearance goes in the room an export left for it. */
export function appearanceRect(room: SignatureRoom, input: Pick<AppearanceInput, 'role' | 'sealSizeMm'>): Rect {
  const imageWidth = mmToPt(SIGNATURE_IMAGE_WIDTH_MM);
  const signerLeft = room.centerX - imageWidth / 2;
  if (input.role === 'signer') return [signerLeft, room.bottom, signerLeft + imageWidth, room.top];
  // The seal covers about a third of the signer's image, from the left; its details sit under it.
  const seal = mmToPt(input.sealSizeMm ?? DEFAULT_SEAL_SIZE_MM);
  const right = signerLeft + imageWidth / 3;
  const middle = (room.top + room.bottom) / 2;
  return [right - seal, middle - seal / 2 - 2 * INFO_LINE_PT, right, middle + seal / 2];
}

const dataUrl = (image: Uint8Array): string => {
  const isPng = image[0] === 0x89 && image[1] === 0x50;
  return `data:image/${isPng ? 'png' : 'jpeg'};base64,${Buffer.from(image).toString('base64')}`;
};

function infoLines(input: AppearanceInput): PdfContent[] {
  const time = formatVietnameseTimestamp(input.signingTime);
  // The time stands on a line of its own: in ISO 8601 it is too long to follow a label in the seal's width.
  const lines = input.role === 'signer' ? [fillSigningMessage(signingText.appearance.signedBy, { name: input.commonName }), time] : [input.organisation || input.commonName, time];
  return lines.map((text) => ({ text, fontSize: INFO_FONT_PT, italics: true, color: SIGNATURE_BLUE, alignment: 'center', lineHeight: 1 }));
}

/** A one-page PDF exactly the size of `rect`, holding the appearance. */
export async function renderAppearance(input: AppearanceInput, rect: Rect): Promise<Buffer> {
  const width = rect[2] - rect[0];
  const height = rect[3] - rect[1];
  const font = letterFont();
  const allowed = new Set(Object.values(font.faces));
  pdfmake.setFonts({ AppearanceSerif: font.faces });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
  const infoHeight = 2 * INFO_LINE_PT;
  const content: PdfContent[] = input.image
    ? [{ image: dataUrl(input.image), fit: [width, Math.max(height - infoHeight, 1)], alignment: 'center' }, ...infoLines(input)]
    : [{ stack: infoLines(input), margin: [0, Math.max((height - infoHeight) / 2, 0), 0, 0] }];
  return pdfmake
    .createPdf({
      pageSize: { width, height },
      pageMargins: [0, 0, 0, 0],
      defaultStyle: { font: 'AppearanceSerif' },
      content,
    })
    .getBuffer();
}
