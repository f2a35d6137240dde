// What the certified copies a dossier asks for cost the subject (issue 22): each one has to be certified before it is
// filed, and the certification has its fee. The figure is the fee of Thông tư 226/2016/TT-BTC, Điều 4 (phí chứng thực
// bản sao từ bản chính): 2.000 đồng a page, 1.000 đồng a page from the third, at most 200.000 đồng a copy. DOMAIN.md
// names notarisation and copies among the other costs of a case but gives no figure.
import type { Components } from './dossier';
import { copyKindsOf } from './dossierItems';

const FEE_PER_PAGE = 2_000;
const FEE_PER_PAGE_FROM_THIRD = 1_000;
const FEE_MAX_PER_COPY = 200_000;

/** The certification fee of one copy of `pages` pages (Thông tư 226/2016/TT-BTC, Điều 4). */
export function certificationFee(pages: number): number {
  const whole = Math.max(1, Math.ceil(pages));
  return Math.min(FEE_MAX_PER_COPY, FEE_PER_PAGE * Math.min(whole, 2) + FEE_PER_PAGE_FROM_THIRD * Math.max(0, whole - 2));
}

/** How many certified copies one case files: the sum over the dossier's items of those said to be certified. */
export function certifiedCopiesPerCase(components: Pick<Components, 'dossier'>): number {
  return (components.dossier ?? []).reduce((sum, entry) => sum + (copyKindsOf(entry)?.certifiedCopies ?? 0), 0);
}

/**
 * What one case pays to have its certified copies certified, the default of a cost side's other costs. The dossier
 * does not record a document's pages: each copy is priced as one page (2.000 đ), the least the circular charges, so
 * the default never overstates what a draft's copies cost.
 */
export function certifiedCopiesCost(components: Pick<Components, 'dossier'>): number {
  return certifiedCopiesPerCase(components) * certificationFee(1);
}
