import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback, useRef, useState } from 'react';
import { describeError, type ApplicationDto } from '../../../shared/api.js';
import { partnerConfirmationKey } from '../../../shared/application/PartnerConfirmationCard.js';
import { applicationKeys, applicationQuery } from '../queries.js';
import { draftOf, payloadOf, type Draft } from './draft.js';
import { useAutosave } from './useAutosave.js';

/**
 * The draft on the page: changed by the steps, saved by autosave, whose answers (the application and its
 * evaluation) go into the query cache the editor reads. After a version conflict the applicant keeps their
 * text over the server's or takes the server's.
 */
export function useEditorDraft(application: ApplicationDto) {
  const { id } = application;
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<Draft>(() => draftOf(application));
  // Changes made within one render build on each other, not on the draft that render saw.
  const latestDraft = useRef(draft);
  const [partnerIndex, setPartnerIndex] = useState(() => payloadOf(draft).partnerIndex);

  const autosave = useAutosave(id, application.version, (saved) => {
    queryClient.setQueryData(applicationQuery(id).queryKey, {
      application: saved.application,
      evaluation: saved.evaluation,
      finalization: saved.finalization,
    });
    void queryClient.invalidateQueries({ queryKey: applicationKeys.list });
    // The partner card's readiness (the PI's e-mail, the six answers) and a lapsed confirmation follow the form.
    void queryClient.invalidateQueries({ queryKey: partnerConfirmationKey(id) });
    setPartnerIndex(saved.payload.partnerIndex);
  });
  const readOnly = !application.editable || autosave.state.kind === 'locked';

  const show = useCallback((next: Draft) => {
    latestDraft.current = next;
    setDraft(next);
  }, []);

  const update = useCallback(
    (change: (draft: Draft) => Draft) => {
      if (readOnly) return;
      const next = change(latestDraft.current);
      show(next);
      autosave.change(next);
    },
    [autosave, readOnly, show],
  );

  /** Puts a whole draft (a restored local copy) on the page and saves it. */
  const restore = (copy: Draft) => {
    show(copy);
    autosave.change(copy);
  };

  const readLatest = () => queryClient.fetchQuery({ ...applicationQuery(id), staleTime: 0 });

  const keepMine = async () => {
    try {
      const latest = await readLatest();
      if (await autosave.overwrite(latest.application.version)) message.success('已用本页内容覆盖保存');
    } catch (e) {
      message.error(describeError(e));
    }
  };

  const takeTheirs = async () => {
    try {
      const latest = await readLatest();
      const fresh = draftOf(latest.application);
      show(fresh);
      setPartnerIndex(payloadOf(fresh).partnerIndex);
      autosave.discard(latest.application.version);
      message.info('已载入服务器上的最新内容');
    } catch (e) {
      message.error(describeError(e));
    }
  };

  return { draft, update, restore, readOnly, partnerIndex, autosave, keepMine, takeTheirs };
}
