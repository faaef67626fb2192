import { describe, expectTypeOf, it } from 'vitest';
import type * as View from '../../../common/ipc/app-snapshot';
import type { DayCounters } from '../../../main/store/day-counters';
import type { EmergencyState } from '../../../main/store/emergency-state';
import type { FeedSnapshot, MissingHedgeReport } from '../../../main/store/snapshot';

// Compile-time: the renderer's copy of the store's types (common/ipc/app-snapshot.ts) must
// stay the same as the store's own. `npm run typecheck` fails if they drift.
describe('the store snapshot as the renderer sees it', () => {
  it('is the same type as the store snapshot', () => {
    expectTypeOf<View.StoreSnapshot>().toEqualTypeOf<FeedSnapshot>();
    expectTypeOf<View.DayCounters>().toEqualTypeOf<DayCounters>();
    expectTypeOf<View.EmergencyState>().toEqualTypeOf<EmergencyState>();
    expectTypeOf<View.MissingHedgeReport>().toEqualTypeOf<MissingHedgeReport>();
  });
});
