import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// `npm start` builds only what changed since the last build: the server (tsc) and the web app (vite) are each
// rebuilt when a file they are built from is newer than what the last build wrote, or that is missing.

export interface Target {
  /** The npm script that builds it. */
  script: string;
  /** Files and folders it is built from (folders walked, missing ones ignored). */
  inputs: string[];
  /** Skipped: folders under the inputs that belong to another target. */
  skip?: string[];
  /** A file every build rewrites: its time is the build's. */
  output: string;
}

const SHARED = ['package.json', 'package-lock.json', 'tsconfig.json'];

export const TARGETS: Target[] = [
  {
    script: 'build:server',
    inputs: ['src', 'tsconfig.build.json', ...SHARED],
    skip: [join('src', 'web')],
    output: join('dist', 'server', 'main.js'),
  },
  {
    script: 'build:web',
    inputs: [join('src', 'web'), join('src', 'core'), join('src', 'contract'), 'vite.config.ts', ...SHARED],
    output: join('dist', 'web', 'index.html'),
  },
];

/** The newest modification time (ms) of the files under `paths`, 0 if there is none. */
export function newestMtime(paths: string[], skip: string[] = []): number {
  let newest = 0;
  const visit = (path: string) => {
    if (skip.includes(path) || !existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

/** Whether `target` must be built again, its paths read under `root`. */
export function isStale(target: Target, root: string): boolean {
  const output = join(root, target.output);
  if (!existsSync(output)) return true;
  const inputs = newestMtime(
    target.inputs.map((p) => join(root, p)),
    (target.skip ?? []).map((p) => join(root, p)),
  );
  return inputs > statSync(output).mtimeMs;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const target of TARGETS) {
    if (isStale(target, process.cwd())) execSync(`npm run ${target.script}`, { stdio: 'inherit' });
    else
      console.log(`${target.output} 已是最新，跳过 ${target.script} / up to date, skipping ${target.script}`);
  }
}
