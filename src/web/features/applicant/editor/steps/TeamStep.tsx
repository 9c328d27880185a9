import { Card, Col, Empty, Form, Input, InputNumber, Radio, Row, Select, Typography } from 'antd';
import { GENDERS, ID_TYPES, piDetailsSchema } from '../../../../../core/application/content.js';
import { GENDER_LABELS, ID_TYPE_LABELS } from '../../../../../core/labels.js';
import { nationalityChoices } from '../../../../shared/countries.js';
import type { ForeignPersonDraft, MemberDraft, TeamDraft } from '../draft.js';
import { fieldId } from '../fields.js';
import { formPatch, patchAt, textOrUndefined, type StepProps } from './common.js';
import { AddRowButton, HeldBack, RemoveButton } from './RowControls.js';

const MAX_MEMBERS = 50;
const MAX_FOREIGN_MEMBERS = 30;
const DEGREES = ['博士', '硕士', '学士', '其他'];

type Pi = NonNullable<TeamDraft['pi']>;

/** A typed value the schema refuses, said beside the field (it stays on this computer until fixed). */
function piStatus(key: 'mobile' | 'email', value: string | undefined) {
  if (!value) return {};
  const parsed = piDetailsSchema.shape[key].safeParse(value);
  return parsed.success ? {} : { validateStatus: 'error' as const, help: parsed.error.issues[0]?.message };
}

