import { describe, expectTypeOf, it } from 'vitest';
import type { StoreSnapshot } from '../../../common/ipc/app-snapshot';
import type { FeedSnapshot } from '../../../main/store/snapshot';

// Compile-time: what the renderer is told a store snapshot holds (common/ipc) must stay
// what the store produces. `npm run typecheck` fails if they drift.
describe('the store snapshot as the renderer sees it', () => {
  it('is the same type as the store snapshot', () => {
    expectTypeOf<StoreSnapshot>().toEqualTypeOf<FeedSnapshot>();
  });
});
