import { useCallback, useEffect, useState } from 'react';

type State<T> = { data: T | undefined; error: Error | undefined; loading: boolean };

/** Loads data from the API and reloads on demand; `deps` decide when the loader runs again. */
export function useApiData<T>(load: () => Promise<T>, deps: readonly unknown[]): State<T> & { reload: () => void } {
  const [state, setState] = useState<State<T>>({ data: undefined, error: undefined, loading: true });
  const [generation, setGeneration] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableLoad = useCallback(load, deps);
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    stableLoad().then(
      (data) => current && setState({ data, error: undefined, loading: false }),
      (error: unknown) => current && setState({ data: undefined, error: error as Error, loading: false }),
    );
    return () => {
      current = false;
    };
  }, [stableLoad, generation]);
  return { ...state, reload: () => setGeneration((value) => value + 1) };
}
