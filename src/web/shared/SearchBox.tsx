import { Input } from 'antd';
import { SEARCH_TERM_MAX } from '../../contract/common.js';
import { useUrlParam } from './useUrlParam.js';

/**
 * A list's text search, kept in the address (`?q=` unless `param` says otherwise): searched on Enter, on the
 * button, and when cleared. Read the term with `useUrlParam(param)`.
 */
export function SearchBox({ placeholder, param = 'q' }: { placeholder: string; param?: string }) {
  const [term, setTerm] = useUrlParam(param);
  return (
    <Input.Search
      // A new term from the address (a reload, another link) replaces what is in the box.
      key={term ?? ''}
      defaultValue={term}
      allowClear
      enterButton
      maxLength={SEARCH_TERM_MAX}
      placeholder={placeholder}
      aria-label={placeholder}
      style={{ width: 340 }}
      onSearch={(value) => setTerm(value.trim() || undefined)}
      data-testid="list-search"
    />
  );
}
