import { Typography } from 'antd';
import { Link } from 'react-router';

/** An application's title under a link back to the list it was opened from. */
export function ReviewHeading({
  back,
  backLabel,
  title,
}: {
  back: string;
  backLabel: string;
  title: string;
}) {
  return (
    <>
      <Link to={back}>← {backLabel}</Link>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {title || '（未填写项目名称）'}
      </Typography.Title>
    </>
  );
}
