import { createContext, useContext, useSyncExternalStore } from 'react';
import type { MmTrayApi } from '../../../common/ipc/bridge';
import type { DashboardState } from './dashboard-state';
import type { DashboardStore } from './dashboard-store';

export const StoreContext = createContext<DashboardStore | null>(null);
export const BridgeContext = createContext<MmTrayApi | null>(null);

export function useStore(): DashboardStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore outside <StoreContext.Provider>');
  return store;
}

export function useBridge(): MmTrayApi {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge outside <BridgeContext.Provider>');
  return bridge;
}

/**
 * One part of the dashboard's state. `select` must return a part of the state (or a
 * primitive), not a new object: the component renders again only when it changes.
 */
export function useDashboard<T>(select: (state: DashboardState) => T): T {
  const store = useStore();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}
