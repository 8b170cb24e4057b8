import { useCallback, useEffect, useRef, useState } from 'react';

export const FLASH_MS = 2_500;

/** Ids that changed a moment ago (for a brief highlight), and a way to add one; each goes after `durationMs`. */
export function useFlash(durationMs = FLASH_MS): [ReadonlySet<string>, (id: string) => void] {
  const [ids, setIds] = useState<ReadonlySet<string>>(() => new Set());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const flash = useCallback(
    (id: string) => {
      const previous = timers.current.get(id);
      if (previous !== undefined) clearTimeout(previous);
      timers.current.set(
        id,
        setTimeout(() => {
          timers.current.delete(id);
          setIds((current) => {
            if (!current.has(id)) return current;
            const next = new Set(current);
            next.delete(id);
            return next;
          });
        }, durationMs),
      );
      setIds((current) => (current.has(id) ? current : new Set(current).add(id)));
    },
    [durationMs],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    };
  }, []);

  return [ids, flash];
}
