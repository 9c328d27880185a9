import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useNavigate } from 'react-router';
import { api, ApiError, describeError, type Evaluation } from '../../../shared/api.js';
import { applicationKeys, applicationQuery } from '../queries.js';
import { localCopies } from './draft.js';
import type { useAutosave } from './useAutosave.js';

type Autosave = Pick<ReturnType<typeof useAutosave>, 'flush' | 'version'>;

/** Submitting (after a confirmation, once everything is saved) and withdrawing a draft. */
export function useSubmission(applicationId: string, autosave: Autosave) {
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const settled = () => {
    localCopies.clear(applicationId);
    void queryClient.invalidateQueries({ queryKey: applicationKeys.all });
  };

  const submission = useMutation({
    mutationFn: () =>
      api(`/applications/${applicationId}/submit`, {
        method: 'POST',
        body: { version: autosave.version() },
      }),
    onSuccess: () => {
      settled();
      message.success('申报书已提交');
      void navigate(`/applications/${applicationId}/receipt`);
    },
    onError: (e) => {
      if (!(e instanceof ApiError && e.status === 422)) {
        modal.error({ title: '提交失败', content: describeError(e) });
        return;
      }
      const blocked = (e.body as { evaluation?: Evaluation }).evaluation;
      if (blocked) {
        queryClient.setQueryData(
          applicationQuery(applicationId).queryKey,
          (read) => read && { ...read, evaluation: blocked },
        );
      }
      modal.error({
        title: '暂不能提交',
        content: '提交时服务器重新检查发现问题，请按右侧“形式审查”逐项修改。',
      });
    },
  });

  const withdrawal = useMutation({
    mutationFn: async () => {
      await autosave.flush();
      await api(`/applications/${applicationId}/withdraw`, {
        method: 'POST',
        body: { version: autosave.version() },
      });
    },
    onSuccess: () => {
      settled();
      message.success('申报书已作废');
      void navigate('/applications');
    },
    onError: (e) => message.error(describeError(e)),
  });

  const submit = async () => {
    if (!(await autosave.flush())) {
      message.error('最新修改尚未保存，请先解决保存问题再提交');
      return;
    }
    modal.confirm({
      title: '确认提交申报书？',
      content:
        '提交后将由服务器重新检查并出具受理回执；提交后申报书不能再修改，如需修改须由项目主管部门退回。',
      okText: '确认提交',
      cancelText: '再检查一下',
      onOk: () => submission.mutateAsync().catch(() => undefined),
    });
  };

  return {
    submit,
    submitting: submission.isPending,
    withdraw: () => withdrawal.mutateAsync().catch(() => undefined),
  };
}
