import { useState } from 'react';
import type { MessageSearchFields } from '../../../common/http_api/views';

/**
 * What the search form holds until it is submitted. The URL's criteria replace it only when they
 * change (the back button, a link from another page), not when the time range or the page does:
 * picking a date must not empty what was typed.
 */
export function useSearchDraft(
  fields: MessageSearchFields
): [MessageSearchFields, (draft: MessageSearchFields) => void] {
  const key = JSON.stringify(fields);
  const [state, setState] = useState({ key, draft: fields });
  // React's pattern for state derived from a prop: reset during render, before anything shows it.
  if (state.key !== key) setState({ key, draft: fields });
  return [state.key === key ? state.draft : fields, (draft) => setState({ key, draft })];
}
