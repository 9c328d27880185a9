import { theme } from 'antd';
import { useId, type CSSProperties, type ReactNode } from 'react';

/**
 * A public page's panel, drawn as antd's Card is. Card itself imports Tabs, and Tabs a dropdown menu: some 20 KB
 * more on every public page for a feature they never use. Its title is the panel's heading.
 */
export function PublicCard({
  title,
  extra,
  small = false,
  style,
  children,
  ...rest
}: {
  title: ReactNode;
  extra?: ReactNode;
  small?: boolean;
  style?: CSSProperties;
  children: ReactNode;
  'data-testid'?: string;
}) {
  const { token } = theme.useToken();
  const heading = useId();
  const padding = small ? token.paddingSM : token.paddingLG;
  const border = `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`;
  return (
    <section
      aria-labelledby={heading}
      style={{
        background: token.colorBgContainer,
        border,
        borderRadius: token.borderRadiusLG,
        color: token.colorText,
        ...style,
      }}
      {...rest}
    >
      <div
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: token.marginXS,
          minHeight: small ? 38 : 56,
          padding: `0 ${padding}px`,
          borderBottom: border,
        }}
      >
        <h2
          id={heading}
          style={{
            margin: 0,
            fontSize: small ? token.fontSize : token.fontSizeLG,
            fontWeight: token.fontWeightStrong,
            color: token.colorTextHeading,
          }}
        >
          {title}
        </h2>
        {extra}
      </div>
      <div style={{ padding }}>{children}</div>
    </section>
  );
}