function ForeignPersonFields({
  path,
  person,
  onChange,
  withEmail = false,
}: {
  path: string;
  person: ForeignPersonDraft;
  onChange(patch: ForeignPersonDraft): void;
  /** The foreign PI's address, where the partner's confirmation link is sent. */
  withEmail?: boolean;
}) {
  return (
    <Row gutter={16}>
      <Col xs={24} md={8}>
        <Form.Item htmlFor={fieldId(`${path}.name`)} label="姓名（原文）" required>
          <Input
            id={fieldId(`${path}.name`)}
            value={person.name ?? ''}
            maxLength={100}
            onChange={(e) => onChange({ name: textOrUndefined(e.target.value) })}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item htmlFor={fieldId(`${path}.nationality`)} label="国籍（地区）" required>
          <Select
            id={fieldId(`${path}.nationality`)}
            value={person.nationality}
            placeholder="请选择，可输入名称搜索"
            options={nationalityChoices()}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(nationality: string) => onChange({ nationality })}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item htmlFor={fieldId(`${path}.position`)} label="在合作机构的职务" required>
          <Input
            id={fieldId(`${path}.position`)}
            value={person.position ?? ''}
            maxLength={100}
            onChange={(e) => onChange({ position: textOrUndefined(e.target.value) })}
          />
        </Form.Item>
      </Col>
      {withEmail && (
        <Col xs={24} md={16}>
          <Form.Item
            htmlFor={fieldId(`${path}.email`)}
            label="电子邮箱"
            extra="境外合作方确认链接发送到此邮箱"
          >
            <Input
              id={fieldId(`${path}.email`)}
              type="email"
              value={person.email ?? ''}
              maxLength={254}
              onChange={(e) => onChange({ email: textOrUndefined(e.target.value) })}
            />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}

/** 项目团队: the PI's details, the Chinese members and, where the stream has a partner, the foreign side. */
export function TeamStep({ draft, update, readOnly, application, stream, heldBackFields }: StepProps) {
  const team = draft.form.team ?? {};
  const pi: Pi = team.pi ?? {};
  const members = team.members ?? [];
  const foreignMembers = team.foreignMembers ?? [];
  const setTeam = (patch: Partial<TeamDraft>) =>
    update((d) => formPatch({ team: { ...d.form.team, ...patch } })(d));
  const setPi = (patch: Partial<Pi>) =>
    update((d) => formPatch({ team: { ...d.form.team, pi: { ...d.form.team?.pi, ...patch } } })(d));
  const held = (path: string) => heldBackFields.includes(path);
  const withPartner = !stream || stream.partnerRequired || stream.countries !== null || !!team.foreignPi;

  return (
    <>
      <Typography.Title level={5}>项目负责人：{application.pi.name}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="性别" required>
            <Radio.Group
              id={fieldId('team.pi.gender')}
              value={pi.gender}
              options={GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }))}
              onChange={(e) => setPi({ gender: e.target.value as (typeof GENDERS)[number] })}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item htmlFor={fieldId('team.pi.birthYear')} label="出生年份" required>
            <InputNumber<number>
              id={fieldId('team.pi.birthYear')}
              value={pi.birthYear ?? null}
              min={1930}
              max={2010}
              precision={0}
              style={{ width: '100%' }}
              onChange={(v) => setPi({ birthYear: typeof v === 'number' ? v : undefined })}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item htmlFor={fieldId('team.pi.degree')} label="学位" required>
            <Select
              id={fieldId('team.pi.degree')}
              value={pi.degree}
              placeholder="请选择"
              options={DEGREES.map((d) => ({ value: d, label: d }))}
              onChange={(degree: string) => setPi({ degree })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item htmlFor={fieldId('team.pi.title')} label="职称" required>
            <Input
              id={fieldId('team.pi.title')}
              value={pi.title ?? ''}
              maxLength={50}
              placeholder="例如：研究员、教授、高级工程师"
              onChange={(e) => setPi({ title: textOrUndefined(e.target.value) })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            htmlFor={fieldId('team.pi.mobile')}
            label="手机"
            required
            {...piStatus('mobile', pi.mobile)}
          >
            <Input
              id={fieldId('team.pi.mobile')}
              value={pi.mobile ?? ''}
              maxLength={11}
              inputMode="numeric"
              onChange={(e) => setPi({ mobile: textOrUndefined(e.target.value.trim()) })}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            htmlFor={fieldId('team.pi.email')}
            label="电子邮箱"
            required
            {...piStatus('email', pi.email)}
          >
            <Input
              id={fieldId('team.pi.email')}
              value={pi.email ?? ''}
              maxLength={200}
              inputMode="email"
              onChange={(e) => setPi({ email: textOrUndefined(e.target.value.trim()) })}
            />
          </Form.Item>
        </Col>
      </Row>

      <Typography.Title level={5}>项目组主要成员（境内）</Typography.Title>
      {members.length === 0 && (
        <Empty
          description="暂无项目组成员"
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          style={{ margin: '16px 0' }}
        />
      )}
      {members.map((member, i) => {
        const path = `team.members[${i}]`;
        const set = (patch: MemberDraft) => setTeam({ members: patchAt(members, i, patch) });
        return (
          <Card
            key={i}
            id={fieldId(path)}
            size="small"
            title={`成员 ${i + 1}`}
            style={{ marginBottom: 16 }}
            extra={
              <RemoveButton
                readOnly={readOnly}
                onClick={() => setTeam({ members: members.filter((_, j) => j !== i) })}
              />
            }
          >
            <HeldBack shown={held(path)} />
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <Form.Item htmlFor={fieldId(`${path}.name`)} label="姓名" required>
                  <Input
                    id={fieldId(`${path}.name`)}
                    value={member.name ?? ''}
                    maxLength={50}
                    onChange={(e) => set({ name: textOrUndefined(e.target.value) })}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item htmlFor={fieldId(`${path}.idType`)} label="证件类型" required>
                  <Select
                    id={fieldId(`${path}.idType`)}
                    value={member.idType}
                    placeholder="请选择"
                    options={ID_TYPES.map((t) => ({ value: t, label: ID_TYPE_LABELS[t] }))}
                    onChange={(idType: MemberDraft['idType']) => set({ idType })}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item htmlFor={fieldId(`${path}.idNumber`)} label="证件号码" required>
                  <Input
                    id={fieldId(`${path}.idNumber`)}
                    className="mono"
                    value={member.idNumber ?? ''}
                    maxLength={30}
                    onChange={(e) => set({ idNumber: textOrUndefined(e.target.value.trim()) })}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={8}>
                <Form.Item htmlFor={fieldId(`${path}.organization`)} label="工作单位" required>
                  <Input
                    id={fieldId(`${path}.organization`)}
                    value={member.organization ?? ''}
                    maxLength={200}
                    onChange={(e) => set({ organization: textOrUndefined(e.target.value) })}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={8}>
                <Form.Item htmlFor={fieldId(`${path}.title`)} label="职称">
                  <Input
                    id={fieldId(`${path}.title`)}
                    value={member.title ?? ''}
                    maxLength={50}
                    onChange={(e) => set({ title: textOrUndefined(e.target.value) })}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={8}>
                <Form.Item htmlFor={fieldId(`${path}.monthsPerYear`)} label="每年投入（月）" required>
                  <InputNumber<number>
                    id={fieldId(`${path}.monthsPerYear`)}
                    value={member.monthsPerYear ?? null}
                    min={1}
                    max={12}
                    precision={0}
                    style={{ width: '100%' }}
                    onChange={(v) => set({ monthsPerYear: typeof v === 'number' ? v : undefined })}
                  />
                </Form.Item>
              </Col>
              <Col xs={24}>
                <Form.Item htmlFor={fieldId(`${path}.role`)} label="项目分工" required>
                  <Input
                    id={fieldId(`${path}.role`)}
                    value={member.role ?? ''}
                    maxLength={200}
                    onChange={(e) => set({ role: textOrUndefined(e.target.value) })}
                  />
                </Form.Item>
              </Col>
            </Row>
          </Card>
        );
      })}
      {!readOnly && (
        <AddRowButton
          field="team.members"
          full={members.length >= MAX_MEMBERS}
          marginBottom={24}
          onAdd={() => setTeam({ members: [...members, { idType: 'resident-id' }] })}
        >
          添加项目组成员
        </AddRowButton>
      )}

      {withPartner && (
        <>
          <Typography.Title level={5}>境外方负责人</Typography.Title>
          <Typography.Paragraph type="secondary">
            境外方负责人须依托本人所在境外合作机构与申报单位开展合作〔二、1〕。
          </Typography.Paragraph>
          <div id={fieldId('team.foreignPi')}>
            <HeldBack shown={held('team.foreignPi')} />
            <ForeignPersonFields
              path="team.foreignPi"
              withEmail
              person={team.foreignPi ?? {}}
              onChange={(patch) =>
                update((d) =>
                  formPatch({ team: { ...d.form.team, foreignPi: { ...d.form.team?.foreignPi, ...patch } } })(
                    d,
                  ),
                )
              }
            />
          </div>
          <Typography.Title level={5}>境外方主要成员</Typography.Title>
          {foreignMembers.map((person, i) => {
            const path = `team.foreignMembers[${i}]`;
            return (
              <Card
                key={i}
                id={fieldId(path)}
                size="small"
                title={`境外成员 ${i + 1}`}
                style={{ marginBottom: 16 }}
                extra={
                  <RemoveButton
                    readOnly={readOnly}
                    onClick={() => setTeam({ foreignMembers: foreignMembers.filter((_, j) => j !== i) })}
                  />
                }
              >
                <HeldBack shown={held(path)} />
                <ForeignPersonFields
                  path={path}
                  person={person}
                  onChange={(patch) => setTeam({ foreignMembers: patchAt(foreignMembers, i, patch) })}
                />
              </Card>
            );
          })}
          {!readOnly && (
            <AddRowButton
              field="team.foreignMembers"
              full={foreignMembers.length >= MAX_FOREIGN_MEMBERS}
              onAdd={() => setTeam({ foreignMembers: [...foreignMembers, {}] })}
            >
              添加境外方成员
            </AddRowButton>
          )}
        </>
      )}
    </>
  );
}
