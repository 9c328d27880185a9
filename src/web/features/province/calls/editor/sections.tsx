import { Button, Card, Form, Space, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { DEPARTMENT_KINDS, DIRECTIONS, DOCUMENT_KINDS, TOPICS } from '../../../../../core/bundle/schema.js';
import { SECTION_KEYS } from '../../../../../core/application/content.js';
import { SECTION_LABELS } from '../../../../../core/application/form.js';
import type { CallDocument } from '../../../../../core/calls/schema.js';
import {
  COMPLETENESS_LABELS,
  DEPARTMENT_KIND_LABELS,
  DIRECTION_LABELS,
  DOCUMENT_KIND_LABELS,
  ETHICS_LABELS,
  ONGOING_PROGRAM_LABELS,
  ORGANIZATION_KIND_LABELS,
  PLATFORM_LABELS,
  TOPIC_LABELS,
} from '../../../../../core/labels.js';
import { CountrySelect } from './CountryPicker.js';
import type { NamePath } from './document.js';
import {
  Choice,
  CitedGroup,
  CiteLink,
  Count,
  date,
  DateInput,
  Field,
  Instant,
  instant,
  LongText,
  month,
  MonthInput,
  Optional,
  Tags,
  Text,
  Topics,
  Wan,
  wan,
  YesNo,
  yesNo,
} from './fields.js';
import { StreamFields } from './StreamFields.js';

// The call's parameters other than the streams, in the notice's order, one tab each in the editor.

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Card size="small" title={title} style={{ marginBottom: 16 }}>
    {children}
  </Card>
);

export function BasicsTab() {
  return (
    <>
      <Section title="计划">
        <Field name={['id']} label="计划编号">
          <Text />
        </Field>
        <Field name={['name']} label="计划名称">
          <Text />
        </Field>
      </Section>
      <Section title="通知">
        <Field name={['notice', 'number', 'value']} cite={['notice', 'number']} label="文号">
          <Text />
        </Field>
        <Field name={['notice', 'title', 'value']} cite={['notice', 'title']} label="标题">
          <LongText />
        </Field>
        <Field
          name={['notice', 'publishedOn', 'value']}
          cite={['notice', 'publishedOn']}
          label="发布日期"
          {...date}
        >
          <DateInput />
        </Field>
      </Section>
      <Section title="时间（北京时间）">
        {(
          [
            ['opens', '网上填报开放'],
            ['submission', '网上填报截止'],
            ['recommendation', '主管部门审核推荐截止'],
            ['paper', '纸质材料受理截止'],
          ] as const
        ).map(([key, label]) => (
          <Field
            key={key}
            name={['deadlines', key, 'value']}
            cite={['deadlines', key]}
            label={label}
            {...instant}
          >
            <Instant />
          </Field>
        ))}
      </Section>
      <Section title="申报单位条件">
        <Field
          name={['applicant', 'registeredOnOrBefore', 'value']}
          cite={['applicant', 'registeredOnOrBefore']}
          label="注册日期不晚于"
          {...date}
        >
          <DateInput />
        </Field>
        {(
          [
            ['inJiangsu', '须在江苏省注册'],
            ['independentLegalEntity', '须具有独立法人资格'],
            ['piEmployedByApplicant', '项目负责人须为本单位在职人员'],
          ] as const
        ).map(([key, label]) => (
          <Field
            key={key}
            name={['applicant', key, 'value']}
            cite={['applicant', key]}
            label={label}
            {...yesNo}
          >
            <YesNo />
          </Field>
        ))}
      </Section>
      <Section title="境外合作机构">
        <Field name={['partnerBars', 'value']} cite={['partnerBars']} label="适用合作机构限制条件的专题">
          <Topics />
        </Field>
        <Field name={['homeCountry', 'value']} cite={['homeCountry']} label="本国（合作方不得在此）">
          <CountrySelect />
        </Field>
      </Section>
    </>
  );
}

export function TopicsTab({
  document,
  active,
  onChange,
}: {
  document: CallDocument;
  active: string;
  onChange(topic: string): void;
}) {
  return (
    <Tabs
      activeKey={active}
      onChange={onChange}
      items={TOPICS.map((t) => {
        const base = ['topics', String(t)];
        const terms = document.topics[t].terms;
        return {
          key: String(t),
          label: TOPIC_LABELS[t],
          forceRender: true,
          children: (
            <>
              <Field name={[...base, 'name']} label="专题名称">
                <Text />
              </Field>
              <Field name={[...base, 'clause']} label="条款">
                <Text />
              </Field>
              {'byDirection' in terms ? (
                DIRECTIONS.filter((d) => d in terms.byDirection).map((d) => (
                  <Card key={d} size="small" title={DIRECTION_LABELS[d]} style={{ marginBottom: 16 }}>
                    <StreamFields base={[...base, 'terms', 'byDirection', d]} />
                  </Card>
                ))
              ) : (
                <StreamFields base={[...base, 'terms']} />
              )}
            </>
          ),
        };
      })}
    />
  );
}

