import { main } from '../../src/cli/main.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the `shenbao` command in-process; `files` stand in for the file system ('-' is stdin), `answers` for a
 * person at a terminal (none: nobody is there).
 */
export async function runCli(
  args: string[],
  files: Record<string, string> = {},
  answers?: string[],
): Promise<CliRun & { asked: string[] }> {
  const asked: string[] = [];
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readText: async (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return text;
    },
    ask: async (question) => {
      if (!answers) return undefined;
      asked.push(question);
      return answers.shift() ?? '';
    },
  });
  return { code, stdout, stderr, asked };
}
