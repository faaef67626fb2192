import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';
import { getConfig } from 'app-builder-lib/out/util/config/load';
import type { Configuration } from 'electron-builder';
import { BUILDER_CONFIG_FILE, ROOT } from './paths';

/** electron-builder.yml as electron-builder reads it (its own loader), before any defaults. */
export async function loadBuilderConfig(projectDir = ROOT): Promise<Configuration> {
  const loaded = await getConfig<Configuration>(
    { packageKey: 'build', configFilename: 'electron-builder', projectDir, packageMetadata: null },
    BUILDER_CONFIG_FILE,
  );
  if (!loaded) throw new Error(`${BUILDER_CONFIG_FILE} could not be read`);
  return loaded.result;
}

/**
 * A validator for electron-builder's configuration schema (app-builder-lib/scheme.json),
 * stricter than electron-builder's own check: no type coercion, and its custom `typeof`
 * keyword (hooks may be functions in JS configs) is enforced instead of ignored.
 */
export async function createConfigValidator(): Promise<(config: unknown) => ErrorObject[]> {
  const schemaPath = join(ROOT, 'node_modules/app-builder-lib/scheme.json');
  const schema: object = JSON.parse(await readFile(schemaPath, 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addKeyword({
    keyword: 'typeof',
    schemaType: 'string',
    errors: false,
    validate: (expected: string, data: unknown) => typeof data === expected,
  });
  const validate = ajv.compile(schema);
  return (config) => (validate(config) ? [] : [...(validate.errors ?? [])]);
}
