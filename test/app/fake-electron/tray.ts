import { EventEmitter } from './emitter';
import type { FakeMenu } from './menu';
import type { FakeNativeImage } from './native-image';
import { registry } from './registry';

export class FakeTray extends EventEmitter {
  image: string;
  tooltip = '';
  title = '';
  menu: FakeMenu | null = null;
  menuSetCount = 0;
  destroyed = false;
  readonly imageHistory: string[] = [];
  readonly tooltipHistory: string[] = [];

  constructor(image: FakeNativeImage | string) {
    super();
    this.image = typeof image === 'string' ? image : image.path;
    this.imageHistory.push(this.image);
    registry.trays.push(this);
  }

  setImage(image: FakeNativeImage | string): void {
    this.image = typeof image === 'string' ? image : image.path;
    this.imageHistory.push(this.image);
  }

  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
    this.tooltipHistory.push(tooltip);
  }

  setTitle(title: string): void {
    this.title = title;
  }

  setContextMenu(menu: FakeMenu | null): void {
    this.menu = menu;
    this.menuSetCount += 1;
  }

  popUpContextMenu(): void {}

  destroy(): void {
    this.destroyed = true;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}
