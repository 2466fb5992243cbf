import { useState } from 'react'

/**
 * Starts a form from a loaded record, and again whenever the record reloads with other content
 * (after a save, say); while `source` is undefined (still loading) nothing happens.
 */
export function useStartingValues<S, V>(source: S | undefined, setValues: (values: V) => void, toValues: (source: S) => V): void {
  const [loadedFor, setLoadedFor] = useState<string | null>(null)
  if (source === undefined) return
  const stamp = JSON.stringify(source)
  if (stamp === loadedFor) return
  setLoadedFor(stamp)
  setValues(toValues(source))
}
