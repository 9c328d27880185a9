import { Input, Space, Tag } from 'antd';
import { useState } from 'react';

/** A free list of words typed in, for the expert's fields. */
export function SelectTags(props: { value?: string[]; onChange?(value: string[]): void }) {
  const [text, setText] = useState('');
  const value = props.value ?? [];
  const add = () => {
    const word = text.trim();
    if (word && !value.includes(word)) props.onChange?.([...value, word]);
    setText('');
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <div>
        {value.map((f) => (
          <Tag key={f} closable onClose={() => props.onChange?.(value.filter((v) => v !== f))}>
            {f}
          </Tag>
        ))}
      </div>
      <Input
        value={text}
        placeholder="如：先进材料"
        onChange={(e) => setText(e.target.value)}
        onPressEnter={(e) => {
          e.preventDefault();
          add();
        }}
        onBlur={add}
      />
    </Space>
  );
}
