import { inject, type TestApp } from '../harness.js';
import { pdf } from '../pdf.js';
import { uniqueNumber } from '../factories/random.js';

// 项目主管部门诚信承诺书 uploads, which confirmation needs.

export function commitmentForm(file: Buffer, fileName = '主管部门诚信承诺书.pdf'): FormData {
  const body = new FormData();
  body.append('file', new Blob([new Uint8Array(file)], { type: 'application/pdf' }), fileName);
  return body;
}

export function uploadCommitment(
  t: TestApp,
  cookie: string,
  callId: string,
  file = pdf({ seed: `commitment-${uniqueNumber()}` }),
) {
  return inject(t.app, {
    method: 'POST',
    url: `/api/review/commitment?callId=${encodeURIComponent(callId)}`,
    cookie,
    payload: commitmentForm(file),
  });
}
