import { useQuery } from '@tanstack/react-query';
import { Modal } from 'antd';
import { PageState } from '../../shared/PageState.js';
import { documentFileUrl, type DocumentView } from './api.js';
import { PdfFrame } from './PdfFrame.js';

/**
 * The PDF inline. The download answers `Content-Disposition: attachment`, which a frame would save rather than
 * show, so the bytes are fetched and framed from a blob address.
 */
export function PdfPreview({ document, onClose }: { document: DocumentView; onClose(): void }) {
  const pdf = useQuery({
    queryKey: ['documents', document.id, 'file'],
    queryFn: async ({ signal }) => {
      const response = await fetch(documentFileUrl(document.id), { credentials: 'same-origin', signal });
      if (!response.ok) throw new Error(`文件读取失败（HTTP ${response.status}）`);
      return new Blob([await response.blob()], { type: 'application/pdf' });
    },
    // A PDF is large and its document version never changes: it is kept only while shown.
    gcTime: 0,
    staleTime: Infinity,
  });
  return (
    <Modal open title={document.fileName} width="80vw" footer={null} onCancel={onClose} destroyOnHidden>
      <PageState query={pdf}>{(blob) => <PdfFrame title={document.fileName} blob={blob} />}</PageState>
    </Modal>
  );
}
