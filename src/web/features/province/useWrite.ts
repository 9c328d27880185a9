import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { Modal } from 'antd';
import { describeError } from '../../shared/api.js';

/**
 * A write started from a button in a list: what it changes (`invalidates`) is read again, and a refusal is shown
 * in a dialog with the server's message.
 */
export function useWrite(invalidates: QueryKey, failure = '操作未完成') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (write: () => Promise<unknown>) => write(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invalidates }),
    onError: (e) => Modal.error({ title: failure, content: describeError(e) }),
  });
}
