import { useState } from 'react';
import { notifyError } from '../../components/errors';

/** Runs one API action at a time: `busy` while it runs, its failure shown to the officer. */
export function useBusyAction(): { busy: boolean; run: (work: () => Promise<void>) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
