import { useEffect, useState } from 'react';

type Settled<T> = { key: string; depsKey: string; data?: T; error?: Error };
type Options = { keepPreviousData?: boolean };

/**
 * Loads data from the API whenever `deps` change, and again on `reload()`. A response that arrives after the
 * inputs changed is dropped, so a slow answer never overwrites a newer one.
 */
export function useApiData<T>(load: () => Promise<T>, deps: readonly unknown[], options: Options = {}) {
  const [generation, setGeneration] = useState(0);
  const depsKey = JSON.stringify(deps);
  const key = `${depsKey}#${generation}`;
  const [settled, setSettled] = useState<Settled<T>>({ key: '', depsKey: '' });

  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setSettled({ key, depsKey, data }),
      (error: unknown) => current && setSettled({ key, depsKey, error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      current = false;
    };
    // `key` stands for `deps` and the reload generation; `load` is a new closure on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const fresh = settled.key === key;
  // A reload keeps showing what is there until the new answer arrives; other inputs show nothing stale.
  const showSettled = fresh || settled.depsKey === depsKey || options.keepPreviousData;
  return {
    data: showSettled ? settled.data : undefined,
    error: fresh ? settled.error : undefined,
    loading: !fresh,
    reload: () => setGeneration((value) => value + 1),
  };
}
