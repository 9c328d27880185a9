import { useEffect, useRef } from 'react';

/** A PDF's bytes in a frame, from a blob address that lives as long as the frame. */
export function PdfFrame({ title, blob }: { title: string; blob: Blob }) {
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    const url = URL.createObjectURL(blob);
    frame.current!.src = url;
    return () => URL.revokeObjectURL(url);
  }, [blob]);
  return (
    <iframe
      ref={frame}
      title={title}
      data-testid="pdf-preview"
      style={{ width: '100%', height: '75vh', border: 0 }}
    />
  );
}
