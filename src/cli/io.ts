import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline/promises';

/** What a command touches of the outside world, so tests can run it in-process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readText(path: string): Promise<string>;
  /** Asks a person at a terminal (typing hidden when `secret`); undefined when nobody is there to answer. */
  ask(question: string, secret: boolean): Promise<string | undefined>;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function askTerminal(question: string, secret: boolean): Promise<string | undefined> {
  if (!process.stdin.isTTY) return undefined;
  const terminal = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  if (secret) {
    // readline echoes what is typed through this method; a password is echoed as nothing.
    const echo = terminal as unknown as { _writeToOutput(text: string): void };
    const write = echo._writeToOutput.bind(echo);
    let asked = false;
    echo._writeToOutput = (text) => {
      if (!asked) write(text);
      asked = true;
    };
  }
  try {
    return await terminal.question(question);
  } finally {
    if (secret) process.stdout.write('\n');
    terminal.close();
  }
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readText: (path) => (path === '-' ? readStdin() : readFile(path, 'utf8')),
  ask: askTerminal,
};

export const EXIT = { judged: 0, internal: 1, malformed: 2, usage: 2 } as const;