export function DocumentsTab() {
  return (
    <>
      <Section title="申报材料">
        <Field
          name={['documents', 'completeness', 'value']}
          cite={['documents', 'completeness']}
          label="合作协议须齐全的要素"
        >
          <Choice labels={COMPLETENESS_LABELS} />
        </Field>
        <Field
          name={['documents', 'translationRequired', 'value']}
          cite={['documents', 'translationRequired']}
          label="外文文件须附中文翻译"
          {...yesNo}
        >
          <YesNo />
        </Field>
        <Field
          name={['documents', 'integrityCommitments', 'value']}
          cite={['documents', 'integrityCommitments']}
          label="须上传的科研诚信承诺书"
        >
          <Choice labels={DOCUMENT_KIND_LABELS} />
        </Field>
        <Field
          name={['documents', 'signedForms', 'value']}
          cite={['documents', 'signedForms']}
          label="须签字盖章上传的表格"
        >
          <Choice labels={DOCUMENT_KIND_LABELS} />
        </Field>
        <Field
          name={['documents', 'otherAttachments', 'value']}
          cite={['documents', 'otherAttachments']}
          label="可上传其他附件"
          {...yesNo}
        >
          <YesNo />
        </Field>
        <CitedGroup path={['documents', 'signedScans']} label="签字扫描件须显示的要素">
          {DOCUMENT_KINDS.map((kind) => (
            <Field
              key={kind}
              name={['documents', 'signedScans', 'value', kind]}
              label={DOCUMENT_KIND_LABELS[kind]}
            >
              <Choice labels={COMPLETENESS_LABELS} />
            </Field>
          ))}
        </CitedGroup>
      </Section>
      <Section title="科研诚信承诺">
        <CitedGroup path={['commitments']} label="承诺书">
          <Field name={['commitments', 'value', 'creditRules']} label="失信处理依据">
            <Text />
          </Field>
          {(
            [
              ['unit', '申报单位承诺'],
              ['pi', '项目负责人承诺'],
              ['department', '主管部门承诺'],
            ] as const
          ).map(([signer, label]) => (
            <Field key={signer} name={['commitments', 'value', 'pledges', signer]} label={label}>
              <Tags placeholder="每条承诺输入后按回车" />
            </Field>
          ))}
        </CitedGroup>
      </Section>
      <Section title="科研诚信与伦理">
        <Field
          name={['integrity', 'dishonestyBars', 'value']}
          cite={['integrity', 'dishonestyBars']}
          label="失信记录不得申报"
          {...yesNo}
        >
          <YesNo />
        </Field>
        <Field
          name={['integrity', 'reviewRequired', 'value']}
          cite={['integrity', 'reviewRequired']}
          label="须经伦理审查"
        >
          <Choice labels={ETHICS_LABELS} />
        </Field>
        <Field
          name={['integrity', 'toBeNoted', 'value']}
          cite={['integrity', 'toBeNoted']}
          label="须说明的情形"
        >
          <Choice labels={ETHICS_LABELS} />
        </Field>
        <Field
          name={['classifiedRefused', 'value']}
          cite={['classifiedRefused']}
          label="涉密项目不予受理"
          {...yesNo}
        >
          <YesNo />
        </Field>
        <Field
          name={['largeInstruments', 'value']}
          cite={['largeInstruments']}
          label="须说明大型科学仪器购置"
          {...yesNo}
        >
          <YesNo />
        </Field>
      </Section>
    </>
  );
}

