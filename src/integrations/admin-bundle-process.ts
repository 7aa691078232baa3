/**
 * `node admin-bundle-process.ts <project folder> <output folder>`: bundles the CMS into the output
 * folder (see admin-bundle-build.ts). Exits 1 with the reason on standard error.
 */
import { bundleAdmin } from './admin-bundle-build.ts';

const [root, outDir] = process.argv.slice(2);
if (!root || !outDir) {
  process.stderr.write('用法：node admin-bundle-process.ts <项目文件夹> <输出文件夹>\n');
  process.exit(2);
}
try {
  await bundleAdmin(root, outDir);
} catch (error) {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
}
