import { Button, Result } from 'antd';
import { Link, useParams } from 'react-router';
import { PageState } from '../../../shared/PageState.js';
import { Editor } from './Editor.js';
import { useEditorData } from './useEditorData.js';

export function ApplicationEditorPage() {
  const { id = '' } = useParams();
  const loaded = useEditorData(id);
  return (
    <PageState
      query={loaded}
      notFound={
        <Result
          status="404"
          title="找不到该申报书"
          subTitle="申报书不存在，或您无权查看。"
          extra={
            <Link to="/applications">
              <Button type="primary">返回申报书列表</Button>
            </Link>
          }
        />
      }
    >
      {(data) => <Editor key={data.application.id} {...data} />}
    </PageState>
  );
}
