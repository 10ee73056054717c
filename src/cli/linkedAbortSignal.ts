/**
 * A signal that aborts when any of its sources does, for as long as one call lasts. The scheduler links every
 * call's signal to its own long-lived one (aborted only when the extension ends). `AbortSignal.any` is not used
 * for that: on Node 20 (the extension host's) each signal it makes stays listed in its sources' dependants,
 * even after it was collected, for as long as the source lives (nodejs/node#55351; measured for issue 13:
 * 2 KB kept per call, 100,000 calls kept 200 MB). Here the link is undone by `release()` when the call ends.
 */
export interface LinkedAbortSignal {
  readonly signal: AbortSignal;
  /** Removes our listeners from the sources; call it when the call this signal was made for has ended. */
  readonly release: () => void;
}

export function linkAbortSignals(sources: readonly AbortSignal[]): LinkedAbortSignal {
  const controller = new AbortController();
  const aborted = sources.find((source) => source.aborted);
  if (aborted) {
    controller.abort(aborted.reason);
    return { signal: controller.signal, release: () => undefined };
  }
  const listeners = sources.map((source) => {
    const onAbort = (): void => controller.abort(source.reason);
    source.addEventListener('abort', onAbort, { once: true });
    return { source, onAbort };
  });
  const release = (): void => {
    for (const { source, onAbort } of listeners) source.removeEventListener('abort', onAbort);
  };
  // Once aborted, the link has done its work: the other sources need not keep a listener.
  controller.signal.addEventListener('abort', release, { once: true });
  return { signal: controller.signal, release };
}