export function LimitsTab() {
  const limit = (...path: string[]) => ['limits', ...path];
  return (
    <>
      <Section title="限项">
        <CitedGroup path={limit('perEnterprise')} label="企业限项">
          <Field name={limit('perEnterprise', 'value', 'max')} label="同一企业每年最多申报">
            <Count suffix="项" />
          </Field>
          <Field name={limit('perEnterprise', 'value', 'exemptPrograms')} label="不计入限项的计划">
            <Tags />
          </Field>
        </CitedGroup>
        <Field
          name={limit('enterpriseOngoingBar', 'value')}
          cite={limit('enterpriseOngoingBar')}
          label="企业有在研项目不得申报的计划"
        >
          <Choice labels={ONGOING_PROGRAM_LABELS} />
        </Field>
        <Field
          name={limit('piOngoingBar', 'value', 'maxOngoing')}
          cite={limit('piOngoingBar')}
          label="负责人在研项目数上限"
        >
          <Count suffix="项" />
        </Field>
        <Field name={limit('perPi', 'value', 'max')} cite={limit('perPi')} label="每位负责人最多申报">
          <Count suffix="项" />
        </Field>
        <CitedGroup path={limit('perInstitution')} label="高校、科研机构限项">
          <Field name={limit('perInstitution', 'value', 'topics')} label="适用专题">
            <Topics />
          </Field>
          <Field name={limit('perInstitution', 'value', 'kinds')} label="适用单位类型">
            <Choice labels={ORGANIZATION_KIND_LABELS} />
          </Field>
          <Field name={limit('perInstitution', 'value', 'max')} label="每家最多申报">
            <Count suffix="项" />
          </Field>
        </CitedGroup>
        <CitedGroup path={limit('duplicates')} label="重复申报查重">
          <Field name={limit('duplicates', 'value', 'errorAt')} label="判定重复的相似度（0–1）">
            <Count step={0.01} />
          </Field>
          <Field name={limit('duplicates', 'value', 'warnAt')} label="提示的相似度（0–1）">
            <Count step={0.01} />
          </Field>
          <Field name={limit('duplicates', 'value', 'minCodePoints')} label="参与比对的最少字数">
            <Count suffix="字" />
          </Field>
        </CitedGroup>
      </Section>
      <Section title="推荐名额">
        <CitedGroup path={['quotas']} label="各主管部门推荐名额">
          <Field name={['quotas', 'value', 'topics']} label="合并计算名额的专题">
            <Topics />
          </Field>
          {DEPARTMENT_KINDS.map((kind) => (
            <Field
              key={kind}
              name={['quotas', 'value', 'byDepartmentKind', kind]}
              label={DEPARTMENT_KIND_LABELS[kind]}
            >
              <Count suffix="项（空为不限）" />
            </Field>
          ))}
          <Field
            name={['quotas', 'value', 'countiesCountAgainstCity']}
            label="县（市）推荐计入所在设区市名额"
            {...yesNo}
          >
            <YesNo />
          </Field>
        </CitedGroup>
      </Section>
      <Section title="单列指标">
        <Space size={4} style={{ marginBottom: 8 }}>
          单列指标的依据
          <CiteLink path={['separateSlots']} label="单列指标" />
        </Space>
        <ListOf
          name={['separateSlots', 'value']}
          noun="单列指标"
          make={() => ({ topics: [], platforms: [], barredByOngoing: [], perApplicant: 1, label: '' })}
          render={(at) => (
            <>
              <Field name={at('label')} label="名称">
                <Text />
              </Field>
              <Field name={at('topics')} label="适用专题">
                <Topics />
              </Field>
              <Field name={at('platforms')} label="依托的平台">
                <Choice labels={PLATFORM_LABELS} />
              </Field>
              <Field name={at('barredByOngoing')} label="有在研项目则不再单列的计划">
                <Choice labels={ONGOING_PROGRAM_LABELS} />
              </Field>
              <Field name={at('perApplicant')} label="每家单列">
                <Count suffix="项" />
              </Field>
            </>
          )}
        />
      </Section>
    </>
  );
}

export function ContentTab() {
  const content = (...path: string[]) => ['content', 'value', ...path];
  const paper = (...path: string[]) => ['paper', ...path];
  return (
    <>
      <Section title="申报书内容">
        <CitedGroup path={['content']} label="内容要求">
          <Field name={content('maxDurationMonths')} label="项目执行期最长">
            <Count suffix="个月" />
          </Field>
          <Field name={content('earliestStart')} label="最早开始年月" {...month}>
            <MonthInput />
          </Field>
          <Field name={content('abstractMax')} label="摘要字数上限">
            <Count suffix="字" />
          </Field>
          <Field name={content('keywords', 'min')} label="关键词至少">
            <Count suffix="个" />
          </Field>
          <Field name={content('keywords', 'max')} label="关键词至多">
            <Count suffix="个" />
          </Field>
          {SECTION_KEYS.map((key) => (
            <Field key={key} name={content('sectionLimits', key)} label={`${SECTION_LABELS[key]}字数上限`}>
              <Count suffix="字" />
            </Field>
          ))}
          <Field name={content('instrumentThreshold')} label="大型科学仪器单价标准" {...wan}>
            <Wan />
          </Field>
          <Optional
            name={content('indirectCosts')}
            label="间接费用"
            make={() => ({ maxPercentOfDirect: 20 })}
          >
            <Field name={content('indirectCosts', 'maxPercentOfDirect')} label="不超过直接费用的">
              <Count suffix="%" />
            </Field>
          </Optional>
          <Field name={content('expertDocuments')} label="评审专家可查看的附件">
            <Choice labels={DOCUMENT_KIND_LABELS} />
          </Field>
        </CitedGroup>
      </Section>
      <Section title="纸质材料">
        <CitedGroup path={paper('applicationCopies')} label="申报阶段纸质申报材料">
          <Field name={paper('applicationCopies', 'value', 'topics')} label="须提交的专题">
            <Topics />
          </Field>
          <Field name={paper('applicationCopies', 'value', 'copies')} label="份数">
            <Count suffix="份" />
          </Field>
        </CitedGroup>
        <Field
          name={paper('departmentMaterials', 'value', 'commitmentCopies')}
          cite={paper('departmentMaterials')}
          label="主管部门科研诚信承诺书份数"
        >
          <Count suffix="份" />
        </Field>
        <CitedGroup path={paper('fundedCopies')} label="立项项目纸质材料">
          <Field name={paper('fundedCopies', 'value', 'copies')} label="份数">
            <Count suffix="份" />
          </Field>
          <Field name={paper('fundedCopies', 'value', 'order')} label="装订顺序">
            <Tags />
          </Field>
        </CitedGroup>
      </Section>
    </>
  );
}

