import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

// `node --import <this> out/main/index.js` runs the real main entry with `electron`
// resolved to the in-repo stand-in next to this file.
register(pathToFileURL(`${import.meta.dirname}/loader.js`).href, import.meta.url);
