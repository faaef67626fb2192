import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const BUILDER_CONFIG_FILE = 'electron-builder.yml';
export const GENERATED_ICONS = join(ROOT, 'build/icons/generated');
