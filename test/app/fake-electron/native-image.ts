import { existsSync } from 'node:fs';

export class FakeNativeImage {
  template = false;

  constructor(readonly path: string) {}

  isEmpty(): boolean {
    return !existsSync(this.path);
  }

  setTemplateImage(template: boolean): void {
    this.template = template;
  }

  getSize() {
    return { width: 16, height: 16 };
  }
}

export const nativeImage = {
  createFromPath: (path: string) => new FakeNativeImage(path),
  createEmpty: () => new FakeNativeImage(''),
};
