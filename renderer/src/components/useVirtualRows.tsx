import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';

/** A first guess of a row's height; each rendered row is measured, so rows that wrap still sit right. */
const ROW_ESTIMATE = 49;

/**
 * The rows of a long table that are in view of its own scroll area (plus a few either side), so that a draft of a
 * thousand regulations — or the 60-procedure draft's assessment checklist — puts only a screenful of rows in the DOM.
 * Give `scrollRef` to the scroll area, `measureElement` as the ref of each row with its `data-index`, and put
 * `<VirtualPadding height={…} />` before and after the rows.
 */
export function useVirtualRows(count: number) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Until the scroll area is measured, a window's height of rows: else the first pass draws the overscan alone and a
  // second, once measured, draws the screenful — two passes over the rows in the task that opens the page.
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 10,
    initialRect: { width: 0, height: window.innerHeight },
  });
  const visible = virtualizer.getVirtualItems();
  return {
    scrollRef,
    visible,
    paddingTop: visible[0]?.start ?? 0,
    paddingBottom: virtualizer.getTotalSize() - (visible.at(-1)?.end ?? 0),
    measureElement: virtualizer.measureElement,
  };
}

/** The height of the rows above or below those drawn, so that the scroll bar spans the whole table. */
export function VirtualPadding({ height }: { height: number }) {
  return height > 0 ? <tr aria-hidden style={{ height }} /> : null;
}
