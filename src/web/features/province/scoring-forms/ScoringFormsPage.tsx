import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { PageState } from '../../../shared/PageState.js';
import { useUrlParam } from '../../../shared/useUrlParam.js';
import { CallSelect } from '../../department/CallSelect.js';
import { useReviewCall } from '../../department/useReviewCall.js';
import { scoringFormsQueries } from './api.js';
import { ScoringFormEditor } from './ScoringFormEditor.js';

/** 评分表: each review round of the call, per topic; the chosen form is edited below (项目管理中心). */
export function ScoringFormsPage() {
  const { query, calls, callId, select } = useReviewCall();
  const [roundId, setRound] = useUrlParam('round');
  const [topicParam, setTopic] = useUrlParam('topic');
  const topic = Number(topicParam) || undefined;
  const rounds = useQuery({ ...scoringFormsQueries.rounds(callId ?? ''), enabled: !!callId });
  const choose = (round: string, t: number) => {
    setRound(round);
    setTopic(String(t));
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        评分表
      </Typography.Title>
      <Card>
        <CallSelect calls={calls} value={callId} onChange={select} />
      </Card>
      <PageState query={query}>
        {() => (
          <PageState query={rounds}>
            {(list) =>
              list.length === 0 ? (
                <Empty description="本计划尚未设立评审轮次" />
              ) : (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {list.map((round) => (
                    <Card
                      key={round.id}
                      size="small"
                      title={
                        <Space wrap>
                          {round.name}
                          <Tag>{round.kindLabel}</Tag>
                        </Space>
                      }
                    >
                      <Space wrap>
                        {round.topics.map((t) => (
                          <Button
                            key={t.topic}
                            type={round.id === roundId && t.topic === topic ? 'primary' : 'default'}
                            onClick={() => choose(round.id, t.topic)}
                            data-testid={`form-${round.id}-${t.topic}`}
                          >
                            {t.topicLabel}
                            {t.version === null ? '（默认）' : `（第 ${t.version} 版）`}
                            {t.locked && '·已锁定'}
                          </Button>
                        ))}
                      </Space>
                    </Card>
                  ))}
                </Space>
              )
            }
          </PageState>
        )}
      </PageState>
      {roundId && topic && <ScoringFormEditor key={`${roundId}-${topic}`} roundId={roundId} topic={topic} />}
    </Space>
  );
}
