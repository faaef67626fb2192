import type { MenuItemConstructorOptions } from 'electron';
import { registry } from './registry';

export interface FakeMenuItem {
  id?: string;
  label?: string;
  type?: string;
  role?: string;
  enabled: boolean;
  checked?: boolean;
  click?: () => void;
  submenu?: FakeMenu;
}

export class FakeMenu {
  constructor(readonly items: FakeMenuItem[]) {}

  static buildFromTemplate(template: MenuItemConstructorOptions[]): FakeMenu {
    return new FakeMenu(
      template.map((item) => ({
        id: item.id,
        label: item.label,
        type: item.type,
        role: item.role,
        enabled: item.enabled !== false,
        checked: item.checked,
        click: item.click ? () => (item.click as () => void)() : undefined,
        submenu: Array.isArray(item.submenu) ? FakeMenu.buildFromTemplate(item.submenu) : undefined,
      })),
    );
  }

  /** Recorded for the harness: the menu main set, or null for none. */
  static setApplicationMenu(menu: FakeMenu | null): void {
    registry.applicationMenu = menu;
  }

  /** Finds an item by id anywhere in the menu tree. */
  find(id: string): FakeMenuItem | undefined {
    for (const item of this.items) {
      if (item.id === id) return item;
      const inner = item.submenu?.find(id);
      if (inner) return inner;
    }
    return undefined;
  }

  /** Plain data for the harness: labels, ids and state, nested. */
  describe(): unknown[] {
    return this.items.map((i) => ({
      id: i.id,
      label: i.label,
      type: i.type,
      role: i.role,
      enabled: i.enabled,
      checked: i.checked,
      submenu: i.submenu?.describe(),
    }));
  }
}
