import { Form, Typography } from 'antd';
import { ORGANIZATION_KIND_LABELS } from '../../../../../core/labels.js';
import { CountryPicker } from './CountryPicker.js';
import type { NamePath } from './document.js';
import {
  Choice,
  CitedGroup,
  Count,
  date,
  DateInput,
  Field,
  Optional,
  Tags,
  Text,
  Wan,
  wan,
  YesNo,
  yesNo,
} from './fields.js';

// What a topic (or a direction of 专题一) asks of an application: StreamTerms, field by field.

const SHARE_BASES = { total: '项目总预算', jiangsuTotal: '项目江苏方总预算' };

export function StreamFields({ base }: { base: NamePath }) {
  const form = Form.useFormInstance();
  // A part switched on is cited to the stream's own clause until the province cites it more closely.
  const cited = (value: unknown) => ({
    value,
    clause: form.getFieldValue([...base, 'clause']) as string,
    quote: '',
  });
  const at = (...path: string[]) => [...base, ...path];
  return (
    <>
      <Field name={at('label')} label="名称">
        <Text />
      </Field>
      <Field name={at('clause')} label="条款">
        <Text />
      </Field>
      <Field name={at('open', 'value')} cite={at('open')} label="本通知受理申报" {...yesNo}>
        <YesNo />
      </Field>
      <Field name={at('directedOnly', 'value')} cite={at('directedOnly')} label="仅限定向组织申报" {...yesNo}>
        <YesNo />
      </Field>
      <Optional name={at('applicantKinds')} label="申报主体" make={() => cited(['enterprise'])}>
        <Field name={at('applicantKinds', 'value')} cite={at('applicantKinds')} label="可牵头申报的单位类型">
          <Choice labels={ORGANIZATION_KIND_LABELS} />
        </Field>
      </Optional>
      <Field
        name={at('academicLeadNeedsJiangsuEnterprise', 'value')}
        cite={at('academicLeadNeedsJiangsuEnterprise')}
        label="高校、科研机构牵头须联合江苏企业"
        {...yesNo}
      >
        <YesNo />
      </Field>
      <CitedGroup path={at('funding')} label="省资助经费">
        <Field name={at('funding', 'value', 'cap')} label="每项上限" {...wan}>
          <Wan />
        </Field>
        <Optional
          name={at('funding', 'value', 'share')}
          label="不超过预算的比例"
          empty={undefined}
          make={() => ({ percent: 50, base: 'jiangsuTotal' })}
        >
          <Field name={at('funding', 'value', 'share', 'percent')} label="比例">
            <Count suffix="%" />
          </Field>
          <Field name={at('funding', 'value', 'share', 'base')} label="比例的基数">
            <Choice labels={SHARE_BASES} multiple={false} />
          </Field>
        </Optional>
      </CitedGroup>
      <Optional name={at('keyFields')} label="重点支持的技术领域" make={() => cited([])}>
        <Field name={at('keyFields', 'value')} cite={at('keyFields')} label="技术领域">
          <Tags />
        </Field>
      </Optional>
      <Optional
        name={at('partner')}
        label="境外合作方要求"
        make={() => ({ required: cited(true), countries: null, kinds: null })}
      >
        <Field
          name={at('partner', 'required', 'value')}
          cite={at('partner', 'required')}
          label="须有境外合作方"
          {...yesNo}
        >
          <YesNo />
        </Field>
        <Optional name={at('partner', 'kinds')} label="合作方类型" make={() => cited(['enterprise'])}>
          <Field name={at('partner', 'kinds', 'value')} cite={at('partner', 'kinds')} label="合作方须为">
            <Choice labels={ORGANIZATION_KIND_LABELS} />
          </Field>
        </Optional>
        <Optional
          name={at('partner', 'countries')}
          label="合作国别"
          make={() =>
            cited({
              allowed: null,
              allowedName: '所有国家',
              key: null,
              excluded: [],
              excludedForEnterprise: [],
            })
          }
        >
          <CountryTermsFields path={at('partner', 'countries')} />
        </Optional>
      </Optional>
      <Typography.Text strong>申报材料</Typography.Text>
      <Field
        name={at('documents', 'agreements', 'value')}
        cite={at('documents', 'agreements')}
        label="须提交合作协议或意向书"
        {...yesNo}
      >
        <YesNo />
      </Field>
      <Optional
        name={at('documents', 'jointLab')}
        label="共建联合实验室文件"
        make={() =>
          cited({ signedOnOrBefore: form.getFieldValue(['notice', 'publishedOn', 'value']) as string })
        }
      >
        <Field
          name={at('documents', 'jointLab', 'value', 'signedOnOrBefore')}
          cite={at('documents', 'jointLab')}
          label="签署日期不晚于"
          {...date}
        >
          <DateInput />
        </Field>
      </Optional>
      <Field
        name={at('documents', 'platformProof', 'value')}
        cite={at('documents', 'platformProof')}
        label="须提供平台设立证明文件"
        {...yesNo}
      >
        <YesNo />
      </Field>
    </>
  );
}

function CountryTermsFields({ path }: { path: NamePath }) {
  const at = (...rest: string[]) => [...path, 'value', ...rest];
  return (
    <CitedGroup path={path} label="国别条件">
      <Optional name={at('allowed')} label="限定国别范围" make={() => []}>
        <Field name={at('allowed')} label="允许的国家（地区）">
          <CountryPicker />
        </Field>
      </Optional>
      <Field name={at('allowedName')} label="范围的名称">
        <Text placeholder="如 共建“一带一路”国家" />
      </Field>
      <Optional name={at('key')} label="重点国别" make={() => []}>
        <Field name={at('key')} label="重点国家（地区）">
          <CountryPicker />
        </Field>
      </Optional>
      <Field name={at('excluded')} label="不允许的国家（地区）">
        <CountryPicker />
      </Field>
      <Field name={at('excludedForEnterprise')} label="企业牵头时不允许的国家（地区）">
        <CountryPicker />
      </Field>
    </CitedGroup>
  );
}
