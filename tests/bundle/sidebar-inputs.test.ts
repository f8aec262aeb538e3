import * as esbuild from 'esbuild';
import path from 'node:path';

const root = path.join(__dirname, '../..');

// The sidebar runs in the browser: of the core it may take only the contract's types and constant lists,
// never the engine (ports, digests, js-sha256).
test('the sidebar bundle takes nothing from src/core but the contract', async () => {
  const result = await esbuild.build({
    entryPoints: [path.join(root, 'src/ui/sidebar.ts')],
    bundle: true,
    write: false,
    metafile: true,
    outdir: 'out',
    absWorkingDir: root,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs).toContain('src/ui/sidebar.ts');
  expect(inputs.filter((file) => !file.startsWith('src/ui/'))).toEqual(['src/core/contract.ts']);
});
