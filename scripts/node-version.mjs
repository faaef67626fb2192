// The Node versions the project's tools run on: the range of package.json's engines
// (jsdom, which the dashboard's tests use, needs the most). Shared by ensure-deps.mjs and
// use-node.sh.
export const SUPPORTED_NODE = '22.22.2 or a later 22, 24.15 or a later 24, or 26 and later';

/** Whether a Node version (process.versions.node) is one the tools run on. */
export function isSupportedNode(version) {
  const [major, minor, patch] = version.split('.').map(Number);
  if (major === 22) return minor > 22 || (minor === 22 && patch >= 2);
  if (major === 24) return minor >= 15;
  return major >= 26;
}
