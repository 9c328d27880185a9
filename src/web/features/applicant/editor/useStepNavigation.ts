import { useCallback, useEffect, useState } from 'react';
import { draftPath } from './draft.js';
import { focusField, stepOfField } from './fields.js';

/** The step shown, and going to the field a finding names: its step opens and the field takes the focus. */
export function useStepNavigation(partnerIndex: number[]) {
  const [step, setStep] = useState(0);
  const [focus, setFocus] = useState<{ path: string } | null>(null);

  const go = useCallback(
    (field: string) => {
      const path = draftPath(field, partnerIndex);
      const target = stepOfField(path);
      if (target === undefined) return;
      setStep(target);
      setFocus({ path });
    },
    [partnerIndex],
  );

  // The step renders its fields after the change of step: look for the field for a few frames.
  useEffect(() => {
    if (!focus) return;
    let frame = 0;
    let tries = 0;
    const attempt = () => {
      if (!focusField(focus.path) && ++tries < 20) frame = requestAnimationFrame(attempt);
    };
    frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
  }, [focus]);

  return { step, setStep, go };
}
