import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, describeError, type ApplicationRead } from '../../../shared/api.js';
import { localCopies, payloadOf, type Draft, type Payload } from './draft.js';

// Autosave: every change goes to localStorage at once and to the server a second after typing stops, as
// `PUT /applications/:id` over the version last read. One save runs at a time; changes made meanwhile go in
// the next. A version conflict stops saving (the text stays on the page and in localStorage) until the
// applicant chooses what to keep.

export const AUTOSAVE_DELAY_MS = 1000;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; message: string }
  | { kind: 'locked'; message: string };

export type Saved = ApplicationRead & { payload: Payload };

export function useAutosave(applicationId: string, initialVersion: number, onSaved: (saved: Saved) => void) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const version = useRef(initialVersion);
  const pending = useRef<Draft | null>(null);
  /** Saves run one after another, each over the version the previous one returned. */
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));
  const timer = useRef<number | undefined>(undefined);
  /** Conflict or not editable: saving waits for the applicant. */
  const blocked = useRef(false);
  const savedCallback = useRef(onSaved);
  useEffect(() => {
    savedCallback.current = onSaved;
  });

  const save = useCallback(
    async (draft: Draft): Promise<boolean> => {
      const payload = payloadOf(draft);
      setState({ kind: 'saving' });
      try {
        const response = await api<ApplicationRead>(`/applications/${applicationId}`, {
          method: 'PUT',
          body: { version: version.current, ...payload.body },
        });
        version.current = response.application.version;
        savedCallback.current({ ...response, payload });
        if (pending.current === null) {
          // Incomplete parts were not sent: only this computer has them.
          if (payload.heldBack.length > 0 || payload.heldBackFields.length > 0) {
            localCopies.write(applicationId, draft, response.application.updatedAt);
          } else {
            localCopies.clear(applicationId);
          }
          setState({ kind: 'saved', at: Date.now() });
        }
        return true;
      } catch (error) {
        pending.current ??= draft;
        if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
          blocked.current = true;
          setState({ kind: 'conflict', message: error.message });
        } else if (error instanceof ApiError && error.code === 'NOT_EDITABLE') {
          blocked.current = true;
          setState({ kind: 'locked', message: error.message });
        } else {
          setState({ kind: 'error', message: describeError(error) });
        }
        return false;
      }
    },
    [applicationId],
  );

  /** Saves what is waiting now, after any save under way; true when nothing is left unsaved. */
  const flush = useCallback((): Promise<boolean> => {
    window.clearTimeout(timer.current);
    const next = queue.current.then(async () => {
      while (!blocked.current && pending.current !== null) {
        const draft = pending.current;
        pending.current = null;
        if (!(await save(draft))) return false;
      }
      return !blocked.current && pending.current === null;
    });
    queue.current = next;
    return next;
  }, [save]);

  const change = useCallback(
    (draft: Draft) => {
      pending.current = draft;
      localCopies.write(applicationId, draft);
      if (blocked.current) return;
      setState({ kind: 'pending' });
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [applicationId, flush],
  );

  /** After a conflict: save the page's text over `latestVersion` (what the server holds now). */
  const overwrite = useCallback(
    (latestVersion: number) => {
      version.current = latestVersion;
      blocked.current = false;
      return flush();
    },
    [flush],
  );

  /** After a conflict: drop the page's changes and continue from the server's copy. */
  const discard = useCallback(
    (latestVersion: number) => {
      window.clearTimeout(timer.current);
      version.current = latestVersion;
      pending.current = null;
      blocked.current = false;
      localCopies.clear(applicationId);
      setState({ kind: 'idle' });
    },
    [applicationId],
  );

  // Leaving the page saves what is waiting; closing the tab asks first (and the local copy keeps it anyway).
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (pending.current !== null) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (pending.current !== null && !blocked.current) void flush();
    };
  }, [flush]);

  return {
    state,
    change,
    flush,
    overwrite,
    discard,
    hasPending: () => pending.current !== null,
    version: () => version.current,
  };
}
