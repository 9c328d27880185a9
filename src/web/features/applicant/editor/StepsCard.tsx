import { Button, Card, Form, Space, Steps } from 'antd';
import type { PersonView } from '../../../../contract/people.js';
import type { Evaluation } from '../../../shared/api.js';
import { DocumentsStep } from './documents/DocumentsStep.js';
import { STEPS, stepsWithProblems } from './fields.js';
import { BasicStep } from './steps/BasicStep.js';
import { BudgetStep } from './steps/BudgetStep.js';
import type { StepProps } from './steps/common.js';
import { DomesticStep } from './steps/DomesticStep.js';
import { EthicsStep } from './steps/EthicsStep.js';
import { IndicatorsStep } from './steps/IndicatorsStep.js';
import { PartnerStep } from './steps/PartnerStep.js';
import { SectionsStep } from './steps/SectionsStep.js';
import { TeamStep } from './steps/TeamStep.js';

/** The form, one step at a time; a step other than the current one is marked when it holds a problem. */
export function StepsCard({
  step,
  onStep,
  evaluation,
  stepProps,
  people,
  heldBack,
  onDocumentsChanged,
}: {
  step: number;
  onStep(step: number): void;
  evaluation: Evaluation;
  stepProps: StepProps;
  people: PersonView[] | undefined;
  /** Draft indices of the domestic partners not yet complete enough to save. */
  heldBack: number[];
  onDocumentsChanged(): void;
}) {
  const problems = stepsWithProblems(evaluation);
  const content = [
    <BasicStep key="basic" {...stepProps} people={people} />,
    <TeamStep key="team" {...stepProps} />,
    <PartnerStep key="partner" {...stepProps} />,
    <DomesticStep key="domestic" {...stepProps} heldBack={heldBack} />,
    <SectionsStep key="sections" {...stepProps} />,
    <IndicatorsStep key="indicators" {...stepProps} />,
    <BudgetStep key="budget" {...stepProps} />,
    <EthicsStep key="ethics" {...stepProps} />,
    <DocumentsStep key="documents" {...stepProps} onChanged={onDocumentsChanged} />,
  ][step];

  return (
    <Card>
      <Steps
        size="small"
        current={step}
        onChange={onStep}
        style={{ marginBottom: 24 }}
        items={STEPS.map((s, i) => ({
          title: s.title,
          ...(problems.has(i) && i !== step ? { status: 'error' as const } : {}),
        }))}
      />
      <Form layout="vertical" component="div" disabled={stepProps.readOnly}>
        {content}
      </Form>
      <Space style={{ marginTop: 16, display: 'flex', justifyContent: 'space-between' }}>
        <Button disabled={step === 0} onClick={() => onStep(step - 1)}>
          上一步
        </Button>
        {step < STEPS.length - 1 && (
          <Button type="primary" onClick={() => onStep(step + 1)}>
            下一步：{STEPS[step + 1]!.title}
          </Button>
        )}
      </Space>
    </Card>
  );
}