export function ReviewTab() {
  const review = (key: string) => ['review', 'value', key];
  return (
    <>
      <Section title="评审">
        <CitedGroup path={['review']} label="评审与复核">
          <Field name={review('invitationDays')} label="专家答复邀请的期限">
            <Count suffix="天" />
          </Field>
          <Field name={review('invitationReminderHours')} label="到期前提醒">
            <Count suffix="小时" />
          </Field>
          <Field name={review('avoidedExpertsMax')} label="可申请回避的专家至多">
            <Count suffix="名" />
          </Field>
          <Field name={review('strictLenientZ')} label="评分偏严/偏宽的标准差倍数">
            <Count step={0.1} />
          </Field>
          <Field name={review('appealWorkingDays')} label="申请复核的期限">
            <Count suffix="个工作日" />
          </Field>
        </CitedGroup>
      </Section>
      <Section title="立项">
        <CitedGroup path={['award']} label="立项通知书">
          <Field name={['award', 'value', 'issuer']} label="发文单位">
            <Text />
          </Field>
          <Field name={['award', 'value', 'projectNoPrefix']} label="项目编号前缀">
            <Text />
          </Field>
          <Field name={['award', 'value', 'conditions']} label="立项条件">
            <Tags placeholder="每条条件输入后按回车" />
          </Field>
        </CitedGroup>
        <Field
          name={['releasedFeedback', 'value']}
          cite={['releasedFeedback']}
          label="公示时告知未立项项目"
          {...yesNo}
        >
          <YesNo />
        </Field>
      </Section>
    </>
  );
}

export function ContactsTab() {
  return (
    <ListOf
      name={['contacts']}
      noun="联系人"
      make={() => ({ value: { unit: '', people: [], phones: [], address: null }, clause: '', quote: '' })}
      render={(at, index) => (
        <>
          <Space size={4} style={{ marginBottom: 8 }}>
            依据
            <CiteLink path={['contacts', index]} label={`联系人 ${index + 1}`} />
          </Space>
          <Field name={at('value', 'unit')} label="单位">
            <Text />
          </Field>
          <Field name={at('value', 'people')} label="联系人">
            <Tags />
          </Field>
          <Field name={at('value', 'phones')} label="电话">
            <Tags />
          </Field>
          <Optional
            name={at('value', 'address')}
            label="纸质材料接收地址"
            make={() => ({ value: '', clause: '', quote: '' })}
          >
            <Field name={at('value', 'address', 'value')} cite={at('value', 'address')} label="地址">
              <Text />
            </Field>
          </Optional>
        </>
      )}
    />
  );
}

/** An array of the document as cards, each removable, with a button to add one. */
function ListOf({
  name,
  noun,
  make,
  render,
}: {
  name: NamePath;
  noun: string;
  make(): unknown;
  render(at: (...path: string[]) => NamePath, index: number): ReactNode;
}) {
  const form = Form.useFormInstance();
  const items = (Form.useWatch(name, { form, preserve: true }) as unknown[] | undefined) ?? [];
  const set = (next: unknown[]) => form.setFieldValue(name, next);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {items.map((_, index) => (
        <Card
          key={index}
          size="small"
          title={`${noun} ${index + 1}`}
          extra={
            <Button size="small" danger onClick={() => set(items.filter((__, i) => i !== index))}>
              删除
            </Button>
          }
        >
          {render((...path) => [...name, index, ...path], index)}
        </Card>
      ))}
      <Button onClick={() => set([...items, make()])}>添加{noun}</Button>
    </Space>
  );
}
