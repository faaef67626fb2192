import { useState } from 'react';

/**
 * The item a view shows in its detail dialog. A new navigation request (its serial) closes
 * it: the requested item would otherwise be marked behind the old dialog, out of reach.
 * Closed while rendering, so the dialog is gone before the view marks the requested row.
 */
export function useDetailDialog<Item>(
  focusSerial: number | undefined,
): [Item | null, (item: Item | null) => void] {
  const [detail, setDetail] = useState<Item | null>(null);
  const [seenSerial, setSeenSerial] = useState(focusSerial);
  if (focusSerial !== undefined && focusSerial !== seenSerial) {
    setSeenSerial(focusSerial);
    if (detail !== null) setDetail(null);
  }
  return [detail, setDetail];
}
